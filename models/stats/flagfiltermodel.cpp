// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/stats/flagfiltermodel.h"

namespace kopru::stats {

FlagFilterModel::FlagFilterModel(int role, bool accepted, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_role(role)
    , m_accepted(accepted)
{ }

bool FlagFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    return idx.data(m_role).toBool() == m_accepted;
}

} // namespace kopru::stats
