// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>
#include <vector>

namespace kopru::Translations {

namespace {
// The catalogues installed last: a change of language replaces them.
std::vector<QPointer<QTranslator>> &installed()
{
    static std::vector<QPointer<QTranslator>> translators;
    return translators;
}
} // namespace

QString install(QCoreApplication &app, const QString &language)
{
    const QLocale locale(language == QLatin1String("tr") ? QLocale::Turkish : QLocale::English,
        language == QLatin1String("tr") ? QLocale::Turkey : QLocale::UnitedKingdom);
    QLocale::setDefault(locale);
    for (const QPointer<QTranslator> &old : installed())
        if (old) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    installed().clear();
    if (language != QLatin1String("tr"))
        return QStringLiteral("en");

    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("kopru"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    installed().push_back(own);
    // Qt's catalogue: next to the program when deployed (windeployqt), else Qt's own folder.
    const QStringList qtDirs { QCoreApplication::applicationDirPath() + QStringLiteral("/translations"),
        QLibraryInfo::path(QLibraryInfo::TranslationsPath) };
    for (const QString &dir : qtDirs) {
        auto *qt = new QTranslator(&app);
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), dir)) {
            QCoreApplication::installTranslator(qt);
            installed().push_back(qt);
            break;
        }
        delete qt;
    }
    return language;
}

} // namespace kopru::Translations
