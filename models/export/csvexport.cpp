// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/export/csvexport.h"

#include "models/export/cellformat.h"
#include "models/io/csvwriter.h"

namespace kopru::exporting {

QByteArray toCsv(const TableDocument &doc)
{
    CsvWriter writer;
    QStringList header;
    QList<bool> numeric;
    for (const TableColumn &c : doc.columns) {
        header << c.header;
        numeric << (c.type == ColumnType::Integer || c.type == ColumnType::Decimal || c.type == ColumnType::Percent);
    }
    writer.addRow(header);
    for (const TableSheet &sheet : doc.sheets)
        for (const QVariantList &row : sheet.rows) {
            QStringList cells;
            cells.reserve(row.size());
            for (int i = 0; i < row.size() && i < int(doc.columns.size()); ++i)
                cells << cellText(row.at(i), doc.columns[std::size_t(i)].type, CellStyle::Csv);
            writer.addRow(cells, numeric);
        }
    return writer.data();
}

} // namespace kopru::exporting
