// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/charts/chartexport.h"

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
//
// The chart is rebuilt from its factory rather than updated in place: when one
// of its models is about to change, the chart is dropped (a Qt Charts chart
// updated through its model mappers re-lays out its axes, measuring every
// label, for each bar set removed and added), and a new one is built once
// the models are current — at once when the panel is shown, otherwise the
// next time it is shown or chart() is called. Hidden panels cost nothing.
class ChartPanel final : public QWidget
{
    Q_OBJECT
public:
    struct Options
    {
        QString name; // object name and default file name stem
        ChartFactory factory; // builds the chart (also for export/print)
        QAbstractItemModel *table; // shown beside the chart
        QList<int> tableColumns; // columns shown (empty: all)
        bool growsWithRows = false; // one bar per row of `bars`
        int stretchColumn = -1; // table column that takes the spare width
        QAbstractItemModel *bars = nullptr; // rows that are bars (default: table)
        QList<QAbstractItemModel *> sources; // further models the chart reads
        // Brings models that are filled lazily up to date before the chart is built.
        std::function<void()> prepare;
    };

    ChartPanel(const Options &options, QWidget *parent = nullptr);
    ~ChartPanel() override;

    // The chart, brought up to date first (built anew if its models changed).
    QChart *chart() const;
    // Whether the chart shown reflects the models (false while it waits to be rebuilt).
    bool isChartCurrent() const { return !m_stale; }
    // Runs `prepare` and rebuilds the chart if its models changed since it was built.
    void ensureCurrent();
    // Whether the panel would be seen if its window were shown (current tab, page shown).
    bool isShown() const;
    QTableView *tableView() const { return m_table; }
    // Size at which the chart is exported and printed.
    QSize exportSize() const;
    // A note under the chart (e.g. the unmet-need rule).
    void setNote(const QString &text);

    void exportChart();
    void printChart();
    // Used by exportChart() after the file dialog; returns the error, if any.
    Status exportTo(const QString &path) const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void watch(QAbstractItemModel *model);
    void invalidate();
    void scheduleUpdate();
    void adjustHeight();
    QAbstractItemModel *barModel() const { return m_options.bars ? m_options.bars : m_options.table; }

    Options m_options;
    QList<QAbstractItemModel *> m_watched;
    QChartView *m_view;
    QScrollArea *m_scroll;
    QTableView *m_table;
    QLabel *m_note;
    QChart *m_placeholder; // shown while the chart is stale (an empty chart)
    bool m_stale = false;
    bool m_updateQueued = false;
};

} // namespace kopru::charts
