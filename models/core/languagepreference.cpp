// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/core/languagepreference.h"

#include <QLocale>
#include <QSettings>

namespace kopru::LanguagePreference {

QString resolve(const QString &preferred)
{
    if (preferred == QLatin1String("tr") || preferred == QLatin1String("en"))
        return preferred;
    return QLocale::system().language() == QLocale::Turkish ? QStringLiteral("tr") : QStringLiteral("en");
}

QString stored()
{
    return QSettings().value(QStringLiteral("ui/language"), QStringLiteral("auto")).toString();
}

void store(const QString &preferred)
{
    QSettings().setValue(QStringLiteral("ui/language"), preferred);
}

QString uiName(const QString &turkish, const QString &english)
{
    return QLocale().language() == QLocale::Turkish || english.isEmpty() ? turkish : english;
}

} // namespace kopru::LanguagePreference
