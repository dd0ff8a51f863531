// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>
#include <Qt>

class QAbstractItemModel;
class QObject;
QT_BEGIN_NAMESPACE
class QAbstractBarSeries;
class QBarCategoryAxis;
class QChart;
class QValueAxis;
QT_END_NAMESPACE

namespace kopru::charts {

// The building blocks every on-screen, exported and printed chart shares.

// An empty chart with Köprü's look: no animation, tight margins, numbers in
// the UI language's format ("4,29" in Turkish).
QChart *newChart(const QString &title);

// Horizontal bars of one numeric column, one bar per row of `model` (the
// first row on top), fed through a Qt Charts model mapper so that a model
// reset updates the chart. `firstRow`/`rowCount` select a page of rows
// (-1 = all).
struct HorizontalBars
{
    QString title;
    int valueColumn = 0;
    int labelColumn = 0;
    int labelRole = Qt::DisplayRole; // role of the category labels
    int valueRole = Qt::DisplayRole; // role holding the number (e.g. EditRole when the display is formatted text)
    QColor colour;
    QValueAxis *values = nullptr; // the value axis (range, title); the chart takes it
    int firstRow = 0;
    int rowCount = -1;
};
QChart *createHorizontalBars(QAbstractItemModel *model, const HorizontalBars &bars);

// Horizontal bars draw the first category at the bottom: the rows of `model`
// reversed (a ReversedRowsModel owned by `owner`, its display reading
// `valueRole`), with the page [firstRow, firstRow + rowCount) turned around.
QAbstractItemModel *reversedRows(
    QAbstractItemModel *model, QObject *owner, int &firstRow, int &rowCount, int valueRole = Qt::DisplayRole);
// A category axis listing the rows (`column`, `role`), kept in step with the model.
QBarCategoryAxis *rowCategoryAxis(QAbstractItemModel *model, int column, int role, int firstRow, int rowCount);
// One bar set per column in [firstColumn, lastColumn], one bar per row, through a model mapper.
void mapBarColumns(
    QAbstractBarSeries *series, QAbstractItemModel *model, int firstColumn, int lastColumn, int firstRow, int rowCount);

// Pixels a horizontal bar chart needs for `bars` readable rows.
int barChartHeight(int bars);

} // namespace kopru::charts
