// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/kopru-cli/databaseaccess.h"

#include "models/db/database.h"
#include "models/safety/backupmanager.h"
#include "models/safety/instancelock.h"

namespace kopru::cli {

Expected<WriteSession> openToWrite(const QString &path, BackupManager &backups, Io &io, int *code)
{
    WriteRefusal why = WriteRefusal::NotUsable;
    auto session = openForWriting(path, backups, &why);
    if (session)
        return session;
    if (why == WriteRefusal::Damaged)
        *code = refuseDamaged(io, path, session.error());
    else
        *code = fail(io, why == WriteRefusal::InUse ? InUse : Usage, session.message());
    return session.error();
}

int refuseDamaged(Io &io, const QString &path, const Error &damage)
{
    fail(io, Usage, damage.toString());
    io.err << tr("kopru-cli: to go back to a backup: kopru-cli backups %1, then kopru-cli restore %1 BACKUP").arg(path)
           << Qt::endl;
    return Usage;
}

} // namespace kopru::cli
