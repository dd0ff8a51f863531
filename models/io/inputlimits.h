// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QString>
#include <QStringView>
#include <optional>

// What Köprü reads from a table file at most. The national data sets are far
// below every limit (the survey of 8,000 teachers: 1 MB, 9,000 lines, 45
// columns, 360,000 cells); the limits keep a damaged or hostile file from
// taking the computer's memory (reading stays below 500 MB whatever the
// input, see docs/data-safety.md).
namespace kopru::InputLimits {

constexpr qint64 kMaxFileBytes = 64LL * 1024 * 1024; // a .csv or .xlsx file on disk
constexpr int kMaxRecordChars = 1024 * 1024; // one CSV record (line)
constexpr int kMaxCellChars = 32767; // one cell: Excel's own limit
constexpr int kMaxColumns = 16384; // Excel's limit (XFD)
constexpr int kMaxRows = 1048576; // Excel's limit
constexpr qint64 kMaxCells = 5000000; // all cells of a table (a cell costs its characters + 4 bytes: SourceRow)
constexpr qint64 kMaxSharedStrings = 2000000; // different texts of a workbook (each a QString)

// Refuses what is not a regular, readable file within kMaxFileBytes: a
// folder, a pipe (FIFO), a device such as /dev/zero, a socket. Never opens a
// pipe or a device (opening one can block or never end).
Status checkFile(const QString &path);

// Why a cell cannot be imported, or nothing: control characters (NUL, the
// C0 and C1 controls except tab and line breaks), U+FFFD (bytes that were
// not valid in the file's encoding), more than kMaxCellChars characters.
std::optional<QString> cellProblem(QStringView cell);

} // namespace kopru::InputLimits
