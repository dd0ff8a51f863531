// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli import DB KIND FILE [--encoding auto|utf-8|windows-1254]
//                  [--delimiter auto|,|;|tab] [--sheet NAME] [--dry-run]
//                  [--scale "LABEL=LEVEL,…"]   (needs, evaluations: the survey's own answer labels)
//                  [--round 1|2]               (needs: the survey round of the file)
// Exit 0: imported (or a clean dry run), one summary line on stdout.
// Exit 1: rows refused, the first kShownProblems reasons on stderr as
//         file:line:column: reason and the count of all, nothing written.
// Exit 2: usage, unreadable file or database, or the database failed while
//         it was written (disk full …), nothing written. Exit 3: the database
//         is in use by another Köprü program (its lock), nothing done.
#include "app/kopru-cli/commands/commands.h"
#include "app/kopru-cli/databaseaccess.h"
#include "models/db/database.h"
#include "models/db/sql.h"
#include "models/import/importer.h"
#include "models/io/tablereader.h"
#include "models/safety/backupmanager.h"
#include "models/safety/backupmeanwhile.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <algorithm>
#include <optional>

namespace kopru::cli {

namespace {
Q_LOGGING_CATEGORY(lcImportCli, "kopru.import.cli", QtInfoMsg)

// A file of junk can give millions of problems: the first ones are printed,
// then their count.
constexpr int kShownProblems = 100;

void printProblems(const ImportReport &report, Io &io)
{
    const int shown = std::min<int>(kShownProblems, int(report.errors.size()));
    for (int i = 0; i < shown; ++i)
        io.err << report.describe(report.errors.at(i)) << Qt::endl;
    if (report.errorCount > shown)
        io.err
            << tr("kopru-cli: … and %Ln more problem(s) (the first %1 are shown)", nullptr, report.errorCount - shown).arg(shown)
            << Qt::endl;
    io.err << tr("kopru-cli: %Ln problem(s); nothing was written", nullptr, report.errorCount) << Qt::endl;
}

} // namespace

Syntax importSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database to import into.")),
        { tr("KIND"), tr("What the file holds: teachers, partners, sessions, competencies, needs, attendance or evaluations.") },
        { tr("FILE"), tr("The table to read: CSV or XLSX.") } };
    syntax.options = {
        { QStringLiteral("encoding"), tr("Text encoding of a CSV file (default: auto; also iso-8859-9)."),
            QStringLiteral("auto|utf-8|windows-1254") },
        { QStringLiteral("delimiter"), tr("Column separator of a CSV file (default: auto)."), QStringLiteral("auto|,|;|tab") },
        { QStringLiteral("sheet"), tr("Worksheet of an XLSX file (default: the first)."), tr("NAME") },
        { QStringLiteral("dry-run"), tr("Check the file and report, but write nothing.") },
        { QStringLiteral("scale"),
            tr("Needs and evaluations: the survey's own answer labels and their levels 1-5 or NA (not applicable), e.g. "
               "\"Hiç yok=1,Düşük=2,Orta=3,Yüksek=4,Çok yüksek=5,Fikrim yok=NA\"."),
            tr("LABEL=LEVEL,…") },
        { QStringLiteral("round"),
            tr("Needs: the survey round the file answers: 1 (the needs survey) or 2 (after the training). Without it, "
               "a round column of the file decides, else 1."),
            QStringLiteral("1|2") },
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
        return fail(io, Usage,
            tr("unknown kind %1 (teachers, partners, sessions, competencies, needs, attendance, evaluations)").arg(kindName));
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
    ScaleMapping scale;
    if (args.isSet(QStringLiteral("scale"))) {
        if (kind != ImportKind::Needs && kind != ImportKind::Evaluations)
            return fail(io, Usage, tr("--scale is for needs and evaluation files only"));
        auto parsed = ScaleMapping::parse(args.value(QStringLiteral("scale")));
        if (!parsed)
            return fail(io, Usage, tr("--scale: %1").arg(parsed.message()));
        scale = std::move(parsed.value());
    }
    int round = 0;
    if (args.isSet(QStringLiteral("round"))) {
        if (kind != ImportKind::Needs)
            return fail(io, Usage, tr("--round is for needs files only"));
        const QString value = args.value(QStringLiteral("round")).trimmed();
        if (value != QLatin1String("1") && value != QLatin1String("2"))
            return fail(io, Usage, tr("--round: %1 is no survey round (1 or 2)").arg(value));
        round = value.toInt();
    }

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
    // A real import takes the database's lock, checks it (quick_check) and
    // backs up an older file before upgrading it; a dry run only reads.
    std::unique_ptr<Database> readOnly;
    WriteSession session;
    if (dryRun) {
        auto opened = Database::open(dbPath, Database::Options { Database::Access::ReadOnly, false, {} });
        if (!opened)
            return fail(io, Usage, opened.message());
        readOnly = std::move(opened.value());
    } else {
        BackupManager backups;
        int code = Usage;
        auto opened = openToWrite(dbPath, backups, io, &code, Place::FileOrServer);
        if (!opened)
            return code;
        session = std::move(opened.value());
    }
    Database *db = dryRun ? readOnly.get() : session.db.get();
    phase("opened the database");

    ImportOptions importOptions;
    importOptions.dryRun = dryRun;
    importOptions.scale = scale;
    importOptions.round = round;
    // The automatic backup runs on its own connection in a second thread
    // while this one validates the file and writes it in its open
    // transaction; the backup reads the last committed state (the state
    // before the import). The commit waits for it; if it failed, the
    // transaction is rolled back, nothing changed, and its error is what is
    // reported (as if it had run first).
    BackupManager backups;
    std::optional<BackupMeanwhile> backup;
    if (importOptions.dryRun)
        backup.emplace();
    else if (db->isServer())
        backup.emplace(backupBeforeChange(backups, *db, QStringLiteral("import"), io));
    else
        backup.emplace([&database = *db, manager = backups]() mutable {
            return manager.backupBeforeChange(database, QStringLiteral("import"));
        });
    importOptions.beforeCommit = [&] {
        Status s = backup->wait();
        phase("waited for the backup");
        return s;
    };
    const ImportReport report = Importer::run(db->connection(), kind, table.value().table, importOptions);
    phase("imported");
    if (Status s = backup->wait(); !s)
        return fail(io, Usage, s.message());
    if (!report.ok()) {
        // The database itself failed (disk full, busy, damaged): that is no
        // problem of the file, and its message names the database.
        for (const Error &e : report.errors)
            if (e.line == 0 && (QFileInfo(e.file) == QFileInfo(dbPath) || e.file == Sql::fileOf(db->connection())))
                return fail(io, Usage, e.toString());
        printProblems(report, io);
        return Refused;
    }
    io.out << report.summary() << Qt::endl;
    return Success;
}

} // namespace kopru::cli
