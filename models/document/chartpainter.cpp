// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/document/chartpainter.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPaintDevice>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace kopru::document {

namespace {

constexpr double kBarShare = 0.7; // of a category's row; the rest is the gap between bars

double dataMax(const Chart &chart, bool x)
{
    double m = 0;
    for (const ChartSeries &s : chart.series) {
        for (double v : s.values)
            if (!std::isnan(v))
                m = std::max(m, v);
        for (const QPointF &p : s.points)
            m = std::max(m, x ? p.x() : p.y());
    }
    return m;
}

// One legend entry: a colour swatch and the series name.
struct LegendItem
{
    QColor colour;
    QString name;
    double width;
};

// The legend's entries in rows that fit `width`.
std::vector<std::vector<LegendItem>> legendRows(const Chart &chart, const QFontMetricsF &fm, double swatch, double width)
{
    std::vector<std::vector<LegendItem>> rows;
    if (!chart.legend)
        return rows;
    double used = 0;
    for (const ChartSeries &s : chart.series) {
        const LegendItem item { s.colour, s.name, swatch * 1.4 + fm.horizontalAdvance(s.name) + swatch * 1.5 };
        if (rows.empty() || (used + item.width > width && !rows.back().empty())) {
            rows.emplace_back();
            used = 0;
        }
        rows.back().push_back(item);
        used += item.width;
    }
    return rows;
}

} // namespace

ChartPainter::ChartPainter(const Fonts &fonts, const QPaintDevice *device)
    : m_fonts(fonts)
    , m_device(device)
{ }

double ChartPainter::mm(double v) const
{
    return v * m_device->logicalDpiY() / 25.4;
}

double ChartPainter::lineHeight() const
{
    return QFontMetricsF(m_fonts[FontRole::Chart], m_device).lineSpacing();
}

ChartPainter::Axis ChartPainter::axisFor(const ChartAxis &spec, double max)
{
    if (spec.max > spec.min)
        return { spec.min, spec.max, spec.ticks > 0 ? spec.ticks : 5 };
    // A round step (1, 2, 5, 10, 20, 50 …) giving at most 10 intervals up to the data.
    const double range = std::max(0.0, max - spec.min);
    double step = 1;
    for (double base = 1; step * 10 < range + 1; base *= 10)
        for (double m : { 1.0, 2.0, 5.0 })
            if (step * 10 < range + 1)
                step = m * base;
    const int intervals = std::max(2, int(std::floor((range + step) / step)));
    return { spec.min, spec.min + step * intervals, intervals };
}

double ChartPainter::headHeight(const Chart &chart, double width) const
{
    double h = 0;
    if (!chart.title.isEmpty())
        h += QFontMetricsF(m_fonts[FontRole::ChartBold], m_device).lineSpacing() + mm(1.5);
    const QFontMetricsF fm(m_fonts[FontRole::Chart], m_device);
    const auto rows = legendRows(chart, fm, mm(3), width);
    if (!rows.empty())
        h += double(rows.size()) * lineHeight() + mm(1.5);
    return h;
}

double ChartPainter::footHeight(const Chart &chart) const
{
    const ChartAxis &bottom = chart.kind == Chart::Kind::Scatter ? chart.xAxis : chart.valueAxis;
    return lineHeight() + mm(1) + (bottom.title.isEmpty() ? 0 : lineHeight() + mm(0.5));
}

double ChartPainter::rowPitch(const Chart &chart) const
{
    const double grouped = chart.kind == Chart::Kind::Bars ? double(chart.series.size()) : 1;
    return lineHeight() * std::max(1.8, 0.9 * grouped + 0.7);
}

double ChartPainter::naturalHeight(const Chart &chart, double width) const
{
    if (chart.heightMm > 0)
        return mm(chart.heightMm);
    if (chart.kind == Chart::Kind::Scatter)
        return std::min(width * 0.8, mm(150));
    return headHeight(chart, width) + double(std::max<qsizetype>(1, chart.categories.size())) * rowPitch(chart)
        + footHeight(chart) + mm(1);
}

double ChartPainter::minimumHeight(const Chart &chart, double width) const
{
    if (chart.heightMm > 0 || chart.kind == Chart::Kind::Scatter)
        return std::min(naturalHeight(chart, width), mm(70));
    const double grouped = chart.kind == Chart::Kind::Bars ? double(chart.series.size()) : 1;
    return headHeight(chart, width)
        + double(std::max<qsizetype>(1, chart.categories.size())) * lineHeight() * std::max(1.1, 0.6 * grouped + 0.5)
        + footHeight(chart) + mm(1);
}

double ChartPainter::labelColumn(const Chart &chart, double width) const
{
    const QFontMetricsF fm(m_fonts[FontRole::Chart], m_device);
    double widest = 0;
    for (const QString &c : chart.categories)
        widest = std::max(widest, fm.horizontalAdvance(c));
    return std::clamp(widest + mm(2), mm(10), width * 0.42);
}

