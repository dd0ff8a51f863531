// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli: the console front end (contract in docs/cli.md). The commands
// and the usage text come from the table in commandtable.cpp.
#include "app/common/translations.h"
#include "app/kopru-cli/commandtable.h"
#include "models/core/languagepreference.h"

#include <QCoreApplication>
#include <QTextStream>
#include <memory>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

int main(int argc, char *argv[])
{
    using namespace kopru::cli;
#ifdef Q_OS_WIN
    SetConsoleOutputCP(CP_UTF8);
#endif
    // The command decides which application object it needs (Core, or Gui for painting).
    const Command *command = argc > 1 ? findCommand(QString::fromLocal8Bit(argv[1])) : nullptr;
    const std::unique_ptr<QCoreApplication> app = command ? command->makeApplication(argc, argv) : coreApplication(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Kopru"));
    QCoreApplication::setApplicationName(QStringLiteral("Kopru"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KOPRU_VERSION));
    kopru::Translations::install(*app, kopru::LanguagePreference::resolve(kopru::LanguagePreference::stored()));

    QTextStream out(stdout), err(stderr);
    Io io { out, err };
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.constFirst() == QLatin1String("--help") || args.constFirst() == QLatin1String("-h")) {
        (args.isEmpty() ? err : out) << usageText();
        return args.isEmpty() ? Usage : Success;
    }
    if (args.constFirst() == QLatin1String("--version")) {
        out << "kopru-cli " << KOPRU_VERSION << Qt::endl;
        return Success;
    }
    if (!command) {
        err << unknownCommandText(args.constFirst());
        return Usage;
    }
    return runCommand(*command, args.mid(1), io);
}
