// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/itemmodels/roles.h"
#include "models/planning/unplaced.h"

#include <QAbstractTableModel>
#include <vector>

namespace kopru {

// The teachers without a placement and why (Unplaced::load), for the plan
// page's list. Roles: Display, ToolTip (the sessions counted), SortRole,
// SearchKeyRole, IdRole and TeacherIdRole (the teacher), FieldIdRole.
class UnplacedModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Teacher, Field, Province, Reason, ColumnCount };
    // The reason as a number (UnplacedTeacher::Reason), for filtering.
    enum Role { ReasonRole = FirstModelRole };

    explicit UnplacedModel(QObject *parent = nullptr);
    Status load(QSqlDatabase db, const PlanScope &scope = {});
    const std::vector<UnplacedTeacher> &teachers() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<UnplacedTeacher> m_rows;
    std::vector<QString> m_searchKeys;
};

} // namespace kopru
