// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/entitytablemodel.h"

namespace kopru {

// The field-specific competencies (özel alan yeterlikleri) of all pilot fields.
class CompetencyTableModel final : public EntityTableModel
{
    Q_OBJECT
public:
    enum Column { Field, Code, TitleTr, TitleEn, Unit, Ratings, ColumnCount };

    explicit CompetencyTableModel(QObject *parent = nullptr);

protected:
    QString selectSql() const override;
    DeleteRowsCommand::Entity entity() const override { return DeleteRowsCommand::Entity::Competency; }
    QString rowProblem(int row, int column, const QVariant &value) const override;
    QString describe(int row) const override;
    QStringList dependsOn() const override { return {}; }
};

} // namespace kopru
