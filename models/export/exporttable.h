// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <vector>

namespace kopru::exporting {

// How a column's values are written.
enum class ColumnType {
    Text, // QString; always written as text, never as a formula
    Identifier, // QString of digits that must stay text (national IDs, phones)
    Date, // QDate
    Integer, // int
    Decimal, // double; NaN = empty
    Percent, // double share 0…1; NaN = empty
};

struct TableColumn
{
    QString header;
    ColumnType type = ColumnType::Text;
    double width = 12; // in characters (XLSX) / relative share (PDF)
};

// One sheet of a spreadsheet (one group of a CSV); all sheets share the columns.
struct TableSheet
{
    QString name; // sheet name: a centre or a field
    QString title; // longer heading
    std::vector<QVariantList> rows;
    std::vector<TableColumn> columns; // XLSX: this sheet's own columns; empty: the document's
};

// A tabular export before it is written in a format.
struct TableDocument
{
    QString title; // "Placement plan"
    QStringList notes; // lines under the title (export date, anonymisation notice)
    std::vector<TableColumn> columns;
    std::vector<TableSheet> sheets;

    std::size_t rowCount() const
    {
        std::size_t n = 0;
        for (const TableSheet &s : sheets)
            n += s.rows.size();
        return n;
    }
};

} // namespace kopru::exporting
