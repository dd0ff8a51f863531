// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/cli/cliargs.h"

#include <QCoreApplication>

namespace kopru::cli {

bool Args::parse(const QStringList &raw, const QSet<QString> &valueOptions, const QSet<QString> &flags, QString *error)
{
    for (int i = 0; i < raw.size(); ++i) {
        const QString &a = raw.at(i);
        if (!a.startsWith(QLatin1String("--")) || a == QLatin1String("--")) {
            m_positional << a;
            continue;
        }
        QString name = a, value;
        const int eq = a.indexOf(QLatin1Char('='));
        const bool inlineValue = eq > 0;
        if (inlineValue) {
            name = a.left(eq);
            value = a.mid(eq + 1);
        }
        if (valueOptions.contains(name)) {
            if (!inlineValue) {
                if (i + 1 >= raw.size()) {
                    *error = QCoreApplication::translate("cli", "option %1 needs a value").arg(name);
                    return false;
                }
                value = raw.at(++i);
            }
            m_values.insert(name, value);
        } else if (flags.contains(name) && !inlineValue) {
            m_flags.insert(name);
        } else {
            *error = QCoreApplication::translate("cli", "unknown option %1").arg(a);
            return false;
        }
    }
    return true;
}

int Args::intValue(const QString &option, int fallback, int min, int max, bool *ok) const
{
    if (!m_values.contains(option))
        return fallback;
    bool parsed = false;
    const int v = m_values.value(option).toInt(&parsed);
    if (!parsed || v < min || v > max) {
        *ok = false;
        return fallback;
    }
    return v;
}

int fail(Io &io, int code, const QString &message)
{
    io.err << "kopru-cli: " << message << Qt::endl;
    return code;
}

} // namespace kopru::cli
