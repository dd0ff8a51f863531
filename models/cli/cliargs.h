// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QTextStream>

namespace kopru::cli {

// Exit status of the kopru-cli contract (docs/cli.md).
enum Exit : int { Success = 0, Refused = 1, Usage = 2 };

// Output channels of a command: tests pass string-backed streams.
struct Io
{
    QTextStream &out;
    QTextStream &err;
};

// Arguments of one command: positionals and --options. Options that take a
// value are declared; everything else starting with "--" is a flag if
// declared, an error otherwise.
class Args
{
public:
    // Parses `raw` (without the program and command names). On error returns
    // false and sets `error` to a translated message.
    bool parse(const QStringList &raw, const QSet<QString> &valueOptions, const QSet<QString> &flags, QString *error);

    const QStringList &positional() const { return m_positional; }
    bool has(const QString &option) const { return m_values.contains(option) || m_flags.contains(option); }
    QString value(const QString &option, const QString &fallback = {}) const { return m_values.value(option, fallback); }
    // Integer option; sets *ok=false (and leaves it) when present but not an integer in [min, max].
    int intValue(const QString &option, int fallback, int min, int max, bool *ok) const;

private:
    QStringList m_positional;
    QHash<QString, QString> m_values;
    QSet<QString> m_flags;
};

// The commands (each in its own file). `args` excludes the command name.
int runInit(const QStringList &args, Io &io);
int runDemo(const QStringList &args, Io &io);
int runCheck(const QStringList &args, Io &io);
int runBackup(const QStringList &args, Io &io);
int runImport(const QStringList &args, Io &io);
int runStats(const QStringList &args, Io &io);
int runPlan(const QStringList &args, Io &io);
int runExport(const QStringList &args, Io &io); // needs a QGuiApplication (PDF)

// "kopru-cli: <message>" on err, returning `code`.
int fail(Io &io, int code, const QString &message);

} // namespace kopru::cli
