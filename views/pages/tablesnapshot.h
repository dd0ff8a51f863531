// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/document/document.h"
#include "models/export/exporttable.h"

#include <QStringList>
#include <QVariantList>
#include <vector>

class QTableView;

namespace kopru {

// A table as the user sees it: the shown columns in their on-screen order
// with their headers, the rows as filtered and sorted, the texts as displayed.
// Edit ▸ Copy puts it on the clipboard for Excel; File ▸ Print prints it;
// File ▸ Export Table saves it as XLSX or CSV.
struct TableSnapshot
{
    QStringList headers;
    std::vector<bool> numeric; // per column: right-aligned when printed
    std::vector<QStringList> rows;
    // The values behind the texts (numbers, dates), for spreadsheets.
    std::vector<QVariantList> values;

    // The whole table, or (`selectionOnly`) the selected cells' rows and columns.
    static TableSnapshot of(const QTableView *view, bool selectionOnly);

    // Tab-separated with a header row, lines ended by CRLF, cells holding a tab,
    // a line break or a quote in quotes: what Excel and LibreOffice paste as cells.
    QString toTsv() const;
    // A printable document: `title` and the table.
    document::Document toDocument(const QString &title) const;
    // One sheet named `title`: a column whose values are all whole numbers is
    // an integer column, all numbers a decimal one, all dates a date column;
    // any other column holds the texts as shown.
    exporting::TableDocument toTableDocument(const QString &title, const QStringList &notes) const;
    // Writes toTableDocument() as .csv (by the file's suffix) or else .xlsx,
    // replacing `path` only when complete. Errors name the file.
    Status save(const QString &path, const QString &title, const QStringList &notes) const;
};

} // namespace kopru
