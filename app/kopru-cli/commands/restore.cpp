// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli restore DB BACKUP: replaces the database by one of its backups,
// keeping a backup of what is there now (BackupManager::restore).
#include "app/kopru-cli/commands/commands.h"
#include "app/kopru-cli/databaseaccess.h"
#include "models/db/serverurl.h"
#include "models/safety/backupmanager.h"
#include "models/safety/instancelock.h"

#include <QDir>
#include <QFileInfo>

namespace kopru::cli {

Syntax restoreSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database to replace (it may be damaged or missing).")),
        { tr("BACKUP"), tr("The backup: a file name that kopru-cli backups lists, or the path of a backup.") } };
    return syntax;
}

int runRestore(const Arguments &args, Io &io)
{
    const QString path = args.positionalArguments().at(0);
    if (ServerUrl::isServerUrl(path))
        return refuseServerBackups(io, path);
    QString backup = args.positionalArguments().at(1);
    BackupManager backups;
    if (!QFileInfo::exists(backup)) {
        // A file name from the list.
        for (const BackupInfo &b : backups.list(path))
            if (QFileInfo(b.path).fileName() == backup)
                backup = b.path;
        if (!QFileInfo::exists(backup))
            return fail(io, Usage,
                Error { tr("no such backup (kopru-cli backups %1 lists them)").arg(path), args.positionalArguments().at(1), 0, 0 }
                    .toString());
    }
    // The database's lock while it is replaced: refused while the GUI or
    // another kopru-cli has it.
    InstanceLock lock(path);
    if (Status s = lock.tryLock(); !s)
        return fail(io, InUse, s.message());
    const bool existed = QFileInfo::exists(path);
    const QList<BackupInfo> before = backups.list(path);
    if (Status s = backups.restore(backup, path); !s)
        return fail(io, Usage, s.message());
    io.out << tr("%1 restored from %2").arg(path, backup) << Qt::endl;
    // What was there is a new "before-restore" backup, or, when it was too
    // damaged to be backed up, a copy in the damaged/ folder.
    const QList<BackupInfo> after = backups.list(path);
    if (!after.isEmpty() && after.first().reason == QLatin1String("before-restore")
        && (before.isEmpty() || after.first().path != before.first().path))
        io.out << tr("the state before the restore was kept as %1").arg(QDir::toNativeSeparators(after.first().path)) << Qt::endl;
    else if (existed)
        io.out << tr("the damaged file that was there was kept in %1 (it is not listed as a backup)")
                      .arg(QDir::toNativeSeparators(QDir(backups.folderFor(path)).filePath(QStringLiteral("damaged"))))
               << Qt::endl;
    return Success;
}

} // namespace kopru::cli
