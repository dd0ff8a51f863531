// SPDX-License-Identifier: GPL-3.0-or-later
// The commands of kopru-cli: dispatch and the usage text are both made from
// this table (contract in docs/cli.md). A new command is one file in
// commands/ and one row here.
#include "app/kopru-cli/commandtable.h"

#include "app/kopru-cli/commands/commands.h"

#include <algorithm>

namespace kopru::cli {

namespace {

// In the order the usage shows them.
const Command kCommands[] = {
    { "init", QT_TRANSLATE_NOOP("kopru::cli", "empty database with reference data"), initSyntax, runInit, coreApplication },
    { "demo", QT_TRANSLATE_NOOP("kopru::cli", "realistic national-scale data set"), demoSyntax, runDemo, coreApplication },
    { "import",
        QT_TRANSLATE_NOOP(
            "kopru::cli", "teachers, partners, sessions, competencies, needs, attendance or evaluations from CSV or XLSX"),
        importSyntax, runImport, coreApplication },
    { "stats", QT_TRANSLATE_NOOP("kopru::cli", "needs analysis of one field"), statsSyntax, runStats, coreApplication },
    { "quality",
        QT_TRANSLATE_NOOP("kopru::cli", "the programme's quality indicators (EQAVET), total or per centre, field or province"),
        qualitySyntax, runQuality, coreApplication },
    { "plan", QT_TRANSLATE_NOOP("kopru::cli", "run the optimiser, store the plan"), planSyntax, runPlan, coreApplication },
    // PDF pages are painted with QPainter: a QGuiApplication.
    { "export", QT_TRANSLATE_NOOP("kopru::cli", "plan, schedule or needs analysis as CSV, XLSX, PDF or iCalendar"), exportSyntax,
        runExport, guiApplication },
    { "report", QT_TRANSLATE_NOOP("kopru::cli", "printable needs-analysis report"), reportSyntax, runReport, guiApplication },
    { "quality-report", QT_TRANSLATE_NOOP("kopru::cli", "the Quality Advisory Board report of a period as PDF or XLSX"),
        qualityReportSyntax, runQualityReport, guiApplication },
    { "certificates",
        QT_TRANSLATE_NOOP("kopru::cli", "certificates of participation for completed placements (PDF, numbers kept on re-issue)"),
        certificatesSyntax, runCertificates, guiApplication },
    { "verify-certificate", QT_TRANSLATE_NOOP("kopru::cli", "check a certificate's number and verification code"),
        verifyCertificateSyntax, runVerifyCertificate, coreApplication },
    { "check", QT_TRANSLATE_NOOP("kopru::cli", "integrity and foreign-key check"), checkSyntax, runCheck, coreApplication },
    { "backup", QT_TRANSLATE_NOOP("kopru::cli", "consistent copy of a live database"), backupSyntax, runBackup, coreApplication },
    { "backups", QT_TRANSLATE_NOOP("kopru::cli", "the automatic backups of a database: time, reason, verified"), backupsSyntax,
        runBackups, coreApplication },
    { "restore", QT_TRANSLATE_NOOP("kopru::cli", "go back to a backup (the current state is kept as a backup)"), restoreSyntax,
        runRestore, coreApplication },
    { "role", QT_TRANSLATE_NOOP("kopru::cli", "the database's role: the national office or a centre"), roleSyntax, runRole,
        coreApplication },
    { "pack", QT_TRANSLATE_NOOP("kopru::cli", "a package of changes for the national office or a centre"), packSyntax, runPack,
        coreApplication },
    { "receive", QT_TRANSLATE_NOOP("kopru::cli", "apply a package from the national office or a centre"), receiveSyntax,
        runReceive, coreApplication },
    { "server-init", QT_TRANSLATE_NOOP("kopru::cli", "create the national office's database on an empty PostgreSQL database"),
        serverInitSyntax, runServerInit, coreApplication },
    { "copy", QT_TRANSLATE_NOOP("kopru::cli", "copy a database between a .kopru file and an empty server database, ids kept"),
        copySyntax, runCopy, coreApplication },
    { "upgrade",
        QT_TRANSLATE_NOOP("kopru::cli", "bring a file or a server database to this program's schema (the server's by its owner)"),
        upgradeSyntax, runUpgrade, coreApplication },
};

} // namespace

const Command *findCommand(const QString &name)
{
    for (const Command &command : kCommands)
        if (name == QLatin1String(command.name))
            return &command;
    return nullptr;
}

QString usageText()
{
    const QString prefix = tr("usage:") + QLatin1Char(' ');
    const QString indent(prefix.size(), QLatin1Char(' '));
    QString text = prefix + QStringLiteral("kopru-cli --version\n");
    for (const Command &command : kCommands)
        text += indent + synopsis(command, command.syntax()) + QLatin1Char('\n');
    text += QLatin1Char('\n');
    qsizetype width = 0;
    for (const Command &command : kCommands)
        width = std::max<qsizetype>(width, qstrlen(command.name));
    for (const Command &command : kCommands)
        text += QStringLiteral("  ") + QString::fromLatin1(command.name).leftJustified(width + 2) + tr(command.summary)
            + QLatin1Char('\n');
    text
        += QLatin1Char('\n') + tr("kopru-cli COMMAND --help describes the arguments and options of COMMAND.") + QLatin1Char('\n');
    return text;
}

QString unknownCommandText(const QString &name)
{
    return QStringLiteral("kopru-cli: ") + tr("unknown command %1").arg(name) + QLatin1Char('\n') + usageText();
}

} // namespace kopru::cli
