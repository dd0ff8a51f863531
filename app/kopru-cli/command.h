// SPDX-License-Identifier: GPL-3.0-or-later
// What every kopru-cli command is made of: its declared syntax (from which the
// parser, the usage line and --help are produced), its output channels and the
// exit codes of the contract in docs/cli.md.
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <memory>

namespace kopru::cli {

// Exit status of the kopru-cli contract (docs/cli.md).
// InUse: another Köprü program (the GUI, another kopru-cli) holds the
// database; nothing was done, try again later.
enum Exit : int { Success = 0, Refused = 1, Usage = 2, InUse = 3 };

// Output channels of a command.
struct Io
{
    QTextStream &out;
    QTextStream &err;
};

// A message of the command line, in the "kopru::cli" translation context.
inline QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("kopru::cli", text, disambiguation, n);
}

// What a command accepts, declared once.
struct Syntax
{
    struct Argument
    {
        QString name; // shown in the usage line ("DB")
        QString description;
    };
    QList<Argument> positional; // all required, in this order
    QList<QCommandLineOption> options; // in the order the usage line shows them
    QStringList required; // options that must be given (and not empty)
};

// DB, the argument every command starts with.
Syntax::Argument databaseArgument(const QString &description);

// The parsed arguments a command runs with (options by name, without "--").
using Arguments = QCommandLineParser;

// One command of kopru-cli: a row of the command table (commandtable.cpp).
struct Command
{
    const char *name;
    const char *summary; // one line, translated in the "kopru::cli" context
    Syntax (*syntax)();
    int (*run)(const Arguments &args, Io &io);
    // The application object the command needs (Core, or Gui for painting).
    std::unique_ptr<QCoreApplication> (*makeApplication)(int &argc, char **argv);
};

std::unique_ptr<QCoreApplication> coreApplication(int &argc, char **argv);
std::unique_ptr<QCoreApplication> guiApplication(int &argc, char **argv);
// QGuiApplication takes "-session ID" (also spelled "--session ID") for the X11
// session manager and removes it from argv, so that a command's own --session
// would vanish: guiApplication first joins it into "--session=ID", which Qt
// leaves alone and the command's parser reads the same.
void joinSessionOption(int &argc, char **argv);
// A console program paints without a display: the offscreen platform unless
// QT_QPA_PLATFORM chooses one (Windows paints without one anyway).
void preferOffscreen();

// "kopru-cli NAME DB ... [--option VALUE] ..." as the usage line shows it.
QString synopsis(const Command &command, const Syntax &syntax);

// Parses `args` (after the command name) by the command's syntax and runs it.
// Unknown options, missing values, a wrong number of arguments and missing
// required options are refused with exit 2, the problem and the usage line;
// --help prints the command's help.
int runCommand(const Command &command, const QStringList &args, Io &io);

// "kopru-cli: <message>" on err, returning `code`.
int fail(Io &io, int code, const QString &message);

// The integer value of `option` in [min, max]; `fallback` when the option is
// absent. Sets *ok = false (and returns `fallback`) when given but not such an integer.
int intOption(const Arguments &args, const QString &option, int fallback, int min, int max, bool *ok);

} // namespace kopru::cli
