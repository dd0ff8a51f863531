// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace kopru {

// One record of a CSV file or one row of a sheet. `line` is the 1-based
// line where the record starts (CSV: a record with quoted line breaks is
// reported at its first line; XLSX: the sheet's row number). Cells are in
// column order; the column of cell(i) is i + 1 (CSV: the field number,
// XLSX: A = 1, B = 2, …, gaps filled with empty cells).
//
// Compact: the cells are kept one after another in one string with their
// end positions, not as a QStringList. A survey's cells are one or two
// characters; as separate QStrings each costs ~70 bytes of headers and heap,
// which made the 3.2 million ratings of the national roll-out's survey
// (issue #16) 240 MB before a single rating was read. Here a cell costs its
// characters and 4 bytes (docs/benchmarks.md, "Importing at scale").
class SourceRow
{
public:
    SourceRow() = default;
    SourceRow(int line, const QStringList &cells);

    int line = 0;

    // The cell at `index`, or an empty string beyond the row's end.
    QString cell(int index) const;
    // The same without a copy: valid while the row lives unchanged.
    QStringView cellView(int index) const;
    qsizetype size() const { return qsizetype(m_ends.size()); }
    bool isEmpty() const { return m_ends.empty(); }
    // All cells (a copy: for previews and tests, not for the import's loops).
    QStringList cells() const;

private:
    QString m_text;
    std::vector<int> m_ends; // m_ends[i]: where cell i ends in m_text
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
