// SPDX-License-Identifier: GPL-3.0-or-later
// kopru: the desktop application.
//   kopru [DB|postgresql://user@host/db] [--page NAME] [--field CODE] [--screenshot FILE.png] [--lang tr|en]
#include "app/common/translations.h"
#include "models/core/languagepreference.h"
#include "models/db/database.h"
#include "models/db/serverurl.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/recentfiles.h"
#include "views/pages/page.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QIcon>
#include <QPixmap>
#include <QSize>
#include <QTimer>
#include <cstdio>

namespace {

enum ExitCode { Success = 0, Usage = 2 };

int fail(const QString &message)
{
    std::fprintf(stderr, "kopru: %s\n", qPrintable(message));
    return Usage;
}

// Renders one page of `db` into `png` without user interaction.
int takeScreenshot(kopru::MainWindow &window, const QString &dbPath, const QString &page, const QString &field,
    const QString &png, const QSize &size)
{
    auto db = kopru::Database::open(dbPath);
    if (!db)
        return fail(db.message());
    window.setDatabase(std::move(db.value()));
    const QString pageName = page.isEmpty() ? QStringLiteral("overview") : page;
    if (!window.showPage(pageName)) {
        QStringList names;
        for (const kopru::Page *p : window.pages())
            names << p->pageName();
        return fail(QCoreApplication::translate("main", "unknown page \"%1\" (pages: %2)")
                        .arg(pageName, names.join(QStringLiteral(", "))));
    }
    if (!field.isEmpty())
        window.setFieldCode(field);
    // Fixed, so that a page whose layout asks for more room cannot widen the image.
    window.setFixedSize(size);
    window.show();
    // Let layouts, lazy model fetches and chart animations settle.
    QEventLoop settle;
    QTimer::singleShot(400, &settle, &QEventLoop::quit);
    settle.exec();
    QCoreApplication::processEvents();
    const QPixmap shot = window.grab();
    if (!shot.save(png, "PNG"))
        return fail(QCoreApplication::translate("main", "cannot write %1").arg(png));
    return Success;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Kopru"));
    QCoreApplication::setApplicationName(QStringLiteral("Kopru"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KOPRU_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Köprü"));
    QGuiApplication::setDesktopFileName(QStringLiteral("kopru"));
    QIcon icon;
    for (int size : { 32, 64, 256 })
        icon.addFile(QStringLiteral(":/icons/kopru-%1.png").arg(size));
    QApplication::setWindowIcon(icon);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Köprü — on-the-job training planner for vocational teachers"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("DB"),
        QCoreApplication::translate("main", "Köprü database (.kopru) or server database (postgresql://user@host/db) to open"),
        QStringLiteral("[DB]"));
    const QCommandLineOption pageOption(QStringLiteral("page"),
        QCoreApplication::translate("main", "Page to show (overview, teachers, …)."), QStringLiteral("NAME"));
    const QCommandLineOption fieldOption(
        QStringLiteral("field"), QCoreApplication::translate("main", "Pilot field to preselect."), QStringLiteral("CODE"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Render the page into FILE.png and exit."), QStringLiteral("FILE.png"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QCoreApplication::translate("main", "UI language for this run: tr or en."), QStringLiteral("tr|en"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
        QCoreApplication::translate("main", "Window size of --screenshot (default 1400x900)."), QStringLiteral("WxH"));
    parser.addOptions({ pageOption, fieldOption, screenshotOption, langOption, sizeOption });
    // Wrong usage exits with 2, as kopru-cli does (process() would exit with 1).
    if (!parser.parse(QCoreApplication::arguments()))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all")))
        parser.showHelp(Success);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    QString language = kopru::LanguagePreference::stored();
    if (parser.isSet(langOption)) {
        language = parser.value(langOption);
        if (language != QLatin1String("tr") && language != QLatin1String("en"))
            return fail(QCoreApplication::translate("main", "--lang takes tr or en"));
    }
    kopru::Translations::install(app, kopru::LanguagePreference::resolve(language));

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return fail(QCoreApplication::translate("main", "only one database can be given"));
    const QString dbPath = positional.value(0);

    kopru::MainWindow window;
    if (parser.isSet(screenshotOption)) {
        if (dbPath.isEmpty())
            return fail(QCoreApplication::translate("main", "--screenshot needs a database"));
        QSize size(1400, 900);
        if (parser.isSet(sizeOption)) {
            const QStringList wh = parser.value(sizeOption).split(QLatin1Char('x'));
            size = wh.size() == 2 ? QSize(wh.at(0).toInt(), wh.at(1).toInt()) : QSize();
            if (size.width() < 320 || size.height() < 240)
                return fail(QCoreApplication::translate("main", "--size takes WIDTHxHEIGHT, e.g. 1366x768"));
        }
        return takeScreenshot(
            window, dbPath, parser.value(pageOption), parser.value(fieldOption), parser.value(screenshotOption), size);
    }

    // Preferences ▸ Language applies at once: the catalogues change here, the
    // window rebuilds itself in the new language.
    QObject::connect(&window, &kopru::MainWindow::languageChangeRequested, &app,
        [&app](const QString &chosen) { kopru::Translations::install(app, chosen); });
    window.restoreSettings();
    window.show();
    bool opened = false;
    if (!dbPath.isEmpty()) {
        opened = window.openFile(dbPath);
    } else if (const QString last = window.recentFiles()->files().value(0);
               !last.isEmpty() && (kopru::ServerUrl::isServerUrl(last) || QFileInfo::exists(last))) {
        opened = window.openFile(last); // reopen the last file or server database
    }
    if (!opened)
        window.offerStart();
    if (parser.isSet(pageOption) && !window.showPage(parser.value(pageOption)))
        fail(QCoreApplication::translate("main", "unknown page \"%1\"").arg(parser.value(pageOption)));
    if (parser.isSet(fieldOption))
        window.setFieldCode(parser.value(fieldOption));
    return app.exec();
}
