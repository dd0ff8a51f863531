// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/chartpanel.h"

#include "charts/needcharts.h"

#include <QAbstractItemModel>
#include <QChart>
#include <QChartView>
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

ChartPanel::ChartPanel(const Options &options, QWidget *parent) : QWidget(parent), m_options(options)
{
    setObjectName(options.name);
    m_view = new QChartView(options.factory());
    m_view->setObjectName(options.name + QStringLiteral("View"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(420, 300);

    m_scroll = new QScrollArea;
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setWidget(m_view);

    m_table = new QTableView;
    m_table->setObjectName(options.name + QStringLiteral("Table"));
    m_table->setModel(options.table);
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
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({640, 420}); // kept in proportion when the page is laid out
    m_table->setMinimumWidth(260);

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
}

QChart *ChartPanel::chart() const
{
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
    if (QFileInfo(path).suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) == 0)
        return saveChartPdf(m_options.factory(), path, exportSize(), chart()->title());
    return saveChartPng(m_options.factory(), path, exportSize());
}

void ChartPanel::exportChart()
{
    const QString pngFilter = tr("PNG image (*.png)");
    const QString pdfFilter = tr("PDF document (*.pdf)");
    QString selected = pngFilter;
    QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), m_options.name + QStringLiteral(".png"),
                                                pngFilter + QStringLiteral(";;") + pdfFilter, &selected);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf"))
        path += selected == pdfFilter ? QStringLiteral(".pdf") : QStringLiteral(".png");
    if (Status s = exportTo(path); !s)
        QMessageBox::warning(this, tr("Export chart"), s.message());
}

void ChartPanel::printChart()
{
    charts::printChart(m_options.factory, exportSize(), this);
}

} // namespace kopru::charts
