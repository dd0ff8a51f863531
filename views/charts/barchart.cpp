// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charts/barchart.h"

#include "views/charts/axislabelsync.h"
#include "views/charts/reversedrowsmodel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QGraphicsLayout>
#include <QHorizontalBarSeries>
#include <QLocale>
#include <QVBarModelMapper>
#include <QValueAxis>
#include <algorithm>

namespace kopru::charts {

namespace {

constexpr int kBarPixels = 24;
constexpr int kChartFrame = 110;

} // namespace

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

QAbstractItemModel *reversedRows(QAbstractItemModel *model, QObject *owner, int &firstRow, int &rowCount, int valueRole)
{
    if (rowCount >= 0) {
        const int n = model->rowCount();
        const int a = std::min(n, firstRow), b = std::min(n, firstRow + rowCount);
        firstRow = n - b;
        rowCount = b - a;
    }
    return new ReversedRowsModel(model, owner, valueRole);
}

QBarCategoryAxis *rowCategoryAxis(QAbstractItemModel *model, int column, int role, int firstRow, int rowCount)
{
    auto *axis = new QBarCategoryAxis;
    new AxisLabelSync(model, axis, column, role, firstRow, rowCount);
    return axis;
}

void mapBarColumns(
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

QChart *createHorizontalBars(QAbstractItemModel *model, const HorizontalBars &bars)
{
    QChart *chart = newChart(bars.title);
    int firstRow = bars.firstRow, rowCount = bars.rowCount;
    model = reversedRows(model, chart, firstRow, rowCount, bars.valueRole);
    auto *series = new QHorizontalBarSeries;
    series->setBarWidth(0.7);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    chart->addSeries(series);
    mapBarColumns(series, model, bars.valueColumn, bars.valueColumn, firstRow, rowCount);
    // Colour every bar set the mapper creates (it recreates them on reset).
    const QColor colour = bars.colour;
    auto paint = [series, colour] {
        for (QBarSet *set : series->barSets()) {
            set->setColor(colour);
            set->setBorderColor(colour);
            set->setLabelColor(Qt::white);
        }
    };
    QObject::connect(series, &QAbstractBarSeries::barsetsAdded, series, paint);
    paint();
    QBarCategoryAxis *categories = rowCategoryAxis(model, bars.labelColumn, bars.labelRole, firstRow, rowCount);
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    QValueAxis *values = bars.values ? bars.values : new QValueAxis;
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    chart->legend()->hide();
    return chart;
}

int barChartHeight(int bars)
{
    return kChartFrame + kBarPixels * std::max(bars, 1);
}

} // namespace kopru::charts
