// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/kopru-cli/databaseaccess.h"

#include "models/db/database.h"
#include "models/db/serverurl.h"
#include "models/db/sqldialect.h"
#include "models/safety/backupmanager.h"
#include "models/safety/instancelock.h"

namespace kopru::cli {

Expected<WriteSession> openToWrite(const QString &path, BackupManager &backups, Io &io, int *code, Place place, OpenCheck check)
{
    if (place == Place::FileOrServer && ServerUrl::isServerUrl(path)) {
        auto db = Database::open(path);
        if (!db) {
            *code = fail(io, Usage, db.message());
            return db.error();
        }
        WriteSession session;
        session.db = std::move(db.value());
        return session;
    }
    WriteRefusal why = WriteRefusal::NotUsable;
    auto session = openForWriting(path, backups, &why, check);
    if (session)
        return session;
    if (why == WriteRefusal::Damaged)
        *code = refuseDamaged(io, path, session.error());
    else
        *code = fail(io, why == WriteRefusal::InUse ? InUse : Usage, session.message());
    return session.error();
}

Status backupBeforeChange(BackupManager &backups, const Database &db, const QString &reason, Io &io)
{
    if (db.isServer()) {
        io.err << tr("kopru-cli: no automatic backup: %1").arg(SqlDialect::backupMethod(SqlDialect::Backend::Postgres))
               << Qt::endl;
        return {};
    }
    return backups.backupBeforeChange(db, reason);
}

QString shownUrl(const QString &url)
{
    auto parsed = ServerUrl::parse(url);
    return parsed ? parsed->display() : ServerUrl::shortName(url);
}

int refuseServerBackups(Io &io, const QString &url)
{
    return fail(io, Usage,
        tr("%1: this is a server database: Köprü makes no backups of it and restores none. Its backups are made on the server "
           "with pg_dump and restored with pg_restore (docs/server.md, \"Backups are pg_dump\").")
            .arg(shownUrl(url)));
}

int refuseDamaged(Io &io, const QString &path, const Error &damage)
{
    fail(io, Usage, damage.toString());
    io.err << tr("kopru-cli: to go back to a backup: kopru-cli backups %1, then kopru-cli restore %1 BACKUP").arg(path)
           << Qt::endl;
    return Usage;
}

} // namespace kopru::cli
