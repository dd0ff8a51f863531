// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli receive DB FILE [--dry-run]
// Exit 0: applied, a dry run, or already received (a summary on stdout).
// Exit 1: the package is refused (the reason on stderr; nothing changed).
// Exit 2: usage, unreadable database.
#include "app/kopru-cli/commands/commands.h"
#include "app/kopru-cli/databaseaccess.h"
#include "models/db/database.h"
#include "models/exchange/receiver.h"
#include "models/safety/backupmanager.h"

namespace kopru::cli {

namespace {

QString row(const QString &name, const QList<qint64> &values)
{
    QString text = name.leftJustified(20);
    for (qint64 v : values)
        text += QString::number(v).rightJustified(11);
    return text;
}

void printSummary(const ApplySummary &summary, Io &io)
{
    io.out << row(tr("table"), {}) << tr("new").rightJustified(11) << tr("updated").rightJustified(11)
           << tr("unchanged").rightJustified(11) << tr("deleted").rightJustified(11) << tr("conflicts").rightJustified(11)
           << tr("refused").rightJustified(11) << '\n';
    for (const auto &[table, c] : summary.tables)
        if (!c.empty())
            io.out << row(table, { c.added, c.updated, c.unchanged, c.deleted, c.conflicts, c.refused }) << '\n';
    QStringList more;
    if (summary.reviewItemsOpened > 0)
        more << tr("%n item(s) opened in the review list", nullptr, summary.reviewItemsOpened);
    if (summary.placementsConfirmed > 0)
        more << tr("%n placement(s) confirmed by the national office", nullptr, summary.placementsConfirmed);
    if (summary.placementsCancelled > 0)
        more << tr("%n placement(s) cancelled by the national office", nullptr, summary.placementsCancelled);
    if (summary.recordsMerged + summary.recordsRekeyed > 0)
        more << tr(
            "%n record(s) of this centre merged by the national office", nullptr, summary.recordsMerged + summary.recordsRekeyed);
    if (summary.erasures > 0)
        more << tr("%n teacher(s) erased (KVKK)", nullptr, summary.erasures);
    for (const QString &line : more)
        io.out << line << '\n';
}

} // namespace

Syntax receiveSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database that receives.")),
        { tr("FILE"), tr("The package (.kopru-pkg) another database made with pack.") } };
    syntax.options = {
        { QStringLiteral("dry-run"), tr("Check and apply, report, then change nothing.") },
    };
    return syntax;
}

int runReceive(const Arguments &args, Io &io)
{
    const QString file = args.positionalArguments().at(1);
    // Also a dry run writes (and rolls back) in the database: the checked,
    // locked path of every writing command.
    BackupManager backups;
    int code = Usage;
    auto session = openToWrite(args.positionalArguments().at(0), backups, io, &code, Place::FileOrServer);
    if (!session)
        return code;
    Receiver::Options options;
    options.dryRun = args.isSet(QStringLiteral("dry-run"));
    // A file gets its backup from the receiver once the package is admitted;
    // a server's backups are pg_dump (a note says so).
    if (session->db->isServer()) {
        options.backup = false;
        if (!options.dryRun)
            if (Status s = backupBeforeChange(backups, *session->db, QStringLiteral("receive"), io); !s)
                return Refused;
    }
    auto received = Receiver::receive(*session->db, file, options);
    if (!received) {
        io.err << received.message() << Qt::endl;
        return Refused;
    }
    const Receiver::Result &r = received.value();
    const PackageManifest &m = r.manifest;
    if (r.outcome == Receiver::Outcome::AlreadyReceived) {
        io.out << tr("package %1 from %2 was received already (%3): nothing to do")
                      .arg(m.sequence)
                      .arg(m.sender.displayName(), r.receivedAt)
               << Qt::endl;
        return Success;
    }
    io.out << tr("package %1 from %2, made %3, %4")
                  .arg(m.sequence)
                  .arg(m.sender.displayName(), m.createdAt,
                      m.full ? tr("everything") : tr("changes since package %1").arg(m.baseSequence))
           << '\n';
    if (r.newSender)
        io.out << tr("first package from %1: database %2 is registered as %1").arg(m.sender.displayName(), m.senderDatabaseId)
               << '\n';
    printSummary(r.summary, io);
    if (r.outcome == Receiver::Outcome::DryRun)
        io.out << tr("dry run: %n row(s) would change; nothing was changed", nullptr, int(r.summary.changedRows())) << Qt::endl;
    else
        io.out << tr("%n row(s) changed", nullptr, int(r.summary.changedRows())) << Qt::endl;
    return Success;
}

} // namespace kopru::cli
