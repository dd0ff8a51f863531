// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/export/exporttable.h"

#include <QString>
#include <QVariant>

namespace kopru::exporting {

// Text of a cell for text formats (CSV, PDF): dates as yyyy-MM-dd (CSV) or
// dd.MM.yyyy (display), decimals with a comma (Turkish spreadsheets read
// ';'-separated files with decimal commas), percentages as 0–100.
enum class CellStyle { Csv, Display };
QString cellText(const QVariant &value, ColumnType type, CellStyle style);

// Writes `bytes` to `path` atomically (QSaveFile): on error the file is left
// as it was. The error names the file.
Status writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace kopru::exporting
