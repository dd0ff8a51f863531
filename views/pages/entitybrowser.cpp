// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/entitybrowser.h"

#include "models/itemmodels/entitytablemodel.h"
#include "models/itemmodels/lookups.h"
#include "models/itemmodels/roles.h"
#include "models/itemmodels/turkishfilterproxy.h"
#include "views/delegates/entitydelegate.h"
#include "views/pages/columnchooser.h"
#include "views/pages/compactcombo.h"
#include "views/pages/flowlayout.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace kopru {

EntityBrowser::EntityBrowser(const QString &settingsName, EntityTableModel *model, int filters, QWidget *parent)
    : QWidget(parent)
    , m_settingsName(settingsName)
    , m_model(model)
    , m_proxy(new TurkishFilterProxy(this))
{
    m_proxy->setSourceModel(model);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    createToolbar(filters);
    createView();
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &EntityBrowser::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &EntityBrowser::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &EntityBrowser::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &EntityBrowser::updateCount);
}

EntityBrowser::~EntityBrowser()
{
    saveHeaderState();
}

void EntityBrowser::createToolbar(int filters)
{
    // Wraps onto a second row on a narrow window (issue #18).
    auto *bar = new FlowLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search…"));
    m_search->setToolTip(tr("Words to find anywhere in the row; Turkish letters count (ı and i differ)."));
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 12);
    // Filtering 8,000 rows is fast, but wait for a pause in typing.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this] {
        m_proxy->setSearchText(m_search->text());
        updateCount();
    });
    bar->addWidget(m_search, 2);
    if (filters & FieldFilter)
        bar->addWidget(m_field = makeFilter(FieldIdRole, tr("Show only this pilot field")), 1);
    if (filters & ProvinceFilter)
        bar->addWidget(m_province = makeFilter(ProvinceIdRole, tr("Show only this province")), 1);
    if (filters & CentreFilter)
        bar->addWidget(m_centre = makeFilter(CentreIdRole, tr("Show only this centre")), 1);
    m_count = new QLabel(this);
    bar->addWidget(m_count);
    bar->addStretch();
    m_add = new QPushButton(QIcon::fromTheme(QStringLiteral("list-add")), tr("&Add…"), this);
    m_delete = new QPushButton(QIcon::fromTheme(QStringLiteral("list-remove")), tr("&Delete…"), this);
    m_delete->setEnabled(false);
    connect(m_add, &QPushButton::clicked, this, &EntityBrowser::addRequested);
    connect(m_delete, &QPushButton::clicked, this, &EntityBrowser::deleteRequested);
    bar->addWidget(m_add);
    bar->addWidget(m_delete);
    static_cast<QVBoxLayout *>(layout())->addLayout(bar);
    // The search box takes the room a wide window leaves.
    m_search->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QComboBox *EntityBrowser::makeFilter(int role, const QString &toolTip)
{
    auto *combo = new QComboBox(this);
    combo->setToolTip(toolTip);
    makeCompact(combo, 12);
    connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, role] {
        m_proxy->setRoleFilter(role, combo->currentData());
        updateCount();
    });
    return combo;
}

