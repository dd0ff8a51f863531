// SPDX-License-Identifier: GPL-3.0-or-later
// kopru: the desktop application.
#include "app/languagesetup.h"

#include <QApplication>
#include <QLabel>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Kopru"));
    QCoreApplication::setApplicationName(QStringLiteral("Kopru"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KOPRU_VERSION));
    kopru::LanguageSetup::install(app, kopru::LanguageSetup::storedPreference());
    QLabel label(QObject::tr("Köprü"));
    label.show();
    return app.exec();
}
