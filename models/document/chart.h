// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <vector>

namespace kopru::document {

// A chart as data, drawn by the document painter itself (ChartPainter) with
// QPainter: no Qt Charts, no widgets, the same on a PDF and a printer.
struct ChartSeries
{
    QString name; // in the legend
    QColor colour;
    std::vector<double> values; // bars: one per category (NaN: no bar)
    std::vector<QPointF> points; // scatter: (x, y)
    double markerMm = 2; // scatter: diameter of a point
};

struct ChartAxis
{
    QString title;
    double min = 0;
    double max = 0; // max <= min: from the data (rounded up to a tick)
    int ticks = 0; // intervals between labelled grid lines; 0: chosen from the range
    int decimals = 0; // of the tick labels
    QString suffix; // after a tick label, e.g. " %"
};

struct Chart
{
    enum class Kind {
        Bars, // horizontal bars, one per category and series (several series: grouped)
        StackedPercent, // one horizontal bar per category, the series' shares of it stacked to 100 %
        Scatter, // the series' points on an x (xAxis) and y (valueAxis) plane
    };
    Kind kind = Kind::Bars;
    QString title; // above the chart (may be empty)
    QStringList categories; // bars: from top to bottom
    std::vector<ChartSeries> series;
    ChartAxis valueAxis; // bars: along the bottom; scatter: the vertical axis
    ChartAxis xAxis; // scatter only: along the bottom
    bool legend = false; // above the plot
    int valueLabelDecimals = -1; // Bars: the value printed inside each bar's end; -1: none
    double heightMm = 0; // 0: bars from their count (a readable row each), scatter from the width
};

} // namespace kopru::document
