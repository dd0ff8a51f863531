// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/entitytablemodel.h"

namespace kopru {

// All teachers with province, field, school and centre names joined in memory.
class TeacherTableModel final : public EntityTableModel
{
    Q_OBJECT
public:
    enum Column {
        NationalId,
        LastName,
        FirstName,
        Field,
        Branch,
        School,
        Province,
        Centre,
        Email,
        Phone,
        Experience,
        AvailableFrom,
        AvailableTo,
        Notes,
        ColumnCount
    };

    explicit TeacherTableModel(QObject *parent = nullptr);

protected:
    QString selectSql() const override;
    DeleteRowsCommand::Entity entity() const override { return DeleteRowsCommand::Entity::Teacher; }
    QString rowProblem(int row, int column, const QVariant &value) const override;
    QString describe(int row) const override;
};

} // namespace kopru
