// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/overview/overviewpage.h"

#include "models/db/database.h"
#include "models/db/serverurl.h"
#include "models/itemmodels/turkishfilterproxy.h"
#include "models/overview/overviewmodel.h"
#include "views/delegates/numberdelegate.h"
#include "views/pages/columnchooser.h"
#include "views/pages/liverefresh.h"
#include "views/pages/pageregistry.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace kopru {

namespace {

QString number(int n)
{
    return QLocale().toString(n);
}

QString percentOf(int part, int whole)
{
    if (whole <= 0)
        return QString();
    return QLocale().toString(100.0 * part / whole, 'f', 1);
}

} // namespace

OverviewPage::OverviewPage(QUndoStack *undo, QWidget *parent)
    : Page(undo, parent)
{
    setObjectName(QStringLiteral("OverviewPage"));
    // Other users' changes of what the page shows (docs/server.md).
    LiveRefresh::follow(this,
        { QStringLiteral("centre"), QStringLiteral("centre_field"), QStringLiteral("competency"), QStringLiteral("field"),
            QStringLiteral("need_rating"), QStringLiteral("partner"), QStringLiteral("partner_competency"),
            QStringLiteral("placement"), QStringLiteral("province"), QStringLiteral("teacher"),
            QStringLiteral("training_session") });
    auto *title = new QLabel(pageTitle(), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_source = new QLabel(this);
    m_source->setObjectName(QStringLiteral("overviewSource"));
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_source->setWordWrap(true);
    m_source->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_grouping = new QComboBox(this);
    m_grouping->setObjectName(QStringLiteral("overviewGrouping"));
    m_grouping->addItem(tr("Pilot field"), int(OverviewModel::Grouping::ByField));
    m_grouping->addItem(tr("Centre"), int(OverviewModel::Grouping::ByCentre));
    auto *groupingLabel = new QLabel(tr("&Counts per:"), this);
    groupingLabel->setBuddy(m_grouping);
    connect(m_grouping, &QComboBox::currentIndexChanged, this, [this] { refresh(); });

    m_model = new OverviewModel(this);
    m_proxy = new TurkishFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("overviewTable"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new NumberDelegate(m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // keep the reference order until the user sorts
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Compact rows: all 25 pilot fields fit a 900-pixel-high window.
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    ColumnChooser::install(m_table, pageName());
    header->setSectionResizeMode(OverviewModel::Name, QHeaderView::Stretch);
    header->setSectionResizeMode(OverviewModel::Coordination, QHeaderView::Stretch);

    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch();
    top->addWidget(m_source, 1);

    auto *controls = new QHBoxLayout;
    controls->addWidget(groupingLabel);
    controls->addWidget(m_grouping);
    controls->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(createTiles());
    layout->addLayout(controls);
    layout->addWidget(m_table, 1);
    setDatabase(nullptr);
}

QString OverviewPage::pageTitle() const
{
    return QCoreApplication::translate("Navigation", "Overview");
}

QWidget *OverviewPage::createTiles()
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    m_teachers = addTile(box, tr("Teachers"), tr("Teachers in the database"));
    m_surveyed = addTile(box, tr("Surveyed"), tr("Teachers with at least one need rating other than \"not applicable\""));
    m_partners = addTile(box, tr("Partners"), tr("Industry partners in the database"));
    m_places = addTile(box, tr("Session places"), tr("Sum of the capacities of all training sessions"));
    m_placed = addTile(box, tr("Placed"), tr("Placements that are not cancelled"));
    return box;
}

OverviewPage::Tile OverviewPage::addTile(QWidget *parent, const QString &caption, const QString &toolTip)
{
    auto *frame = new QFrame(parent);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setToolTip(toolTip);
    frame->setBackgroundRole(QPalette::Base);
    frame->setAutoFillBackground(true);
    auto *grid = new QVBoxLayout(frame);
    auto *captionLabel = new QLabel(caption, frame);
    QPalette muted = captionLabel->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    auto *value = new QLabel(frame);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    value->setFont(big);
    auto *detail = new QLabel(frame);
    detail->setWordWrap(true);
    detail->setPalette(muted);
    grid->addWidget(captionLabel);
    grid->addWidget(value);
    grid->addWidget(detail);
    parent->layout()->addWidget(frame);
    return { value, detail };
}

void OverviewPage::setDatabase(Database *db)
{
    m_db = db;
    m_source->setText(db ? ServerUrl::shortName(db->path()) : tr("No database is open"));
    refresh();
}

void OverviewPage::refresh()
{
    const auto grouping = OverviewModel::Grouping(m_grouping->currentData().toInt());
    if (!m_db) {
        m_model->clear();
    } else if (Status s = m_model->reload(m_db->connection(), grouping); !s) {
        emit statusMessage(tr("The overview could not be loaded: %1").arg(s.message()), 0);
    }
    // A field's centres are long, a centre's province is one word.
    m_table->horizontalHeader()->setSectionResizeMode(OverviewModel::Coordination,
        grouping == OverviewModel::Grouping::ByField ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
    updateTiles();
    if (!m_fieldCode.isEmpty())
        selectField(m_fieldCode);
}

void OverviewPage::updateTiles()
{
    const bool open = m_db != nullptr;
    const OverviewModel::Totals &t = m_model->totals();
    auto show = [open](Tile &tile, int value, const QString &detail) {
        tile.value->setText(open ? number(value) : QStringLiteral("–"));
        tile.detail->setText(open ? detail : QString());
    };
    show(m_teachers, t.teachers, QString());
    const QString surveyedShare = percentOf(t.surveyed, t.teachers);
    show(m_surveyed, t.surveyed, surveyedShare.isEmpty() ? QString() : tr("%1 % of the teachers").arg(surveyedShare));
    show(m_partners, t.partners, QString());
    show(m_places, t.places, QString());
    const QString placedShare = percentOf(t.placed, t.places);
    show(m_placed, t.placed, placedShare.isEmpty() ? QString() : tr("%1 % of the places").arg(placedShare));
}

void OverviewPage::setFieldCode(const QString &code)
{
    m_fieldCode = code;
    selectField(code);
}

void OverviewPage::selectField(const QString &code)
{
    if (m_model->grouping() != OverviewModel::Grouping::ByField)
        return;
    const int row = m_model->rowOfKey(code);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
}

Page *createOverviewPage(QUndoStack *undo, QWidget *parent)
{
    return new OverviewPage(undo, parent);
}

} // namespace kopru
