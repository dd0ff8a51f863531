// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/itemmodels/roles.h"
#include "models/quality/qualityindicators.h"

#include <QAbstractTableModel>
#include <QSqlDatabase>

namespace kopru::quality {

// The quality indicators (docs/quality.md) as a table for the Quality page:
// a first row for the whole programme, then one row per centre, pilot field or
// province. Each column belongs to one indicator; its header's tooltip gives
// the indicator's definition and the EQAVET indicator it feeds.
//
// Display: texts in the UI language's number format (rates as percentages
// with one decimal, means with two); EditRole and kopru::SortRole: the same
// numbers as numbers (rounded as shown), so that sorting is numeric and an
// exported table holds numbers. A rate that cannot be computed (nothing to
// divide by) shows "–" and has no number.
class QualityTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QualityTableModel)
public:
    enum Column {
        Name,
        Surveyed,
        Placed,
        Participation,
        Completed,
        Cancelled,
        Completion,
        Hours,
        Illness,
        Withdrew,
        PartnerCancelled,
        OtherReason,
        NotRecorded,
        TrainingMean,
        TeacherMean,
        NeedChange,
        NeedChangeCi,
        PartnersActive,
        RepeatRate,
        Coverage,
        ColumnCount
    };
    // KeyRole: the group's key ("total", a centre id, a field code, a province plate).
    enum Role { KeyRole = FirstModelRole };

    explicit QualityTableModel(QObject *parent = nullptr);

    // Computes the indicators of `db` for `grouping` (an invalid db empties the model).
    Status reload(const QSqlDatabase &db, Grouping grouping);
    void clear();

    Grouping grouping() const { return m_indicators.grouping; }
    // Row 0 is the whole programme, the groups follow.
    const GroupFigures &figures(int row) const;
    // The id of the indicator (IndicatorInfo::id) a column shows; empty for Name.
    static QString indicatorOf(int column);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // The number a cell shows, rounded as shown; invalid when not computable.
    QVariant value(const GroupFigures &g, int column) const;
    QString text(const GroupFigures &g, int column) const;
    QString cellToolTip(const GroupFigures &g, int column) const;

    QualityIndicators m_indicators;
    bool m_loaded = false;
    std::vector<IndicatorInfo> m_info;
};

} // namespace kopru::quality
