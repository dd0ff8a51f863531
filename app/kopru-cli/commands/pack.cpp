// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli pack DB --to national|CENTRE --out FILE [--full]
// Exit 0: the package is written, one line on stdout. Exit 1: this database
// cannot send to that receiver. Exit 2: usage, unreadable database.
#include "app/kopru-cli/commands/commands.h"
#include "app/kopru-cli/databaseaccess.h"
#include "models/db/database.h"
#include "models/exchange/packer.h"
#include "models/safety/backupmanager.h"

#include <QFileInfo>

namespace kopru::cli {

Syntax packSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database that sends.")) };
    syntax.options = {
        { QStringLiteral("to"), tr("The receiver: national (from a centre), or a centre's id (from the national office)."),
            QStringLiteral("national|CENTRE") },
        { QStringLiteral("out"), tr("The package file to write (.kopru-pkg)."), tr("FILE") },
        { QStringLiteral("full"), tr("Everything the receiver may have, not only what changed since its last acknowledgement.") },
    };
    syntax.required = { QStringLiteral("to"), QStringLiteral("out") };
    return syntax;
}

int runPack(const Arguments &args, Io &io)
{
    auto to = DatabaseRole::parse(args.value(QStringLiteral("to")));
    if (!to)
        return fail(io, Usage, to.message());
    // Making a package records it in the database (sequence, change serial):
    // the checked, locked path of every writing command.
    BackupManager backups;
    int code = Usage;
    auto session = openToWrite(args.positionalArguments().constFirst(), backups, io, &code, Place::FileOrServer);
    if (!session)
        return code;
    const QString out = args.value(QStringLiteral("out"));
    auto made = Packer::pack(*session->db, Packer::Options { to.value(), out, args.isSet(QStringLiteral("full")) });
    if (!made)
        return fail(io, Refused, made.message());
    const PackageManifest &m = made.value();
    io.out << tr("package %1 for %2 (%3): %Ln row(s), %4 KB → %5", nullptr, int(m.totalRows()))
                  .arg(m.sequence)
                  .arg(m.receiver.displayName(),
                      m.full ? tr("everything") : tr("changes since package %1 it acknowledged").arg(m.baseSequence))
                  .arg((QFileInfo(out).size() + 1023) / 1024)
                  .arg(out)
           << Qt::endl;
    return Success;
}

} // namespace kopru::cli
