// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/export/exporttable.h"

#include <QByteArray>

namespace kopru::exporting {

// The table as one CSV document (CsvWriter: UTF-8 with BOM, ';', CRLF,
// RFC 4180, formula-like cells neutralised): the header row, then the rows of
// every sheet in order. Notes are not written (the file stays a plain table);
// an anonymised table says so in its column headers.
QByteArray toCsv(const TableDocument &doc);

} // namespace kopru::exporting
