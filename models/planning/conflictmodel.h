// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/roles.h"
#include "models/planning/conflicts.h"

#include <QAbstractTableModel>

namespace kopru {

// The conflicts of the plan (kind, description), recomputed on reload().
class ConflictModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictModel)
public:
    enum Column { Kind, Description, ColumnCount };
    // The session id is SessionIdRole (models/itemmodels/roles.h).
    enum Role { PlacementIdRole = FirstModelRole, KindRole };

    explicit ConflictModel(QObject *parent = nullptr);
    kopru::Status reload(QSqlDatabase db);
    // After an edit of a few placements: the conflicts `scope` holds are read
    // again, the others kept (at 100,000 teachers the whole check costs
    // about 0.4 s of each edit).
    kopru::Status reloadWithin(QSqlDatabase db, const kopru::ConflictScope &scope);
    const std::vector<PlanConflict> &conflicts() const { return m_conflicts; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<PlanConflict> m_conflicts;
};

} // namespace kopru
