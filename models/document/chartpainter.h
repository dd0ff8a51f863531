// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/document/chart.h"
#include "models/document/fonts.h"

#include <QRectF>

class QPainter;
class QPaintDevice;

namespace kopru::document {

// Draws a Chart with QPainter: title, legend, category labels, bars (single,
// grouped or stacked to 100 %) or scatter points, value axes with grid lines
// and tick labels. Sizes are in the device pixels of `device`.
class ChartPainter
{
public:
    ChartPainter(const Fonts &fonts, const QPaintDevice *device);

    // The height the chart reads best at when `width` wide.
    double naturalHeight(const Chart &chart, double width) const;
    // The smallest height at which every bar keeps a readable row.
    double minimumHeight(const Chart &chart, double width) const;
    void paint(QPainter &painter, const Chart &chart, const QRectF &rect) const;

private:
    struct Axis
    {
        double min = 0, max = 1;
        int intervals = 5;
    };
    static Axis axisFor(const ChartAxis &axis, double dataMax);
    double mm(double v) const;
    double lineHeight() const;
    double headHeight(const Chart &chart, double width) const; // title and legend
    double footHeight(const Chart &chart) const; // tick labels and axis title
    double rowPitch(const Chart &chart) const; // natural height of one category
    double labelColumn(const Chart &chart, double width) const;
    QString tickLabel(const ChartAxis &axis, double value) const;
    // Draws the title and the legend; returns the height used.
    double paintHead(QPainter &painter, const Chart &chart, const QRectF &rect) const;
    void paintBars(QPainter &painter, const Chart &chart, const QRectF &rect) const;
    void paintScatter(QPainter &painter, const Chart &chart, const QRectF &rect) const;
    // Vertical grid lines and tick labels of a horizontal value axis under `plot`.
    void paintHorizontalAxis(QPainter &painter, const ChartAxis &spec, const Axis &axis, const QRectF &plot) const;

    const Fonts &m_fonts;
    const QPaintDevice *m_device;
};

} // namespace kopru::document
