// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charts/chartpanel.h"

#include "views/charts/barchart.h"
#include "views/delegates/numberdelegate.h"
#include "views/pages/savedfiles.h"

#include <QAbstractItemModel>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace kopru::charts {

namespace {
constexpr int kExportWidth = 1000;
constexpr int kFixedHeight = 620;
} // namespace

ChartPanel::ChartPanel(const Options &options, QWidget *parent)
    : QWidget(parent)
    , m_options(options)
{
    setObjectName(options.name);
    m_placeholder = new QChart;
    m_placeholder->setBackgroundRoundness(0);
    m_view = new QChartView(options.factory());
    m_view->setObjectName(options.name + QStringLiteral("View"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(240, 200);

    m_scroll = new QScrollArea;
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setWidget(m_view);

    m_table = new QTableView;
    m_table->setObjectName(options.name + QStringLiteral("Table"));
    m_table->setModel(options.table);
    m_table->setItemDelegate(new NumberDelegate(m_table));
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    if (!options.tableColumns.isEmpty())
        for (int c = 0; c < options.table->columnCount(); ++c)
            m_table->setColumnHidden(c, !options.tableColumns.contains(c));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    if (options.stretchColumn >= 0) {
        m_table->horizontalHeader()->setSectionResizeMode(options.stretchColumn, QHeaderView::Interactive);
        m_table->setColumnWidth(options.stretchColumn, 240);
    }

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(m_scroll);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    // Either side can be collapsed on a small screen (issue #18).
    splitter->setChildrenCollapsible(true);
    splitter->setSizes({ 640, 420 }); // kept in proportion when the page is laid out

    auto *exportButton = new QPushButton(tr("E&xport chart…"));
    exportButton->setObjectName(options.name + QStringLiteral("Export"));
    exportButton->setToolTip(tr("Save the chart as a PNG image or a PDF document"));
    connect(exportButton, &QPushButton::clicked, this, &ChartPanel::exportChart);
    auto *printButton = new QPushButton(tr("&Print chart…"));
    printButton->setObjectName(options.name + QStringLiteral("Print"));
    connect(printButton, &QPushButton::clicked, this, &ChartPanel::printChart);
    m_note = new QLabel;
    m_note->setWordWrap(true);
    m_note->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_note, 1);
    buttons->addStretch();
    buttons->addWidget(exportButton);
    buttons->addWidget(printButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    QAbstractItemModel *bars = barModel();
    connect(bars, &QAbstractItemModel::modelReset, this, &ChartPanel::adjustHeight);
    connect(bars, &QAbstractItemModel::layoutChanged, this, &ChartPanel::adjustHeight);
    connect(bars, &QAbstractItemModel::rowsInserted, this, &ChartPanel::adjustHeight);
    connect(bars, &QAbstractItemModel::rowsRemoved, this, &ChartPanel::adjustHeight);
    adjustHeight();

    QList<QAbstractItemModel *> watched { options.table, bars };
    watched += options.sources;
    for (QAbstractItemModel *model : std::as_const(watched))
        if (model && !m_watched.contains(model))
            watch(model);
}

ChartPanel::~ChartPanel()
{
    // The view deletes the chart it shows; the placeholder is ours while not shown.
    if (m_view->chart() != m_placeholder)
        delete m_placeholder;
}

void ChartPanel::watch(QAbstractItemModel *model)
{
    m_watched << model;
    // Before a change: drop the chart, so its mappers do not update it item by item.
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &ChartPanel::invalidate);
    connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, &ChartPanel::invalidate);
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, &ChartPanel::invalidate);
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, &ChartPanel::invalidate);
    connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, &ChartPanel::invalidate);
    connect(model, &QAbstractItemModel::columnsAboutToBeInserted, this, &ChartPanel::invalidate);
    connect(model, &QAbstractItemModel::columnsAboutToBeRemoved, this, &ChartPanel::invalidate);
    connect(model, &QAbstractItemModel::columnsAboutToBeMoved, this, &ChartPanel::invalidate);
    // Changes without a warning: the chart has followed them already; rebuild anyway.
    connect(model, &QAbstractItemModel::dataChanged, this, &ChartPanel::invalidate);
    connect(model, &QAbstractItemModel::headerDataChanged, this, &ChartPanel::invalidate);
    // After a change: a shown panel gets its new chart before it is painted again
    // (NeedsPage asks for it at once; this is the fallback for other changes).
    connect(model, &QAbstractItemModel::modelReset, this, &ChartPanel::scheduleUpdate);
    connect(model, &QAbstractItemModel::layoutChanged, this, &ChartPanel::scheduleUpdate);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ChartPanel::scheduleUpdate);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ChartPanel::scheduleUpdate);
    connect(model, &QAbstractItemModel::rowsMoved, this, &ChartPanel::scheduleUpdate);
    connect(model, &QAbstractItemModel::columnsInserted, this, &ChartPanel::scheduleUpdate);
    connect(model, &QAbstractItemModel::columnsRemoved, this, &ChartPanel::scheduleUpdate);
    connect(model, &QAbstractItemModel::columnsMoved, this, &ChartPanel::scheduleUpdate);
    connect(model, &QAbstractItemModel::dataChanged, this, &ChartPanel::scheduleUpdate);
    connect(model, &QAbstractItemModel::headerDataChanged, this, &ChartPanel::scheduleUpdate);
}

