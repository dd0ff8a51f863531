// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/export/exporttable.h"

namespace kopru::exporting {

// Writes the table as an .xlsx workbook with libxlsxwriter, one worksheet per
// sheet of `doc`: row 1 the sheet's title, row 2 the notes (export date,
// anonymisation notice), row 3 the column headers (frozen: pane at A4, with
// an auto-filter over header and data), data from row 4. Text and
// identifiers are always written as strings (never formulas, so "=…" stays
// inert), dates as real dates with the format dd.mm.yyyy, numbers as numbers.
// Sheet names are cut to Excel's 31 characters, stripped of []:*?/\ and made
// unique. A4 landscape. The file is written beside `path` under another name
// and renamed over it: on error `path` is left as it was. Errors name the file.
//
// libxlsxwriter zips with the system minizip, the same library the XLSX
// reader uses (io/zipreader.h): one minizip in the process (docs/export.md).
Status writeXlsx(const TableDocument &doc, const QString &path);

// Excel's rules for a worksheet name applied to `name` (tested separately):
// at most 31 characters, none of []:*?/\, no apostrophe at either end, not
// "History", unique without regard to case among `taken`.
QString xlsxSheetName(const QString &name, const QStringList &taken);

// Rows above the data: title, notes, header.
constexpr int kXlsxHeaderRow = 2; // 0-based row of the column headers

} // namespace kopru::exporting
