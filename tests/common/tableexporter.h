// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/import/importkind.h"

#include <QByteArray>
#include <QSqlDatabase>

namespace kopru {

// Writes the records of one kind as CSV in the import format (CsvWriter:
// UTF-8 with BOM, ';', Turkish headers the importer recognises, dates
// dd.MM.yyyy), so that exporting and importing again gives the same tables.
// The headers are part of the file format and are not translated.
class TableExporter
{
public:
    enum class NeedsShape { Long, Wide };

    static Expected<QByteArray> toCsv(QSqlDatabase db, ImportKind kind, NeedsShape shape = NeedsShape::Long);
};

} // namespace kopru
