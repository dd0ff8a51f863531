// SPDX-License-Identifier: GPL-3.0-or-later
// What the main window keeps in QSettings: geometry and dock/toolbar state,
// the state of every named QSplitter in the window (pages get this for free
// by giving their splitters an objectName), and the last page shown.
#include "mainwindow/mainwindow.h"
#include "pages/page.h"

#include <QSettings>
#include <QSplitter>

namespace kopru {

namespace {

QString splitterKey(const QSplitter *splitter)
{
    // Page splitters are qualified by the page so that two pages may use the same name.
    QString key = splitter->objectName();
    for (const QObject *o = splitter->parent(); o; o = o->parent())
        if (const auto *page = qobject_cast<const Page *>(o)) {
            key = page->pageName() + QLatin1Char('/') + key;
            break;
        }
    return QStringLiteral("window/splitters/") + key;
}

} // namespace

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (const Page *page = currentPage())
        settings.setValue(QStringLiteral("window/lastPage"), page->pageName());
    const auto splitters = findChildren<QSplitter *>();
    for (const QSplitter *splitter : splitters)
        if (!splitter->objectName().isEmpty())
            settings.setValue(splitterKey(splitter), splitter->saveState());
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    const auto splitters = findChildren<QSplitter *>();
    for (QSplitter *splitter : splitters)
        if (!splitter->objectName().isEmpty()) {
            const QByteArray state = settings.value(splitterKey(splitter)).toByteArray();
            if (!state.isEmpty())
                splitter->restoreState(state);
        }
    const QString last = settings.value(QStringLiteral("window/lastPage")).toString();
    if (!last.isEmpty())
        showPage(last);
}

} // namespace kopru
