// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/kopru-cli/command.h"

#include <QByteArray>
#include <QGuiApplication>
#include <list>

namespace kopru::cli {

namespace {

// "--name VALUE" or "--name", as the usage line shows an option.
QString optionSyntax(const QCommandLineOption &option)
{
    QString text = QStringLiteral("--") + option.names().constFirst();
    if (!option.valueName().isEmpty())
        text += QLatin1Char(' ') + option.valueName();
    return text;
}

// "--name=value" -> "--name", as the user spelled the option.
QString spelledOption(const QString &arg)
{
    return arg.section(QLatin1Char('='), 0, 0);
}

// "--name=value" -> "name".
QString optionName(const QString &arg)
{
    QString name = spelledOption(arg);
    while (name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    return name;
}

// Why parse() refused `raw`, in the command line's words.
QString parseProblem(const QCommandLineParser &parser, const QList<QCommandLineOption> &options, const QStringList &raw)
{
    const QStringList unknown = parser.unknownOptionNames();
    for (const QString &arg : raw) {
        if (arg == QLatin1String("--"))
            break; // the rest is positional
        if (arg.size() < 2 || !arg.startsWith(QLatin1Char('-')))
            continue;
        const QString name = optionName(arg);
        if (unknown.contains(name))
            return tr("unknown option %1").arg(spelledOption(arg));
        const bool inlineValue = arg.contains(QLatin1Char('='));
        for (const QCommandLineOption &option : options) {
            if (!option.names().contains(name))
                continue;
            if (option.valueName().isEmpty() && inlineValue)
                return tr("option %1 takes no value").arg(spelledOption(arg));
            if (!option.valueName().isEmpty() && !inlineValue && &arg == &raw.constLast())
                return tr("option %1 needs a value").arg(spelledOption(arg));
        }
    }
    return parser.errorText(); // anything else: Qt's own (translated) message
}

// The name of the DB argument (a function of its own: lupdate loses the
// context of a function whose return type is qualified, like databaseArgument).
QString databaseName()
{
    return tr("DB");
}

} // namespace

std::unique_ptr<QCoreApplication> coreApplication(int &argc, char **argv)
{
    return std::make_unique<QCoreApplication>(argc, argv);
}

void preferOffscreen()
{
#ifndef Q_OS_WIN
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
}

void joinSessionOption(int &argc, char **argv)
{
    static std::list<QByteArray> joined; // argv's strings outlive the application
    int kept = 0;
    for (int i = 0; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if ((arg == "--session" || arg == "-session") && i + 1 < argc) {
            joined.push_back(QByteArray("--session=") + argv[i + 1]);
            argv[kept++] = joined.back().data();
            ++i;
        } else {
            argv[kept++] = argv[i];
        }
    }
    argc = kept;
    argv[argc] = nullptr;
}

std::unique_ptr<QCoreApplication> guiApplication(int &argc, char **argv)
{
    preferOffscreen();
    joinSessionOption(argc, argv);
    return std::make_unique<QGuiApplication>(argc, argv);
}

QString synopsis(const Command &command, const Syntax &syntax)
{
    QStringList parts { QStringLiteral("kopru-cli"), QLatin1String(command.name) };
    for (const Syntax::Argument &argument : syntax.positional)
        parts << argument.name;
    for (const QCommandLineOption &option : syntax.options) {
        const QString text = optionSyntax(option);
        parts << (syntax.required.contains(option.names().constFirst()) ? text : QLatin1Char('[') + text + QLatin1Char(']'));
    }
    return parts.join(QLatin1Char(' '));
}

int runCommand(const Command &command, const QStringList &args, Io &io)
{
    const Syntax syntax = command.syntax();
    const QString usage = tr("usage:") + QLatin1Char(' ') + synopsis(command, syntax);
    const auto refuse = [&](const QString &problem) {
        io.err << "kopru-cli: " << problem << '\n' << usage << Qt::endl;
        return int(Usage);
    };

    QCommandLineParser parser;
    // "-x" is the long option "x" (there are no one-letter options to combine).
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setApplicationDescription(tr(command.summary));
    parser.addOptions(syntax.options);
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") }, tr("Show this help."));
    parser.addOption(help);
    for (const Syntax::Argument &argument : syntax.positional)
        parser.addPositionalArgument(argument.name, argument.description);
    if (!parser.parse(QStringList { QStringLiteral("kopru-cli") } + args))
        return refuse(parseProblem(parser, syntax.options, args));
    if (parser.isSet(help)) {
        // Qt's help text (options and arguments described) under our usage line.
        const QString text = parser.helpText();
        const QString body = text.mid(text.indexOf(QLatin1Char('\n')) + 1);
        io.out << usage << '\n' << body << (body.endsWith(QLatin1Char('\n')) ? "" : "\n");
        io.out.flush();
        return Success;
    }

    if (parser.positionalArguments().size() != syntax.positional.size()) {
        QStringList names;
        for (const Syntax::Argument &argument : syntax.positional)
            names << argument.name;
        return refuse(
            tr("wrong number of arguments: %1 takes %2").arg(QLatin1String(command.name), names.join(QLatin1Char(' '))));
    }
    for (const QCommandLineOption &option : syntax.options)
        if (syntax.required.contains(option.names().constFirst()) && parser.value(option).isEmpty())
            return refuse(tr("%1 needs %2").arg(QLatin1String(command.name), optionSyntax(option)));
    return command.run(parser, io);
}

Syntax::Argument databaseArgument(const QString &description)
{
    return { databaseName(), description };
}

int fail(Io &io, int code, const QString &message)
{
    io.err << "kopru-cli: " << message << Qt::endl;
    return code;
}

int intOption(const Arguments &args, const QString &option, int fallback, int min, int max, bool *ok)
{
    if (!args.isSet(option))
        return fallback;
    bool parsed = false;
    const int v = args.value(option).toInt(&parsed);
    if (!parsed || v < min || v > max) {
        *ok = false;
        return fallback;
    }
    return v;
}

} // namespace kopru::cli
