// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/stats/groupstatsmodel.h"

#include <cmath>

namespace kopru::stats {

GroupStatsModel::GroupStatsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void GroupStatsModel::setBreakdown(const Breakdown &breakdown)
{
    beginResetModel();
    m_breakdown = breakdown;
    endResetModel();
}

int GroupStatsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_breakdown.groups.size());
}

int GroupStatsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GroupStatsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GroupStats &g = m_breakdown.groups[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case Name:
            return g.name;
        case Teachers:
            return g.teachers;
        case Respondents:
            return g.suppressed ? QVariant() : QVariant(g.respondents);
        case MeanNeed: {
            const double m = g.overall.meanNeed();
            return g.suppressed || std::isnan(m) ? QVariant() : QVariant(std::round(m * 100.0) / 100.0);
        }
        case HighNeedShare: {
            const double s = g.overall.highNeedShare();
            return g.suppressed || std::isnan(s) ? QVariant() : QVariant(std::round(s * 1000.0) / 10.0);
        }
        case Status:
            return g.suppressed ? tr("suppressed (fewer than %1 respondents)").arg(kMinGroupRespondents) : QString();
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return index.column() == Name || index.column() == Status ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                                  : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case SuppressedRole:
        return g.suppressed;
    case GroupIdRole:
        return g.id;
    default:
        return {};
    }
}

QVariant GroupStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return m_breakdown.kind == Breakdown::Kind::Province ? tr("Province") : tr("Centre");
    case Teachers:
        return tr("Teachers");
    case Respondents:
        return tr("Respondents");
    case MeanNeed:
        return tr("Mean need");
    case HighNeedShare:
        return tr("High need %");
    case Status:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace kopru::stats
