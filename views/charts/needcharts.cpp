// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charts/needcharts.h"

#include "models/stats/competencystatsmodel.h"
#include "models/stats/groupstatsmodel.h"
#include "views/charts/axislabelsync.h"
#include "views/charts/reversedrowsmodel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QHBarModelMapper>
#include <QHorizontalBarSeries>
#include <QHorizontalPercentBarSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QVBarModelMapper>
#include <QVXYModelMapper>
#include <QValueAxis>
#include <algorithm>

namespace kopru::charts {

using stats::CompetencyStatsModel;
using stats::GroupStatsModel;

namespace {

constexpr int kBarPixels = 24;
constexpr int kChartFrame = 110;

QString tr(const char *s)
{
    return QCoreApplication::translate("kopru::charts", s);
}

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    // Bar labels and axes in the UI language's number format ("4,29" in Turkish).
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
    return chart;
}

QValueAxis *needAxis(const QString &title)
{
    auto *axis = new QValueAxis;
    axis->setRange(0, 5);
    axis->setTickCount(6);
    axis->setLabelFormat(QStringLiteral("%.0f"));
    axis->setTitleText(title);
    return axis;
}

// Category axis listing the rows; a left axis of horizontal bars shows the first row at the top.
QBarCategoryAxis *categoryAxis(QAbstractItemModel *model, int column, int role, int firstRow, int rowCount)
{
    auto *axis = new QBarCategoryAxis;
    new AxisLabelSync(model, axis, column, role, firstRow, rowCount);
    return axis;
}

// Horizontal bars draw the first category at the bottom: feed them the rows
// reversed, and turn the page [firstRow, firstRow + rowCount) around with them.
QAbstractItemModel *reversed(QAbstractItemModel *model, QObject *owner, int &firstRow, int &rowCount)
{
    if (rowCount >= 0) {
        const int n = model->rowCount();
        const int a = std::min(n, firstRow), b = std::min(n, firstRow + rowCount);
        firstRow = n - b;
        rowCount = b - a;
    }
    return new ReversedRowsModel(model, owner);
}

void mapColumns(
    QAbstractBarSeries *series, QAbstractItemModel *model, int firstColumn, int lastColumn, int firstRow, int rowCount)
{
    auto *mapper = new QVBarModelMapper(series);
    mapper->setFirstBarSetColumn(firstColumn);
    mapper->setLastBarSetColumn(lastColumn);
    mapper->setFirstRow(firstRow);
    mapper->setRowCount(rowCount);
    mapper->setSeries(series);
    mapper->setModel(model);
}

QChart *meanBars(QAbstractItemModel *model, int valueColumn, int labelColumn, int labelRole, const QString &title,
    const QColor &colour, int firstRow, int rowCount)
{
    QChart *chart = newChart(title);
    model = reversed(model, chart, firstRow, rowCount);
    auto *series = new QHorizontalBarSeries;
    series->setBarWidth(0.7);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    chart->addSeries(series);
    mapColumns(series, model, valueColumn, valueColumn, firstRow, rowCount);
    // Colour every bar set the mapper creates (it recreates them on reset).
    auto paint = [series, colour] {
        for (QBarSet *set : series->barSets()) {
            set->setColor(colour);
            set->setBorderColor(colour);
            set->setLabelColor(Qt::white);
        }
    };
    QObject::connect(series, &QAbstractBarSeries::barsetsAdded, series, paint);
    paint();
    QBarCategoryAxis *categories = categoryAxis(model, labelColumn, labelRole, firstRow, rowCount);
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    QValueAxis *values = needAxis(tr("Mean need (1 no need … 5 very high need)"));
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    chart->legend()->hide();
    return chart;
}

} // namespace

int barChartHeight(int bars)
{
    return kChartFrame + kBarPixels * std::max(bars, 1);
}

QChart *createMeanNeedChart(QAbstractItemModel *competencies, int firstRow, int rowCount)
{
    return meanBars(competencies, CompetencyStatsModel::MeanNeed, CompetencyStatsModel::Code,
        CompetencyStatsModel::ChartLabelRole, tr("Mean need per competency"), QColor(0x1f, 0x5f, 0x9f), firstRow, rowCount);
}

