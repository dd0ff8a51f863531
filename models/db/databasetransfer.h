// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/db/tablecontent.h"

#include <QString>
#include <vector>

namespace kopru::DatabaseTransfer {

struct Report
{
    QString source; // file or URL without password
    QString target;
    std::vector<TableContent::Count> tables; // rows copied, equal at both ends
};

// Copies the Köprü database `source` (a .kopru file or a postgresql:// URL,
// of the current schema version) into `target`: a new file (it must not exist
// or be empty) or an empty server database. Every row keeps its values —
// integer ids and global ids alike — and the target gets the same tables,
// indexes and triggers (SchemaScript). A server target is written in one
// transaction, a file under a temporary name: the target is complete or
// unchanged. Afterwards the row counts of every table are compared; a
// difference is an error. A non-empty target is refused, naming a table.
Expected<Report> copy(const QString &source, const QString &target);

// Creates a national office's database on the empty server database
// `target`: the current schema with the reference data (provinces, pilot
// fields, centres), as kopru-cli init does for a file.
Expected<Report> initialiseServer(const QString &target);

} // namespace kopru::DatabaseTransfer
