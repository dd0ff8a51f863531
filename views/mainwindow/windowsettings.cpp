// SPDX-License-Identifier: GPL-3.0-or-later
// What the main window keeps in QSettings: geometry and dock/toolbar state,
// the state of every named QSplitter and the column widths and order of every
// named table or tree view in the window (pages get this for free by giving
// their splitters and views an objectName), and the last page shown.
#include "views/mainwindow/mainwindow.h"
#include "views/pages/page.h"

#include <QAbstractItemView>
#include <QHeaderView>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <memory>

namespace kopru {

namespace {

// Widgets inside a page are qualified by the page so that two pages may use the same name.
QString settingsKey(const QString &group, const QWidget *widget)
{
    QString key = widget->objectName();
    for (const QObject *o = widget->parent(); o; o = o->parent())
        if (const auto *page = qobject_cast<const Page *>(o)) {
            key = page->pageName() + QLatin1Char('/') + key;
            break;
        }
    return QStringLiteral("window/") + group + QLatin1Char('/') + key;
}

QString splitterKey(const QSplitter *splitter)
{
    return settingsKey(QStringLiteral("splitters"), splitter);
}
QString columnsKey(const QAbstractItemView *view)
{
    return settingsKey(QStringLiteral("columns"), view);
}

// The horizontal header of a table or tree view, or nullptr.
QHeaderView *columnHeader(QAbstractItemView *view)
{
    if (auto *table = qobject_cast<QTableView *>(view))
        return table->horizontalHeader();
    if (auto *tree = qobject_cast<QTreeView *>(view))
        return tree->header();
    return nullptr;
}

// Restores now if the view has columns, else once its model first gets some
// (pages fill their models only when a database is opened).
void restoreColumns(QHeaderView *header, const QByteArray &state)
{
    if (header->count() > 0) {
        header->restoreState(state);
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection
        = QObject::connect(header, &QHeaderView::sectionCountChanged, header, [header, state, connection](int, int count) {
              if (count <= 0)
                  return;
              QObject::disconnect(*connection);
              header->restoreState(state);
          });
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
    const auto views = findChildren<QAbstractItemView *>();
    for (QAbstractItemView *view : views)
        if (QHeaderView *header = columnHeader(view); header && !view->objectName().isEmpty() && header->count() > 0)
            settings.setValue(columnsKey(view), header->saveState());
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    restoreLayout();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    const auto splitters = findChildren<QSplitter *>();
    for (QSplitter *splitter : splitters)
        if (!splitter->objectName().isEmpty()) {
            const QByteArray state = settings.value(splitterKey(splitter)).toByteArray();
            if (!state.isEmpty())
                splitter->restoreState(state);
        }
    const auto views = findChildren<QAbstractItemView *>();
    for (QAbstractItemView *view : views)
        if (QHeaderView *header = columnHeader(view); header && !view->objectName().isEmpty()) {
            const QByteArray state = settings.value(columnsKey(view)).toByteArray();
            if (!state.isEmpty())
                restoreColumns(header, state);
        }
    const QString last = settings.value(QStringLiteral("window/lastPage")).toString();
    if (!last.isEmpty())
        showPage(last);
}

} // namespace kopru
