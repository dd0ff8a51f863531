// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/safety/writeaccess.h"

#include "models/db/connection.h"
#include "models/db/database.h"
#include "models/db/databasefile.h"
#include "models/db/sql.h"
#include "models/safety/backupmanager.h"
#include "models/safety/instancelock.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace kopru {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(WriteAccess)
};

// Whether step 2 may be left to the backup (OpenCheck::ByBackup): the
// file is in WAL mode (opening any other one for writing switches it to WAL,
// a write before the check) and SQLite reads its schema (opening reads it; a
// file whose schema pages are damaged is told at once, as before).
bool backupMayCheck(const QString &path)
{
    auto header = DatabaseFile::readHeader(path);
    if (!header || !header.value().wal)
        return false;
    auto c = Connection::open(path, Connection::Access::Inspect);
    return c && Sql::scalar(c.value()->db(), QStringLiteral("SELECT count(*) FROM sqlite_schema"));
}

} // namespace

Expected<WriteSession> openForWriting(const QString &path, BackupManager &backups, WriteRefusal *refusal, OpenCheck check)
{
    const auto refuse = [refusal](WriteRefusal why, Error e) {
        if (refusal)
            *refusal = why;
        return e;
    };
    // Nothing is created for a file that is not there (not even the lock).
    if (Status s = DatabaseFile::verify(path, DatabaseFile::Depth::Header); !s)
        return refuse(WriteRefusal::NotUsable, s.error());
    if (!QFileInfo(path).isWritable())
        return refuse(WriteRefusal::NotUsable,
            Error {
                Text::tr("the database is read-only (write-protected, or you lack the permission to change it)"), path, 0, 0 });
    WriteSession session;
    session.lock = std::make_unique<InstanceLock>(path);
    if (Status s = session.lock->tryLock(); !s)
        return refuse(WriteRefusal::InUse, s.error());
    if (check == OpenCheck::ByBackup && !backupMayCheck(path))
        check = OpenCheck::QuickCheck;
    if (check == OpenCheck::QuickCheck)
        if (Status s = DatabaseFile::verify(path, DatabaseFile::Depth::QuickCheck); !s)
            return refuse(WriteRefusal::Damaged, s.error());
    auto id = backups.backupBeforeMigration(path);
    if (!id)
        return refuse(WriteRefusal::NoBackup,
            Error { Text::tr("the database must be upgraded, but no backup could be made first, so it was left alone: %1")
                        .arg(id.error().message),
                path, 0, 0 });
    Database::Options options;
    options.databaseIdOnUpgrade = id.value();
    auto db = Database::open(path, options);
    if (!db) {
        // Unchecked so far: a damaged file is refused as damaged, as the check would have.
        if (check == OpenCheck::ByBackup)
            if (Status s = DatabaseFile::verify(path, DatabaseFile::Depth::QuickCheck); !s)
                return refuse(WriteRefusal::Damaged, s.error());
        return refuse(WriteRefusal::NotUsable, db.error());
    }
    if (db.value()->isReadOnly())
        return refuse(WriteRefusal::NotUsable, Error { Text::tr("the database is read-only"), path, 0, 0 });
    session.db = std::move(db.value());
    return session;
}

} // namespace kopru
