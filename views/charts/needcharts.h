// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QAbstractItemModel;
QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace kopru::charts {

// Charts of the needs analysis, each fed from an item model through a Qt
// Charts model mapper (never from copied numbers), so that a model reset
// updates the chart (the page's ChartPanel builds a new chart instead, which
// is cheaper for a whole new field). `firstRow`/`rowCount` select a page of
// rows (-1 = all). The caller owns the returned chart (or hands it to a
// QChartView).

// Horizontal bars of mean need per competency (CompetencyStatsModel), the
// first row at the top.
QChart *createMeanNeedChart(QAbstractItemModel *competencies, int firstRow = 0, int rowCount = -1);

// 100 % stacked bars of the 1–5 distribution per competency; the legend uses
// the model's scale labels (its Need1…Need5 headers).
QChart *createLikertChart(QAbstractItemModel *competencies, int firstRow = 0, int rowCount = -1);

// Scatter of supply (x, session places) against mean need (y); the rows of
// `unmet` (a filter of the same model) are drawn again, larger and in red.
QChart *createNeedSupplyChart(QAbstractItemModel *competencies, QAbstractItemModel *unmet);

// Horizontal bars of mean need per province or centre (GroupStatsModel rows,
// already without suppressed groups and sorted).
QChart *createGroupChart(QAbstractItemModel *groups, const QString &title, int firstRow = 0, int rowCount = -1);

// Two horizontal bars per competency, mean need in survey round 1 (before)
// and round 2 (after), from a quality::CompetencyChangeModel; the first row
// at the top.
QChart *createRoundChangeChart(QAbstractItemModel *changes, int firstRow = 0, int rowCount = -1);

} // namespace kopru::charts
