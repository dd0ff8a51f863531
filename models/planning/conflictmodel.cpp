// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/conflictmodel.h"

#include <QBrush>
#include <QColor>
#include <algorithm>

namespace kopru {

ConflictModel::ConflictModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

kopru::Status ConflictModel::reload(QSqlDatabase db)
{
    std::vector<PlanConflict> found;
    if (db.isValid()) {
        auto detected = Conflicts::detect(db);
        if (!detected)
            return detected.error();
        found = std::move(detected.value());
    }
    beginResetModel();
    m_conflicts = std::move(found);
    endResetModel();
    return {};
}

kopru::Status ConflictModel::reloadWithin(QSqlDatabase db, const kopru::ConflictScope &scope)
{
    if (!db.isValid())
        return reload(db);
    auto detected = Conflicts::detectWithin(db, scope);
    if (!detected)
        return detected.error();
    std::vector<PlanConflict> found = std::move(detected.value());
    for (const PlanConflict &c : m_conflicts)
        if (!scope.holds(c))
            found.push_back(c);
    std::stable_sort(found.begin(), found.end(), Conflicts::comesBefore);
    beginResetModel();
    m_conflicts = std::move(found);
    endResetModel();
    return {};
}

int ConflictModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conflicts.size());
}
int ConflictModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConflictModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PlanConflict &c = m_conflicts[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == Kind ? Conflicts::kindName(c.kind) : c.description;
    case Qt::ForegroundRole:
        return index.column() == Kind ? QVariant(QBrush(QColor(0xb0, 0x20, 0x20))) : QVariant();
    case PlacementIdRole:
        return c.placementId;
    case SessionIdRole:
        return c.sessionId;
    case KindRole:
        return int(c.kind);
    default:
        return {};
    }
}

QVariant ConflictModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == Kind ? tr("Conflict") : tr("Details");
}

} // namespace kopru