QString ChartPainter::tickLabel(const ChartAxis &axis, double value) const
{
    return QLocale().toString(value, 'f', axis.decimals) + axis.suffix;
}

void ChartPainter::paint(QPainter &painter, const Chart &chart, const QRectF &rect) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const double head = paintHead(painter, chart, rect);
    const QRectF body = rect.adjusted(0, head, 0, 0);
    if (chart.kind == Chart::Kind::Scatter)
        paintScatter(painter, chart, body);
    else
        paintBars(painter, chart, body);
    painter.restore();
}

double ChartPainter::paintHead(QPainter &painter, const Chart &chart, const QRectF &rect) const
{
    double y = rect.top();
    if (!chart.title.isEmpty()) {
        const QFontMetricsF fm(m_fonts[FontRole::ChartBold], m_device);
        painter.setFont(m_fonts[FontRole::ChartBold]);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(rect.left(), y, rect.width(), fm.lineSpacing()), Qt::AlignCenter, chart.title);
        y += fm.lineSpacing() + mm(1.5);
    }
    const QFontMetricsF fm(m_fonts[FontRole::Chart], m_device);
    const double swatch = mm(3);
    const auto rows = legendRows(chart, fm, swatch, rect.width());
    painter.setFont(m_fonts[FontRole::Chart]);
    for (const auto &row : rows) {
        double rowWidth = 0;
        for (const LegendItem &item : row)
            rowWidth += item.width;
        double x = rect.left() + (rect.width() - rowWidth) / 2;
        for (const LegendItem &item : row) {
            const double line = lineHeight();
            painter.fillRect(QRectF(x, y + (line - swatch) / 2, swatch, swatch), item.colour);
            painter.setPen(Qt::black);
            painter.drawText(
                QRectF(x + swatch * 1.4, y, item.width - swatch * 1.4, line), Qt::AlignLeft | Qt::AlignVCenter, item.name);
            x += item.width;
        }
        y += lineHeight();
    }
    if (!rows.empty())
        y += mm(1.5);
    return y - rect.top();
}

void ChartPainter::paintHorizontalAxis(QPainter &painter, const ChartAxis &spec, const Axis &axis, const QRectF &plot) const
{
    const double line = lineHeight();
    painter.setFont(m_fonts[FontRole::Chart]);
    for (int k = 0; k <= axis.intervals; ++k) {
        const double x = plot.left() + plot.width() * k / axis.intervals;
        painter.setPen(QPen(colours::grid, mm(0.15)));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter.setPen(Qt::black);
        const double value = axis.min + (axis.max - axis.min) * k / axis.intervals;
        painter.drawText(
            QRectF(x - mm(12), plot.bottom() + mm(1), mm(24), line), Qt::AlignHCenter | Qt::AlignTop, tickLabel(spec, value));
    }
    if (!spec.title.isEmpty())
        painter.drawText(QRectF(plot.left(), plot.bottom() + mm(1) + line + mm(0.5), plot.width(), line),
            Qt::AlignHCenter | Qt::AlignTop, spec.title);
}

