// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/io/privatefile.h"

#include <QList>
#include <QPair>
#include <QString>

namespace kopru::DatabaseCopy {

// A verified copy of a Köprü database, the one way Köprü copies a database
// (automatic backups, `kopru-cli backup`, File › Save a Copy):
//  1. the source must pass SQLite's quick_check: a damaged database is never
//     copied as if it were healthy;
//  2. the rows of every table are counted and the copy is written page by
//     page from the file (PageCopy), or else with VACUUM INTO (a consistent
//     snapshot, whatever other connections do), into a PrivateFile (0600,
//     temporary name); other writers are held off
//     meanwhile (they wait, up to the busy timeout), and if another
//     connection still committed between the counting and the end of the
//     copy, the copy is made again;
//  3. the copy is verified: quick_check, Köprü's application id, the same
//     schema version and database_id, and the same row counts;
//  4. only then it is renamed to `target`.
// Nothing named `target` ever holds an unverified or partial copy.
struct Options
{
    PrivateFile::Existing existing = PrivateFile::Existing::Refuse;
    // The source is open for writing in this process, so a read-write
    // connection may be used for the copy (see databasecopy.cpp).
    bool sourceOpenForWriting = false;
    // Hold other writers off during the copy. Off for the backup a writer
    // makes right before it writes: it may hold the write lock itself (its
    // transaction waits for the backup), and nobody else can write then.
    bool holdWriters = true;
    // Step 1 is left out (on a 200 MB file it costs as much as the copy;
    // issue #16): the caller proves the source sound itself — holding the
    // database's lock (BackupManager::backupProvingSound: the copy reads
    // every table and index of the source, its own check in step 3, and a
    // quick_check of the source when the copy fails), or having run the
    // quick_check itself just before (kopru-cli backup).
    bool sourceChecked = false;
};

// How the copy was written: byte for byte from the file (PageCopy: a WAL
// database read through a read-write connection, when a checkpoint could move
// every committed page into the file), else with VACUUM INTO.
enum class Method { VacuumInto, PageCopy };

struct Result
{
    Method method = Method::VacuumInto;
    int schemaVersion = 0;
    QString databaseId;
    QList<QPair<QString, qint64>> counts; // table → rows, as copied
};

Expected<Result> write(const QString &source, const QString &target, const Options &options);

// Checks a copy against what the source held: an undamaged Köprü database
// with `expected`'s schema version, database_id and row counts.
Status verifyCopy(const QString &path, const Result &expected);

} // namespace kopru::DatabaseCopy
