// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli backups DB: the automatic backups of a database, newest first,
// each checked now (quick_check, identity). Reads only: allowed while another
// Köprü program has the database.
#include "app/kopru-cli/commands/commands.h"
#include "app/kopru-cli/databaseaccess.h"
#include "models/db/databasefile.h"
#include "models/db/serverurl.h"
#include "models/safety/backupmanager.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <algorithm>

namespace kopru::cli {

Syntax backupsSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database whose automatic backups are listed (it may be damaged).")) };
    return syntax;
}

int runBackups(const Arguments &args, Io &io)
{
    const QString path = args.positionalArguments().constFirst();
    if (ServerUrl::isServerUrl(path))
        return refuseServerBackups(io, path);
    // A database that is gone (or too damaged to tell its identity) is
    // found by the paths its backups were made from.
    BackupManager backups;
    const QList<BackupInfo> list = backups.list(path);
    const QString folder = backups.folderFor(path);
    if (list.isEmpty()) {
        if (!QFileInfo::exists(path))
            return fail(
                io, Usage, Error { tr("the file does not exist, and no backups were made from it"), path, 0, 0 }.toString());
        io.out << tr("%1: no backups yet").arg(path) << Qt::endl;
        return Success;
    }
    // A damaged database may not tell its identity: then the backups are not
    // compared with it.
    const auto id = DatabaseFile::databaseId(path);
    const QString databaseId = id ? id.value() : QString();
    io.out << tr("%1: %n backup(s) in %2, newest first", nullptr, int(list.size())).arg(path, QDir::toNativeSeparators(folder))
           << Qt::endl;
    // One row per backup: time, reason, size, file name, state; the
    // columns as wide as their longest text (translations differ in length).
    QList<QStringList> rows;
    for (const BackupInfo &b : list) {
        const Status checked = BackupManager::verifyBackup(b.path, databaseId);
        rows.append({ QLocale().toString(b.created.date(), QLocale::ShortFormat) + QLatin1Char(' ')
                + b.created.toString(QStringLiteral("HH:mm:ss")),
            BackupManager::reasonText(b.reason), QLocale().formattedDataSize(b.size, 1), QFileInfo(b.path).fileName(),
            checked ? tr("verified") : tr("damaged: %1").arg(checked.error().message) });
    }
    QList<qsizetype> widths(rows.constFirst().size(), 0);
    for (const QStringList &row : std::as_const(rows))
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    for (const QStringList &row : std::as_const(rows)) {
        QString line = QStringLiteral("  %1  %2  %3  %4  %5")
                           .arg(row.at(0).leftJustified(widths[0]), row.at(1).leftJustified(widths[1]),
                               row.at(2).rightJustified(widths[2]), row.at(3).leftJustified(widths[3]), row.at(4));
        io.out << line << Qt::endl;
    }
    io.out << tr("restore one with: kopru-cli restore %1 BACKUP (a file name above, or a path)").arg(path) << Qt::endl;
    return Success;
}

} // namespace kopru::cli