void EntityBrowser::createView()
{
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("entities"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new EntityDelegate(m_view));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setDefaultSectionSize(130);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    static_cast<QVBoxLayout *>(layout())->addWidget(m_view, 1);
    const auto currentMayHaveChanged = [this] {
        m_shownId = currentId();
        emit currentIdChanged(m_shownId);
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, currentMayHaveChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this] { m_delete->setEnabled(!selectedIds().isEmpty()); });
    // A search or filter hides rows with one layoutChanged (TurkishFilterProxy):
    // the current row may be gone without currentRowChanged.
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this] {
        m_delete->setEnabled(!selectedIds().isEmpty());
        if (currentId() != m_shownId) {
            m_shownId = currentId();
            emit currentIdChanged(m_shownId);
        }
    });
    // Kept whenever the user resizes, moves or sorts (debounced), not only on exit.
    auto *saveLater = new QTimer(this);
    saveLater->setSingleShot(true);
    saveLater->setInterval(500);
    connect(saveLater, &QTimer::timeout, this, &EntityBrowser::saveHeaderState);
    QHeaderView *header = m_view->horizontalHeader();
    connect(header, &QHeaderView::sectionResized, saveLater, qOverload<>(&QTimer::start));
    connect(header, &QHeaderView::sectionMoved, saveLater, qOverload<>(&QTimer::start));
    connect(header, &QHeaderView::sortIndicatorChanged, saveLater, qOverload<>(&QTimer::start));
    // Widths and order as the user left them; else fitted to the first rows loaded.
    const QByteArray state = QSettings().value(QStringLiteral("pages/%1/header").arg(m_settingsName)).toByteArray();
    m_headerRestored = !state.isEmpty() && m_view->horizontalHeader()->restoreState(state);
    connect(
        ColumnChooser::install(m_view, m_settingsName), &ColumnChooser::columnsChanged, saveLater, qOverload<>(&QTimer::start));
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        if (m_headerRestored || m_proxy->rowCount() == 0)
            return;
        m_headerRestored = true;
        m_view->resizeColumnsToContents();
        for (int c = 0; c < m_proxy->columnCount(); ++c)
            m_view->setColumnWidth(c, std::clamp(m_view->columnWidth(c) + 12, 60, 300));
    });
}

void EntityBrowser::saveHeaderState() const
{
    if (m_headerRestored)
        QSettings().setValue(QStringLiteral("pages/%1/header").arg(m_settingsName), m_view->horizontalHeader()->saveState());
}

void EntityBrowser::setLookups(const Lookups *lookups)
{
    const auto fill = [](QComboBox *combo, const std::vector<Lookups::Item> &items, const QString &all) {
        if (!combo)
            return;
        const QVariant keep = combo->currentData();
        const QSignalBlocker block(combo);
        combo->clear();
        combo->addItem(all, QVariant());
        for (const Lookups::Item &item : items)
            combo->addItem(item.name, item.id);
        combo->setCurrentIndex(std::max(0, combo->findData(keep)));
    };
    fill(m_field, lookups ? lookups->fields() : std::vector<Lookups::Item> {}, tr("All fields"));
    fill(m_province, lookups ? lookups->provinces() : std::vector<Lookups::Item> {}, tr("All provinces"));
    fill(m_centre, lookups ? lookups->centres() : std::vector<Lookups::Item> {}, tr("All centres"));
    m_proxy->setRoleFilter(FieldIdRole, m_field ? m_field->currentData() : QVariant());
    m_proxy->setRoleFilter(ProvinceIdRole, m_province ? m_province->currentData() : QVariant());
    m_proxy->setRoleFilter(CentreIdRole, m_centre ? m_centre->currentData() : QVariant());
    updateCount();
}

void EntityBrowser::setFieldFilter(int fieldId)
{
    if (m_field)
        m_field->setCurrentIndex(std::max(0, m_field->findData(fieldId > 0 ? QVariant(fieldId) : QVariant())));
}

QComboBox *EntityBrowser::filterCombo(Filter which) const
{
    switch (which) {
    case FieldFilter:
        return m_field;
    case ProvinceFilter:
        return m_province;
    case CentreFilter:
        return m_centre;
    }
    return nullptr;
}

void EntityBrowser::updateCount()
{
    m_count->setText(tr("%1 of %2").arg(QLocale().toString(m_proxy->rowCount()), QLocale().toString(m_model->rowCount())));
}

QList<int> EntityBrowser::selectedIds() const
{
    QList<int> ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids << index.data(IdRole).toInt();
    return ids;
}

int EntityBrowser::currentId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0).data(IdRole).toInt() : 0;
}

void EntityBrowser::selectId(int id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) { // hidden by the search or a filter
        m_search->clear();
        m_proxy->setSearchText(QString());
        for (QComboBox *combo : { m_field, m_province, m_centre })
            if (combo)
                combo->setCurrentIndex(0);
        index = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_view->setCurrentIndex(index);
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

} // namespace kopru
