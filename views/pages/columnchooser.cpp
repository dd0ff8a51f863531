// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/columnchooser.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>
#include <QTableView>

namespace kopru {

ColumnChooser *ColumnChooser::install(QTableView *view, const QString &settingsName)
{
    return new ColumnChooser(view, settingsName);
}

ColumnChooser::ColumnChooser(QTableView *view, const QString &settingsName)
    : QObject(view)
    , m_view(view)
    , m_key(QStringLiteral("pages/%1/hiddenColumns").arg(settingsName))
{
    setObjectName(QStringLiteral("columnChooser"));
    QHeaderView *header = view->horizontalHeader();
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &ColumnChooser::showMenu);
    // The model may come later or be replaced; its columns are hidden again then.
    const auto watch = [this](QAbstractItemModel *model) {
        if (!model)
            return;
        connect(model, &QAbstractItemModel::modelReset, this, &ColumnChooser::applySaved, Qt::UniqueConnection);
        connect(model, &QAbstractItemModel::columnsInserted, this, &ColumnChooser::applySaved, Qt::UniqueConnection);
    };
    watch(view->model());
    applySaved();
}

void ColumnChooser::applySaved()
{
    const QAbstractItemModel *model = m_view->model();
    if (!model || model->columnCount() == 0)
        return;
    const QVariantList hidden = QSettings().value(m_key).toList();
    for (int c = 0; c < model->columnCount(); ++c)
        m_view->setColumnHidden(c, hidden.contains(c));
    if (visibleCount() == 0) // a saved list from a model with other columns
        m_view->setColumnHidden(0, false);
}

void ColumnChooser::save() const
{
    QVariantList hidden;
    const QAbstractItemModel *model = m_view->model();
    for (int c = 0; model && c < model->columnCount(); ++c)
        if (m_view->isColumnHidden(c))
            hidden << c;
    QSettings().setValue(m_key, hidden);
}

int ColumnChooser::visibleCount() const
{
    int n = 0;
    const QAbstractItemModel *model = m_view->model();
    for (int c = 0; model && c < model->columnCount(); ++c)
        n += m_view->isColumnHidden(c) ? 0 : 1;
    return n;
}

void ColumnChooser::setColumnVisible(int logicalColumn, bool visible)
{
    if (!visible && !m_view->isColumnHidden(logicalColumn) && visibleCount() <= 1)
        return; // the last visible column stays
    m_view->setColumnHidden(logicalColumn, !visible);
    save();
    emit columnsChanged();
}

void ColumnChooser::showAllColumns()
{
    const QAbstractItemModel *model = m_view->model();
    for (int c = 0; model && c < model->columnCount(); ++c)
        m_view->setColumnHidden(c, false);
    save();
    emit columnsChanged();
}

QMenu *ColumnChooser::createMenu(int logicalColumn) const
{
    auto *menu = new QMenu(m_view);
    const QAbstractItemModel *model = m_view->model();
    if (!model)
        return menu;
    auto *self = const_cast<ColumnChooser *>(this);
    const bool lastOne = visibleCount() <= 1;
    if (logicalColumn >= 0) {
        const QString name = model->headerData(logicalColumn, Qt::Horizontal).toString();
        QAction *hide = menu->addAction(tr("&Hide Column “%1”").arg(name));
        hide->setObjectName(QStringLiteral("hideColumnAction"));
        hide->setEnabled(!lastOne);
        connect(hide, &QAction::triggered, self, [self, logicalColumn] { self->setColumnVisible(logicalColumn, false); });
        menu->addSeparator();
    }
    // In the order the user sees the columns.
    const QHeaderView *header = m_view->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int c = header->logicalIndex(visual);
        QAction *toggle = menu->addAction(model->headerData(c, Qt::Horizontal).toString());
        toggle->setObjectName(QStringLiteral("columnAction_%1").arg(c));
        toggle->setCheckable(true);
        toggle->setChecked(!m_view->isColumnHidden(c));
        toggle->setEnabled(!(toggle->isChecked() && lastOne));
        connect(toggle, &QAction::toggled, self, [self, c](bool on) { self->setColumnVisible(c, on); });
    }
    menu->addSeparator();
    QAction *all = menu->addAction(tr("&Show All Columns"));
    all->setObjectName(QStringLiteral("showAllColumnsAction"));
    all->setEnabled(visibleCount() < model->columnCount());
    connect(all, &QAction::triggered, self, &ColumnChooser::showAllColumns);
    return menu;
}

void ColumnChooser::showMenu(const QPoint &pos)
{
    QHeaderView *header = m_view->horizontalHeader();
    QMenu *menu = createMenu(header->logicalIndexAt(pos));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(header->viewport()->mapToGlobal(pos));
}

} // namespace kopru
