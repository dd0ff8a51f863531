// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/quality/qualitypage.h"

#include "models/db/database.h"
#include "models/itemmodels/turkishfilterproxy.h"
#include "models/quality/competencychangemodel.h"
#include "models/quality/qualitytablemodel.h"
#include "views/charts/chartpanel.h"
#include "views/charts/qualitycharts.h"
#include "views/delegates/numberdelegate.h"
#include "views/pages/columnchooser.h"
#include "views/pages/flowlayout.h"
#include "views/pages/liverefresh.h"
#include "views/pages/pageregistry.h"
#include "views/quality/boardreportdialog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace kopru {

using quality::CompetencyChangeModel;
using quality::Grouping;
using quality::QualityTableModel;

namespace {

QTableView *newTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setItemDelegate(new NumberDelegate(table));
    table->setObjectName(name);
    table->setModel(model);
    table->setSortingEnabled(true);
    table->sortByColumn(-1, Qt::AscendingOrder); // the model's order until the user sorts
    table->setAlternatingRowColors(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return table;
}

} // namespace

QualityPage::QualityPage(QUndoStack *undo, QWidget *parent)
    : Page(undo, parent)
{
    setObjectName(QStringLiteral("QualityPage"));
    // Other users' changes of what the page shows (docs/server.md).
    LiveRefresh::follow(this,
        { QStringLiteral("attendance"), QStringLiteral("centre"), QStringLiteral("certificate"), QStringLiteral("competency"),
            QStringLiteral("erased_placement"), QStringLiteral("erased_teacher"), QStringLiteral("evaluation_answer"),
            QStringLiteral("evaluation_item"), QStringLiteral("field"), QStringLiteral("need_rating"),
            QStringLiteral("placement"), QStringLiteral("province"), QStringLiteral("session_competency"),
            QStringLiteral("teacher"), QStringLiteral("training_session") });
    m_model = new QualityTableModel(this);
    m_proxy = new TurkishFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_changes = new CompetencyChangeModel(this);
    m_changesProxy = new TurkishFilterProxy(this);
    m_changesProxy->setSourceModel(m_changes);

    auto *title = new QLabel(pageTitle(), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_grouping = new QComboBox(this);
    m_grouping->setObjectName(QStringLiteral("qualityGrouping"));
    m_grouping->addItem(tr("Whole programme"), int(Grouping::Total));
    m_grouping->addItem(tr("Centre"), int(Grouping::Centre));
    m_grouping->addItem(tr("Pilot field"), int(Grouping::Field));
    m_grouping->addItem(tr("Province"), int(Grouping::Province));
    m_grouping->setCurrentIndex(1); // per centre: the whole programme and the centres beside it
    auto *groupingLabel = new QLabel(tr("&Indicators per:"), this);
    groupingLabel->setBuddy(m_grouping);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("qualitySearch"));
    m_search->setPlaceholderText(tr("Search groups and competencies"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(160);

    auto *controls = new FlowLayout; // wraps on a narrow window
    controls->addWidget(title);
    controls->addSpacing(12);
    controls->addWidget(groupingLabel);
    controls->addWidget(m_grouping);
    controls->addSpacing(12);
    controls->addWidget(m_search);
    m_boardReport = new QPushButton(tr("&Board report…"), this);
    m_boardReport->setObjectName(QStringLiteral("qualityBoardReport"));
    m_boardReport->setToolTip(tr("The Quality Advisory Board report of a period: indicators against the previous period, "
                                 "charts and tables per centre and field, as PDF or XLSX"));
    controls->addSpacing(12);
    controls->addWidget(m_boardReport);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("qualityTabs"));
    m_tabs->addTab(createIndicatorTab(), tr("Indicators"));
    m_tabs->addTab(createCompetencyTab(), tr("Need change per competency"));
    QAbstractItemModel *groups = m_model;
    m_chart = new charts::ChartPanel({ QStringLiteral("qualityCompletion"),
        [groups] { return charts::createCompletionChart(groups); }, m_model,
        { QualityTableModel::Name, QualityTableModel::Completed, QualityTableModel::Cancelled, QualityTableModel::Completion },
        true, QualityTableModel::Name, nullptr, {}, {} });
    m_chart->setNote(tr("Completed placements as a share of the placements that ended (completed or cancelled); EQAVET "
                        "indicator 4a."));
    m_tabs->addTab(m_chart, tr("Completion chart"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_tabs, 1);

    connect(m_grouping, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_boardReport, &QPushButton::clicked, this, [this] {
        BoardReportDialog dialog(m_db, this);
        dialog.exec();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        m_changesProxy->setSearchText(text);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &QualityPage::showSelectedGroup);
    setDatabase(nullptr);
}

QWidget *QualityPage::createIndicatorTab()
{
    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("qualityIndicatorSplitter"));
    m_table = newTable(m_proxy, QStringLiteral("qualityTable"), splitter);
    m_table->horizontalHeader()->setToolTip(tr("Point at a column header for the indicator's definition"));
    ColumnChooser::install(m_table, pageName());
    m_definitions = new QTextBrowser(splitter);
    m_definitions->setObjectName(QStringLiteral("qualityDefinitions"));
    m_definitions->setOpenLinks(false);
    m_definitions->setHtml(definitionsHtml());
    splitter->addWidget(m_table);
    splitter->addWidget(m_definitions);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(true);
    return splitter;
}

QWidget *QualityPage::createCompetencyTab()
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    m_changesTitle = new QLabel(box);
    m_changesTitle->setObjectName(QStringLiteral("qualityChangesTitle"));
    m_changesTitle->setWordWrap(true);
    m_changesTable = newTable(m_changesProxy, QStringLiteral("qualityChanges"), box);
    m_changesTable->horizontalHeader()->setSectionResizeMode(CompetencyChangeModel::Competency, QHeaderView::Stretch);
    layout->addWidget(m_changesTitle);
    layout->addWidget(m_changesTable, 1);
    return box;
}

QString QualityPage::pageTitle() const
{
    return QCoreApplication::translate("Navigation", "Quality");
}

QTableView *QualityPage::printTable() const
{
    if (m_tabs->currentIndex() == 1)
        return m_changesTable;
    if (m_tabs->currentIndex() == 2)
        return m_chart->tableView();
    return m_table;
}

void QualityPage::setDatabase(Database *db)
{
    m_db = db;
    m_boardReport->setEnabled(db != nullptr);
    if (!db) {
        m_model->clear(); // nothing of a closed database stays on screen
        showSelectedGroup();
    }
    refresh();
}

void QualityPage::refresh()
{
    if (deferWhileHidden())
        return;
    m_lastError.clear();
    const auto grouping = Grouping(m_grouping->currentData().toInt());
    if (!m_db) {
        m_model->clear();
    } else if (Status s = m_model->reload(m_db->connection(), grouping); !s) {
        m_lastError = s.message();
        emit statusMessage(tr("The quality indicators could not be computed: %1").arg(m_lastError), 0);
    }
    m_table->horizontalHeader()->setSectionResizeMode(QualityTableModel::Name, QHeaderView::ResizeToContents);
    // The whole programme (the model's first row) is selected, its competencies shown.
    if (m_proxy->rowCount() > 0)
        m_table->selectRow(m_proxy->mapFromSource(m_model->index(0, 0)).row());
    showSelectedGroup();
}

void QualityPage::showSelectedGroup()
{
    const QModelIndex current = m_table->currentIndex();
    const int row = current.isValid() ? m_proxy->mapToSource(current).row() : (m_model->rowCount() > 0 ? 0 : -1);
    if (row < 0) {
        m_changes->clear();
        m_changesTitle->setText(m_db ? tr("No indicators.") : tr("No database is open."));
        return;
    }
    const quality::GroupFigures &g = m_model->figures(row);
    m_changes->setGroup(g);
    const QString name = row == 0 ? tr("the whole programme") : g.displayName();
    m_changesTitle->setText(m_changes->rowCount() == 0
            ? tr("No teacher of %1 answered survey round 2: the need change cannot be computed yet.").arg(name)
            : tr("Need change between survey rounds 1 and 2 per competency, %1 (select a row of the indicators to "
                 "change the group). Negative: the need fell.")
                  .arg(name));
}

QString QualityPage::definitionsHtml() const
{
    QString html = QStringLiteral("<p><b>%1</b></p><ul>").arg(tr("Definitions").toHtmlEscaped());
    for (const quality::IndicatorInfo &i : quality::indicatorInfo()) {
        html += QStringLiteral("<li><b>%1</b>: %2").arg(i.name.toHtmlEscaped(), i.definition.toHtmlEscaped());
        if (!i.eqavet.isEmpty())
            html += QStringLiteral(" <i>%1</i>").arg(tr("EQAVET indicator %1").arg(i.eqavet).toHtmlEscaped());
        html += QStringLiteral("</li>");
    }
    html += QStringLiteral("</ul>");
    return html;
}

Page *createQualityPage(QUndoStack *undo, QWidget *parent)
{
    return new QualityPage(undo, parent);
}

} // namespace kopru
