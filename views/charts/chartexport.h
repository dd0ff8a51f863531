// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QRectF>
#include <QSize>
#include <QString>
#include <functional>

class QPainter;
class QWidget;
QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace kopru::charts {

// Builds a new chart from the page's models (export, print and the report
// each render a chart of their own, at their own size, without animation).
using ChartFactory = std::function<QChart *()>;

// Lays `chart` out at `logicalSize` pixels and paints it into `target` of
// `painter`, scaled to fit and keeping the aspect ratio (vector output on a
// PDF painter). Takes ownership of the chart. Works without any window shown.
void renderChart(QChart *chart, QPainter *painter, const QRectF &target, const QSize &logicalSize);

// PNG at twice `logicalSize` (sharp on high-DPI screens and in documents).
Status saveChartPng(QChart *chart, const QString &path, const QSize &logicalSize);
// One-page vector PDF (A4, orientation following the chart's shape).
Status saveChartPdf(QChart *chart, const QString &path, const QSize &logicalSize, const QString &documentTitle);
// Print preview of a chart (A4, orientation following the chart's shape).
void printChart(const ChartFactory &factory, const QSize &logicalSize, QWidget *parent);

} // namespace kopru::charts
