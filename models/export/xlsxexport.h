// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "export/exporttable.h"

namespace kopru::exporting {

// Writes the table as an .xlsx workbook (Office Open XML written with
// QXmlStreamWriter into a zip made by QuaZip), one worksheet per
// sheet of `doc`: row 1 the sheet's title, row 2 the notes (export date,
// anonymisation notice), row 3 the column headers (frozen, with an
// auto-filter), data from row 4. Text and identifiers are always written as
// strings (never formulas, so "=…" stays inert), dates as real dates with the
// format dd.mm.yyyy, numbers as numbers. Sheet names are cut to Excel's 31
// characters, stripped of []:*?/\ and made unique. The file is written
// through a temporary file: on error `path` is left as it was.
//
// Why not libxlsxwriter: on Debian it calls the system minizip, whose
// zipOpen3 is interposed by the minizip copy QuaZip exports (used by the
// importer's XLSX reader) as soon as both libraries are loaded in one
// process, and libxlsxwriter then crashes in workbook_close().
Status writeXlsx(const TableDocument &doc, const QString &path);

// Excel's rules for a worksheet name applied to `name` (tested separately).
QString xlsxSheetName(const QString &name, const QStringList &taken);

// Rows above the data: title, notes, header.
constexpr int kXlsxHeaderRow = 2; // 0-based row of the column headers

} // namespace kopru::exporting