void ChartPanel::invalidate()
{
    if (m_stale)
        return;
    m_stale = true;
    QChart *old = m_view->chart();
    m_view->setChart(m_placeholder);
    delete old; // with its series, axes, mappers and their connections to the models
}

void ChartPanel::scheduleUpdate()
{
    if (m_updateQueued)
        return;
    m_updateQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_updateQueued = false;
            if (isShown())
                ensureCurrent();
        },
        Qt::QueuedConnection);
}

bool ChartPanel::isShown() const
{
    return isVisibleTo(window());
}

void ChartPanel::ensureCurrent()
{
    if (m_options.prepare)
        m_options.prepare();
    if (!m_stale)
        return;
    QChart *chart = m_options.factory();
    m_stale = false;
    // Give the view its final size (it grew or shrank with the rows) before the
    // chart is laid out in it: the scroll area would resize it later, and the
    // chart would lay its labels out a second time.
    QEvent layoutRequest(QEvent::LayoutRequest);
    QCoreApplication::sendEvent(m_scroll, &layoutRequest);
    m_view->setChart(chart); // the placeholder leaves the view, and is ours again
}

void ChartPanel::showEvent(QShowEvent *event)
{
    ensureCurrent();
    QWidget::showEvent(event);
}

QChart *ChartPanel::chart() const
{
    const_cast<ChartPanel *>(this)->ensureCurrent();
    return m_view->chart();
}

void ChartPanel::setNote(const QString &text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

void ChartPanel::adjustHeight()
{
    if (m_options.growsWithRows)
        m_view->setMinimumHeight(barChartHeight(barModel()->rowCount()));
}

QSize ChartPanel::exportSize() const
{
    return QSize(kExportWidth, m_options.growsWithRows ? barChartHeight(barModel()->rowCount()) : kFixedHeight);
}

Status ChartPanel::exportTo(const QString &path) const
{
    if (m_options.prepare)
        m_options.prepare();
    if (QFileInfo(path).suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) == 0)
        return saveChartPdf(m_options.factory(), path, exportSize(), chart()->title());
    return saveChartPng(m_options.factory(), path, exportSize());
}

void ChartPanel::exportChart()
{
    const QString pngFilter = tr("PNG image (*.png)");
    const QString pdfFilter = tr("PDF document (*.pdf)");
    QString selected = pngFilter;
    QString path = QFileDialog::getSaveFileName(this, tr("Export chart"),
        SavedFiles::suggestion(m_options.name + QStringLiteral(".png"), QDir::homePath()),
        pngFilter + QStringLiteral(";;") + pdfFilter, &selected);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf"))
        path += selected == pdfFilter ? QStringLiteral(".pdf") : QStringLiteral(".png");
    if (Status s = exportTo(path); !s)
        QMessageBox::warning(this, tr("Export chart"), s.message());
    else
        SavedFiles::offer(this, path, tr("The chart was saved as %1.").arg(QFileInfo(path).fileName()));
}

void ChartPanel::printChart()
{
    if (m_options.prepare)
        m_options.prepare();
    charts::printChart(m_options.factory, exportSize(), this);
}

} // namespace kopru::charts
