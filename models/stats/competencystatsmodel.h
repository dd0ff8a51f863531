// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/roles.h"
#include "models/stats/likertscale.h"
#include "models/stats/needstatistics.h"

#include <QAbstractTableModel>

namespace kopru::stats {

// One row per competency of a FieldStats (sorted by mean need, descending).
// Display data of numeric columns is numeric (chart mappers read it); mean
// need is rounded to 2 decimals, the high-need share is a percentage.
class CompetencyStatsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompetencyStatsModel)
public:
    enum Column {
        Code,
        Title,
        Respondents,
        NotApplicable,
        MeanNeed,
        HighNeedShare,
        Need1,
        Need2,
        Need3,
        Need4,
        Need5,
        Supply,
        Coverage,
        ColumnCount
    };
    enum Role {
        ChartLabelRole = FirstModelRole, // short "CODE title" for chart axes
        UnmetRole, // bool: UnmetNeedRule::isUnmet
        CompetencyIdRole,
    };

    explicit CompetencyStatsModel(QObject *parent = nullptr);

    void setStats(const FieldStats &stats);
    void setScale(const LikertScale &scale);
    void setRule(const UnmetNeedRule &rule);
    const FieldStats &stats() const { return m_stats; }
    const LikertScale &scale() const { return m_scale; }
    const UnmetNeedRule &rule() const { return m_rule; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Chart axis label of a competency: code and title, cut to `maxChars`.
    static QString chartLabel(const CompetencyStats &c, int maxChars = 48);

private:
    FieldStats m_stats;
    LikertScale m_scale;
    UnmetNeedRule m_rule;
};

} // namespace kopru::stats
