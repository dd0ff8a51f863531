// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli import DB KIND FILE [--encoding auto|utf-8|windows-1254]
//                  [--delimiter auto|,|;|tab] [--sheet NAME] [--dry-run]
// Exit 0: imported (or a clean dry run), one summary line on stdout.
// Exit 1: rows refused, every reason on stderr as file:line:column: reason,
//         nothing written. Exit 2: usage, unreadable file or database.
#include "models/cli/cliargs.h"
#include "models/db/database.h"
#include "models/import/importer.h"
#include "models/io/tablereader.h"
#include "models/safety/backupmanager.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <future>

namespace kopru::cli {

namespace {
Q_LOGGING_CATEGORY(lcImportCli, "kopru.import.cli", QtInfoMsg)
QString tr(const char *text)
{
    return QCoreApplication::translate("kopru::cli", text);
}
} // namespace

int runImport(const QStringList &raw, Io &io)
{
    Args args;
    QString error;
    const QString usage
        = tr("usage: kopru-cli import DB KIND FILE [--encoding auto|utf-8|windows-1254] [--delimiter auto|,|;|tab] "
             "[--sheet NAME] [--dry-run]");
    if (!args.parse(raw, { QStringLiteral("--encoding"), QStringLiteral("--delimiter"), QStringLiteral("--sheet") },
            { QStringLiteral("--dry-run") }, &error))
        return fail(io, Usage, error);
    if (args.positional().size() != 3)
        return fail(io, Usage, usage);
    const QString dbPath = args.positional().at(0);
    const QString kindName = args.positional().at(1);
    const QString file = args.positional().at(2);
    ImportKind kind;
    if (!ImportKinds::fromName(kindName, &kind))
        return fail(io, Usage, tr("unknown kind %1 (teachers, partners, sessions, competencies, needs)").arg(kindName));
    TableReader::Options options;
    if (!TextEncoding::fromName(args.value(QStringLiteral("--encoding"), QStringLiteral("auto")), &options.encoding))
        return fail(io, Usage,
            tr("unknown encoding %1 (auto, utf-8, windows-1254, iso-8859-9)").arg(args.value(QStringLiteral("--encoding"))));
    if (!TableReader::delimiterFromName(args.value(QStringLiteral("--delimiter"), QStringLiteral("auto")), &options.delimiter))
        return fail(io, Usage, tr("unknown delimiter %1 (auto, ',', ';', tab)").arg(args.value(QStringLiteral("--delimiter"))));
    options.sheet = args.value(QStringLiteral("--sheet"));

    // Phase times for profiling: QT_LOGGING_RULES="kopru.import*.debug=true".
    QElapsedTimer timer;
    timer.start();
    const auto phase = [&](const char *what) { qCDebug(lcImportCli) << what << "in" << timer.restart() << "ms"; };
    auto table = TableReader::read(file, options);
    phase("read the file");
    if (!table) {
        // Malformed content (with a line) is refused data; an unreadable file is a usage error.
        io.err << table.message() << Qt::endl;
        return table.error().line > 0 ? Refused : Usage;
    }
    auto db = Database::open(dbPath);
    if (!db)
        return fail(io, Usage, db.message());
    phase("opened the database");
    if (db.value()->isReadOnly() && !args.has(QStringLiteral("--dry-run")))
        return fail(io, Usage, tr("%1 is read-only").arg(dbPath));

    ImportOptions importOptions;
    importOptions.dryRun = args.has(QStringLiteral("--dry-run"));
    // The automatic backup runs on its own connection in a second thread
    // while this one validates the file; writing waits for it, and if it
    // failed, nothing is written and its error is what is reported (as if it
    // had run first).
    std::future<Status> backup;
    Status backedUp;
    const auto waitForBackup = [&]() -> Status {
        if (backup.valid()) {
            backedUp = backup.get();
            phase("waited for the backup");
        }
        return backedUp;
    };
    if (!importOptions.dryRun) {
        const Database &database = *db.value();
        backup = std::async(std::launch::async, [&database, manager = BackupManager()]() mutable {
            return manager.backupBeforeChange(database, QStringLiteral("import"));
        });
    }
    importOptions.beforeWrite = waitForBackup;
    const ImportReport report = Importer::run(db.value()->connection(), kind, table.value().table, importOptions);
    phase("imported");
    if (Status s = waitForBackup(); !s)
        return fail(io, Usage, s.message());
    for (const Error &e : report.errors)
        io.err << e.toString() << Qt::endl;
    if (!report.ok()) {
        io.err << QCoreApplication::translate(
            "cli", "kopru-cli: %n problem(s); nothing was written", nullptr, int(report.errors.size()))
               << Qt::endl;
        return Refused;
    }
    io.out << report.summary() << Qt::endl;
    return Success;
}

} // namespace kopru::cli
