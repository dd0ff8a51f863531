// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/entitytablemodel.h"

namespace kopru {

// Industry partners with their province name and the number of sessions and places.
class PartnerTableModel final : public EntityTableModel
{
    Q_OBJECT
public:
    enum Column {
        Name,
        Sector,
        Province,
        District,
        Address,
        Contact,
        Phone,
        Email,
        ProtocolDate,
        Active,
        Sessions,
        Places,
        ColumnCount
    };

    explicit PartnerTableModel(QObject *parent = nullptr);

protected:
    QString selectSql() const override;
    DeleteRowsCommand::Entity entity() const override { return DeleteRowsCommand::Entity::Partner; }
    QStringList dependsOn() const override { return { QStringLiteral("training_session") }; }
};

// The training sessions of one partner (set with setPartner before load()).
class SessionTableModel final : public EntityTableModel
{
    Q_OBJECT
public:
    enum Column { Field, Start, End, Hours, Capacity, Placed, Competencies, ColumnCount };

    explicit SessionTableModel(QObject *parent = nullptr);
    void setPartner(int partnerId) { m_partnerId = partnerId; }
    int partnerId() const { return m_partnerId; }

protected:
    QString selectSql() const override;
    QString scopeCondition() const override { return QStringLiteral("partner_id = ?"); }
    QVariantList scopeBindings() const override { return { m_partnerId }; }
    DeleteRowsCommand::Entity entity() const override { return DeleteRowsCommand::Entity::Session; }
    QString rowProblem(int row, int column, const QVariant &value) const override;
    QString describe(int row) const override;
    QStringList dependsOn() const override { return { QStringLiteral("placement"), QStringLiteral("session_competency") }; }

private:
    int m_partnerId = 0;
};

} // namespace kopru