QChart *createLikertChart(QAbstractItemModel *competencies, int firstRow, int rowCount)
{
    QChart *chart = newChart(tr("Distribution of the need ratings"));
    competencies = reversed(competencies, chart, firstRow, rowCount);
    auto *series = new QHorizontalPercentBarSeries;
    series->setBarWidth(0.7);
    chart->addSeries(series);
    mapColumns(series, competencies, CompetencyStatsModel::Need1, CompetencyStatsModel::Need5, firstRow, rowCount);
    // A diverging palette: low need cool, high need warm.
    static const QColor kColours[] = { QColor(0x2c, 0x7b, 0xb6), QColor(0xab, 0xd9, 0xe9), QColor(0xe6, 0xe6, 0xb0),
        QColor(0xfd, 0xae, 0x61), QColor(0xd7, 0x19, 0x1c) };
    auto paint = [series] {
        const auto sets = series->barSets();
        for (int i = 0; i < sets.size() && i < 5; ++i) {
            sets[i]->setColor(kColours[i]);
            sets[i]->setBorderColor(kColours[i]);
        }
    };
    QObject::connect(series, &QAbstractBarSeries::barsetsAdded, series, paint);
    paint();
    QBarCategoryAxis *categories
        = categoryAxis(competencies, CompetencyStatsModel::Code, CompetencyStatsModel::ChartLabelRole, firstRow, rowCount);
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    auto *values = new QValueAxis;
    values->setRange(0, 100);
    values->setLabelFormat(QStringLiteral("%.0f %%"));
    values->setTitleText(tr("Share of respondents"));
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    chart->legend()->setAlignment(Qt::AlignTop);
    return chart;
}

QChart *createNeedSupplyChart(QAbstractItemModel *competencies, QAbstractItemModel *unmet)
{
    QChart *chart = newChart(tr("Need against supply"));
    auto *all = new QScatterSeries;
    all->setName(tr("Competency"));
    all->setMarkerSize(9);
    all->setColor(QColor(0x1f, 0x5f, 0x9f));
    all->setBorderColor(Qt::white);
    auto *red = new QScatterSeries;
    red->setName(tr("Unmet need (high need, little supply)"));
    red->setMarkerSize(14);
    red->setColor(QColor(0xd7, 0x19, 0x1c));
    red->setBorderColor(Qt::black);
    chart->addSeries(all);
    chart->addSeries(red);
    for (auto [series, model] : { std::pair { all, competencies }, std::pair { red, unmet } }) {
        auto *mapper = new QVXYModelMapper(series);
        mapper->setXColumn(CompetencyStatsModel::Supply);
        mapper->setYColumn(CompetencyStatsModel::MeanNeed);
        mapper->setSeries(series);
        mapper->setModel(model);
    }
    auto *x = new QValueAxis;
    x->setTitleText(tr("Supply: session places covering the competency"));
    x->setLabelFormat(QStringLiteral("%.0f"));
    auto *y = needAxis(tr("Mean need"));
    y->setRange(1, 5);
    y->setTickCount(5);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QScatterSeries *s : { all, red }) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    // The x range follows the data (mappers do not touch the axes).
    auto rescale = [competencies, x] {
        int maxSupply = 0;
        for (int row = 0; row < competencies->rowCount(); ++row)
            maxSupply = std::max(maxSupply, competencies->index(row, CompetencyStatsModel::Supply).data().toInt());
        // A round step (1, 2, 5, 10, 20, 50 …) giving at most 10 intervals.
        int step = 1;
        for (int base = 1; step * 10 < maxSupply + 1; base *= 10)
            for (int m : { 1, 2, 5 })
                if (step * 10 < maxSupply + 1)
                    step = m * base;
        const int intervals = std::max(2, (maxSupply + step) / step);
        x->setRange(0, step * intervals);
        x->setTickType(QValueAxis::TicksDynamic);
        x->setTickAnchor(0);
        x->setTickInterval(step);
    };
    QObject::connect(competencies, &QAbstractItemModel::modelReset, x, rescale);
    rescale();
    chart->legend()->setAlignment(Qt::AlignTop);
    return chart;
}

QChart *createGroupChart(QAbstractItemModel *groups, const QString &title, int firstRow, int rowCount)
{
    return meanBars(groups, GroupStatsModel::MeanNeed, GroupStatsModel::Name, Qt::DisplayRole, title, QColor(0x3a, 0x7d, 0x44),
        firstRow, rowCount);
}

} // namespace kopru::charts
