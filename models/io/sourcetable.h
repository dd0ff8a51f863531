// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace kopru {

// One record of a CSV file or one row of a sheet. `line` is the 1-based
// line where the record starts (CSV: a record with quoted line breaks is
// reported at its first line; XLSX: the sheet's row number). Cells are in
// column order; the column of cells[i] is i + 1 (CSV: the field number,
// XLSX: A = 1, B = 2, …, gaps filled with empty cells).
struct SourceRow
{
    int line = 0;
    QStringList cells;

    QString cell(int index) const { return index >= 0 && index < cells.size() ? cells.at(index) : QString(); }
};

// A table read from a file: the first non-empty row is the header, the rest
// are data rows. `file` is the name used in messages.
struct SourceTable
{
    QString file;
    int headerLine = 0;
    QStringList header;
    std::vector<SourceRow> rows;
};

} // namespace kopru
