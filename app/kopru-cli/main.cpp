// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli: the console front end (contract in docs/cli.md).
#include "models/cli/cliargs.h"
#include "views/app/languagesetup.h"
#include "views/report/reportcommand.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>
#include <memory>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace {

struct Command
{
    const char *name;
    int (*run)(const QStringList &, kopru::cli::Io &);
    bool needsGui; // renders charts or documents
};

// One line per command; each lives in its own file.
const Command kCommands[] = {
    { "init", kopru::cli::runInit, false },
    { "demo", kopru::cli::runDemo, false },
    { "check", kopru::cli::runCheck, false },
    { "backup", kopru::cli::runBackup, false },
    { "import", kopru::cli::runImport, false },
    { "stats", kopru::cli::runStats, false },
    { "plan", kopru::cli::runPlan, false },
    { "export", kopru::cli::runExport, true },
    { "report", kopru::cli::runReport, true },
};

const char kUsage[] = QT_TRANSLATE_NOOP("cli",
    "usage: kopru-cli --version\n"
    "       kopru-cli init DB\n"
    "       kopru-cli demo DB [--teachers N] [--partners N] [--seed S]\n"
    "       kopru-cli import DB KIND FILE [--encoding auto|utf-8|windows-1254] [--delimiter auto|,|;|tab] [--sheet NAME] "
    "[--dry-run]\n"
    "       kopru-cli stats DB --field CODE [--json]\n"
    "       kopru-cli plan DB [--json] [--dimacs FILE]\n"
    "       kopru-cli export DB plan|schedule|needs --format csv|xlsx|pdf|ics --out PATH [--field CODE] [--centre ID] [--partner "
    "ID] [--anonymize]\n"
    "       kopru-cli report DB --field CODE --out FILE.pdf\n"
    "       kopru-cli check DB\n"
    "       kopru-cli backup DB OUT\n");

} // namespace

int main(int argc, char *argv[])
{
#ifdef Q_OS_WIN
    SetConsoleOutputCP(CP_UTF8);
#endif
    const Command *command = nullptr;
    if (argc > 1)
        for (const Command &c : kCommands)
            if (qstrcmp(argv[1], c.name) == 0)
                command = &c;

    std::unique_ptr<QCoreApplication> app;
    if (command && command->needsGui) {
#ifndef Q_OS_WIN
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("Kopru"));
    QCoreApplication::setApplicationName(QStringLiteral("Kopru"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KOPRU_VERSION));
    kopru::LanguageSetup::install(*app, kopru::LanguageSetup::storedPreference());

    QTextStream out(stdout), err(stderr);
    kopru::cli::Io io { out, err };
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        (args.isEmpty() ? err : out) << QCoreApplication::translate("cli", kUsage);
        return args.isEmpty() ? kopru::cli::Usage : kopru::cli::Success;
    }
    if (args.first() == QLatin1String("--version")) {
        out << "kopru-cli " << KOPRU_VERSION << Qt::endl;
        return kopru::cli::Success;
    }
    if (!command) {
        err << "kopru-cli: " << QCoreApplication::translate("cli", "unknown command %1").arg(args.first()) << '\n'
            << QCoreApplication::translate("cli", kUsage);
        return kopru::cli::Usage;
    }
    return command->run(args.mid(1), io);
}
