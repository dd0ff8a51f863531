// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli import DB KIND FILE [--encoding auto|utf-8|windows-1254]
//                  [--delimiter auto|,|;|tab] [--sheet NAME] [--dry-run]
// Exit 0: imported (or a clean dry run), one summary line on stdout.
// Exit 1: rows refused, every reason on stderr as file:line:column: reason,
//         nothing written. Exit 2: usage, unreadable file or database.
#include "app/kopru-cli/commands/commands.h"
#include "models/db/database.h"
#include "models/import/importer.h"
#include "models/io/tablereader.h"
#include "models/safety/backupmanager.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <future>

namespace kopru::cli {

namespace {
Q_LOGGING_CATEGORY(lcImportCli, "kopru.import.cli", QtInfoMsg)
} // namespace

Syntax importSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database to import into.")),
        { tr("KIND"), tr("What the file holds: teachers, partners, sessions, competencies or needs.") },
        { tr("FILE"), tr("The table to read: CSV or XLSX.") } };
    syntax.options = {
        { QStringLiteral("encoding"), tr("Text encoding of a CSV file (default: auto; also iso-8859-9)."),
            QStringLiteral("auto|utf-8|windows-1254") },
        { QStringLiteral("delimiter"), tr("Column separator of a CSV file (default: auto)."), QStringLiteral("auto|,|;|tab") },
        { QStringLiteral("sheet"), tr("Worksheet of an XLSX file (default: the first)."), tr("NAME") },
        { QStringLiteral("dry-run"), tr("Check the file and report, but write nothing.") },
    };
    return syntax;
}

int runImport(const Arguments &args, Io &io)
{
    const QString dbPath = args.positionalArguments().at(0);
    const QString kindName = args.positionalArguments().at(1);
    const QString file = args.positionalArguments().at(2);
    ImportKind kind;
    if (!ImportKinds::fromName(kindName, &kind))
        return fail(io, Usage, tr("unknown kind %1 (teachers, partners, sessions, competencies, needs)").arg(kindName));
    const QString encoding
        = args.isSet(QStringLiteral("encoding")) ? args.value(QStringLiteral("encoding")) : QStringLiteral("auto");
    const QString delimiter
        = args.isSet(QStringLiteral("delimiter")) ? args.value(QStringLiteral("delimiter")) : QStringLiteral("auto");
    TableReader::Options options;
    if (!TextEncoding::fromName(encoding, &options.encoding))
        return fail(io, Usage, tr("unknown encoding %1 (auto, utf-8, windows-1254, iso-8859-9)").arg(encoding));
    if (!TableReader::delimiterFromName(delimiter, &options.delimiter))
        return fail(io, Usage, tr("unknown delimiter %1 (auto, ',', ';', tab)").arg(delimiter));
    options.sheet = args.value(QStringLiteral("sheet"));
    const bool dryRun = args.isSet(QStringLiteral("dry-run"));

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
    if (db.value()->isReadOnly() && !dryRun)
        return fail(io, Usage, tr("%1 is read-only").arg(dbPath));

    ImportOptions importOptions;
    importOptions.dryRun = dryRun;
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
        io.err << tr("kopru-cli: %n problem(s); nothing was written", nullptr, int(report.errors.size())) << Qt::endl;
        return Refused;
    }
    io.out << report.summary() << Qt::endl;
    return Success;
}

} // namespace kopru::cli
