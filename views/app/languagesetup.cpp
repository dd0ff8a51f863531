// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/app/languagesetup.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace kopru::LanguageSetup {

QString resolve(const QString &preferred)
{
    if (preferred == QLatin1String("tr") || preferred == QLatin1String("en"))
        return preferred;
    return QLocale::system().language() == QLocale::Turkish ? QStringLiteral("tr") : QStringLiteral("en");
}

QString install(QCoreApplication &app, const QString &preferred)
{
    const QString language = resolve(preferred);
    const QLocale locale(language == QLatin1String("tr") ? QLocale::Turkish : QLocale::English,
        language == QLatin1String("tr") ? QLocale::Turkey : QLocale::UnitedKingdom);
    QLocale::setDefault(locale);
    if (language == QLatin1String("en"))
        return language;

    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("kopru"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    // Qt's catalogue: next to the program when deployed (windeployqt), else Qt's own folder.
    const QStringList qtDirs { QCoreApplication::applicationDirPath() + QStringLiteral("/translations"),
        QLibraryInfo::path(QLibraryInfo::TranslationsPath) };
    for (const QString &dir : qtDirs) {
        auto *qt = new QTranslator(&app);
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), dir)) {
            QCoreApplication::installTranslator(qt);
            break;
        }
        delete qt;
    }
    return language;
}

QString storedPreference()
{
    return QSettings().value(QStringLiteral("ui/language"), QStringLiteral("auto")).toString();
}

void storePreference(const QString &preferred)
{
    QSettings().setValue(QStringLiteral("ui/language"), preferred);
}

} // namespace kopru::LanguageSetup
