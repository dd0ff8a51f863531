// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace kopru::DatabaseFile {

// What a file is, found out without changing it: the SQLite header is read
// from the file's first 100 bytes, and SQLite opens the file (read-only,
// without creating -wal or -shm files) only once the header says it is a
// Köprü database. A file that is refused — empty, a text file, another
// program's SQLite file, a newer or damaged Köprü database — stays byte for
// byte as it was, with nothing added beside it.

struct Header
{
    qint64 size = 0;
    bool sqlite = false; // starts with "SQLite format 3"
    quint32 applicationId = 0;
    int userVersion = 0;
    bool wal = false; // in WAL journal mode
    // A -wal file with content is beside it: page 1 there may be newer than
    // the header read here (verify() then asks SQLite).
    bool pendingWal = false;
};

// The header of `path`. Refuses (Error naming the file) a missing file, a
// folder, a pipe or a device, and a file that cannot be read.
Expected<Header> readHeader(const QString &path);

enum class Depth {
    Header, // what the header says: a Köprü database of a schema this program knows
    QuickCheck, // and SQLite's quick_check finds no damage
};

// Refuses, with an Error naming the file and saying what it is, everything
// but a Köprü database this program can open (an older schema is accepted:
// opening it upgrades it).
Status verify(const QString &path, Depth depth);

// SQLite's quick_check on an open connection to `path`; an Error names the
// file and the first problems.
Status quickCheck(const QSqlDatabase &db, const QString &path);

// The schema version of a Köprü database file (PRAGMA user_version).
Expected<int> schemaVersion(const QString &path);

// The database_id of a Köprü database file (see Schema), or an empty string
// for a file older than schema version 3 (which has none yet).
Expected<QString> databaseId(const QString &path);

} // namespace kopru::DatabaseFile
