// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "charts/chartexport.h"

#include <QList>
#include <QWidget>

#include <functional>

class QAbstractItemModel;
class QLabel;
class QScrollArea;
class QTableView;
QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace kopru::charts {

// A chart with the table behind it beside it, and buttons to export the chart
// (PNG or PDF) and print it. Bar charts with one bar per row of the table grow
// with the rows inside a scroll area, so labels never overlap.
class ChartPanel final : public QWidget
{
    Q_OBJECT
public:
    struct Options
    {
        QString name;               // object name and default file name stem
        ChartFactory factory;       // builds the chart (also for export/print)
        QAbstractItemModel *table;  // shown beside the chart
        QList<int> tableColumns;    // columns shown (empty: all)
        bool growsWithRows = false; // one bar per row of `bars`
        int stretchColumn = -1;     // table column that takes the spare width
        QAbstractItemModel *bars = nullptr; // rows that are bars (default: table)
    };

    ChartPanel(const Options &options, QWidget *parent = nullptr);

    QChart *chart() const;
    QTableView *tableView() const { return m_table; }
    // Size at which the chart is exported and printed.
    QSize exportSize() const;
    // A note under the chart (e.g. the unmet-need rule).
    void setNote(const QString &text);

    void exportChart();
    void printChart();
    // Used by exportChart() after the file dialog; returns the error, if any.
    Status exportTo(const QString &path) const;

private:
    void adjustHeight();
    QAbstractItemModel *barModel() const { return m_options.bars ? m_options.bars : m_options.table; }

    Options m_options;
    QChartView *m_view;
    QScrollArea *m_scroll;
    QTableView *m_table;
    QLabel *m_note;
};

} // namespace kopru::charts
