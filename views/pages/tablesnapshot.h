// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/document/document.h"

#include <QStringList>
#include <vector>

class QTableView;

namespace kopru {

// A table as the user sees it: the shown columns in their on-screen order
// with their headers, the rows as filtered and sorted, the texts as displayed.
// Edit ▸ Copy puts it on the clipboard for Excel; File ▸ Print prints it.
struct TableSnapshot
{
    QStringList headers;
    std::vector<bool> numeric; // per column: right-aligned when printed
    std::vector<QStringList> rows;

    // The whole table, or (`selectionOnly`) the selected cells' rows and columns.
    static TableSnapshot of(const QTableView *view, bool selectionOnly);

    // Tab-separated with a header row, lines ended by CRLF, cells holding a tab,
    // a line break or a quote in quotes: what Excel and LibreOffice paste as cells.
    QString toTsv() const;
    // A printable document: `title` and the table.
    document::Document toDocument(const QString &title) const;
};

} // namespace kopru
