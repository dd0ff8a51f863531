// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace kopru::stats {

// Keeps the rows whose `role` data (read in column 0) equals `accepted`;
// e.g. only unmet needs, or only groups that are not suppressed.
class FlagFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlagFilterModel)
public:
    FlagFilterModel(int role, bool accepted, QObject *parent = nullptr);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_role;
    bool m_accepted;
};

} // namespace kopru::stats
