// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/import/columnmapping.h"
#include "models/import/importkind.h"
#include "models/io/tablereader.h"

#include <QHash>
#include <QString>

namespace kopru {

class Database;

// What the pages of the import wizard decide together.
struct ImportSetup
{
    Database *db = nullptr;
    ImportKind kind = ImportKind::Teachers;
    QString file;
    TableReader::Options read;
    TableReader::Result preview; // the file as last read with `read`
    bool readOk = false;
    QString readError;
    ColumnMapping mapping; // chosen on the mapping page
    bool committed = false;

    // Re-reads the file with the current options.
    void reload();
    // Every column's target as overrides for the importer.
    QHash<int, QString> overrides() const;
};

// Remembered column choices per kind (QSettings): header → target.
namespace RememberedMapping {
QString target(ImportKind kind, const QString &header, bool *known);
void store(ImportKind kind, const QString &header, const QString &target);
} // namespace RememberedMapping

} // namespace kopru
