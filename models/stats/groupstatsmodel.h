// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/roles.h"
#include "models/stats/needstatistics.h"

#include <QAbstractTableModel>

namespace kopru::stats {

// One row per province or centre of a Breakdown. Suppressed groups (fewer than
// kMinGroupRespondents respondents) keep their name and teacher count but show
// no values; SuppressedRole tells the chart proxies to leave them out.
class GroupStatsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupStatsModel)
public:
    enum Column { Name, Teachers, Respondents, MeanNeed, HighNeedShare, Status, ColumnCount };
    enum Role { SuppressedRole = FirstModelRole, GroupIdRole };

    explicit GroupStatsModel(QObject *parent = nullptr);

    void setBreakdown(const Breakdown &breakdown);
    const Breakdown &breakdown() const { return m_breakdown; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Breakdown m_breakdown;
};

} // namespace kopru::stats