void ChartPainter::paintBars(QPainter &painter, const Chart &chart, const QRectF &rect) const
{
    const bool stacked = chart.kind == Chart::Kind::StackedPercent;
    const double labels = labelColumn(chart, rect.width());
    const QRectF plot(rect.left() + labels, rect.top(), rect.width() - labels - mm(4), rect.height() - footHeight(chart) - mm(1));
    const qsizetype n = std::max<qsizetype>(1, chart.categories.size());
    const double pitch = plot.height() / double(n);

    ChartAxis spec = chart.valueAxis;
    if (stacked) {
        spec.min = 0;
        spec.max = 100;
        if (spec.suffix.isEmpty())
            spec.suffix = QStringLiteral(" %");
    }
    const Axis axis = axisFor(spec, dataMax(chart, false));
    paintHorizontalAxis(painter, spec, axis, plot);
    auto xOf = [&](double v) {
        return plot.left() + (std::clamp(v, axis.min, axis.max) - axis.min) / (axis.max - axis.min) * plot.width();
    };

    const QFontMetricsF fm(m_fonts[FontRole::Chart], m_device);
    painter.setFont(m_fonts[FontRole::Chart]);
    for (qsizetype i = 0; i < chart.categories.size(); ++i) {
        const double top = plot.top() + pitch * double(i);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(rect.left(), top, labels - mm(1.5), pitch), Qt::AlignRight | Qt::AlignVCenter,
            fm.elidedText(chart.categories.at(i), Qt::ElideRight, labels - mm(1.5)));
        const double barTop = top + pitch * (1 - kBarShare) / 2;
        if (stacked) {
            double total = 0;
            for (const ChartSeries &s : chart.series)
                if (std::size_t(i) < s.values.size() && !std::isnan(s.values[std::size_t(i)]))
                    total += s.values[std::size_t(i)];
            double x = plot.left();
            for (const ChartSeries &s : chart.series) {
                if (total <= 0 || std::size_t(i) >= s.values.size() || std::isnan(s.values[std::size_t(i)]))
                    continue;
                const double w = s.values[std::size_t(i)] / total * plot.width();
                painter.fillRect(QRectF(x, barTop, w, pitch * kBarShare), s.colour);
                x += w;
            }
            continue;
        }
        const double thickness = pitch * kBarShare / double(std::max<std::size_t>(1, chart.series.size()));
        for (std::size_t j = 0; j < chart.series.size(); ++j) {
            const ChartSeries &s = chart.series[j];
            if (std::size_t(i) >= s.values.size() || std::isnan(s.values[std::size_t(i)]))
                continue;
            const double v = s.values[std::size_t(i)];
            const QRectF bar(
                QPointF(xOf(axis.min), barTop + thickness * double(j)), QPointF(xOf(v), barTop + thickness * double(j + 1)));
            painter.fillRect(bar, s.colour);
            if (chart.valueLabelDecimals < 0)
                continue;
            const QString label = QLocale().toString(v, 'f', chart.valueLabelDecimals);
            const double w = fm.horizontalAdvance(label);
            if (w + mm(2) < bar.width()) {
                painter.setPen(Qt::white);
                painter.drawText(bar.adjusted(0, 0, -mm(1), 0), Qt::AlignRight | Qt::AlignVCenter, label);
            } else {
                painter.setPen(Qt::black);
                painter.drawText(
                    QRectF(bar.right() + mm(1), bar.top(), w + mm(1), bar.height()), Qt::AlignLeft | Qt::AlignVCenter, label);
            }
        }
    }
    painter.setPen(QPen(colours::axis, mm(0.2)));
    painter.drawLine(plot.topLeft(), plot.bottomLeft());
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
}

void ChartPainter::paintScatter(QPainter &painter, const Chart &chart, const QRectF &rect) const
{
    const QFontMetricsF fm(m_fonts[FontRole::Chart], m_device);
    const double line = lineHeight();
    const Axis x = axisFor(chart.xAxis, dataMax(chart, true));
    const Axis y = axisFor(chart.valueAxis, dataMax(chart, false));
    double tickWidth = 0;
    for (int k = 0; k <= y.intervals; ++k)
        tickWidth
            = std::max(tickWidth, fm.horizontalAdvance(tickLabel(chart.valueAxis, y.min + (y.max - y.min) * k / y.intervals)));
    const double titleWidth = chart.valueAxis.title.isEmpty() ? 0 : line + mm(1);
    const double left = titleWidth + tickWidth + mm(1.5);
    const QRectF plot(rect.left() + left, rect.top() + line / 2, rect.width() - left - mm(4),
        rect.height() - line / 2 - footHeight(chart) - mm(1));

    painter.setFont(m_fonts[FontRole::Chart]);
    for (int k = 0; k <= y.intervals; ++k) {
        const double py = plot.bottom() - plot.height() * k / y.intervals;
        painter.setPen(QPen(colours::grid, mm(0.15)));
        painter.drawLine(QPointF(plot.left(), py), QPointF(plot.right(), py));
        painter.setPen(Qt::black);
        painter.drawText(QRectF(plot.left() - mm(1.5) - tickWidth, py - line / 2, tickWidth, line),
            Qt::AlignRight | Qt::AlignVCenter, tickLabel(chart.valueAxis, y.min + (y.max - y.min) * k / y.intervals));
    }
    if (!chart.valueAxis.title.isEmpty()) {
        painter.save();
        painter.translate(rect.left(), plot.center().y());
        painter.rotate(-90);
        painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), line), Qt::AlignCenter, chart.valueAxis.title);
        painter.restore();
    }
    paintHorizontalAxis(painter, chart.xAxis, x, plot);

    auto at = [&](const QPointF &p) {
        const double fx = (std::clamp(p.x(), x.min, x.max) - x.min) / (x.max - x.min);
        const double fy = (std::clamp(p.y(), y.min, y.max) - y.min) / (y.max - y.min);
        return QPointF(plot.left() + fx * plot.width(), plot.bottom() - fy * plot.height());
    };
    for (const ChartSeries &s : chart.series) {
        const double r = mm(s.markerMm) / 2;
        painter.setPen(QPen(s.colour.darker(160), mm(0.15)));
        painter.setBrush(s.colour);
        for (const QPointF &p : s.points)
            painter.drawEllipse(at(p), r, r);
    }
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(colours::axis, mm(0.2)));
    painter.drawLine(plot.topLeft(), plot.bottomLeft());
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
}

} // namespace kopru::document
