// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/editing/dbcommand.h"

#include <QList>
#include <QStringList>
#include <QVariant>
#include <vector>

namespace kopru {

// Deletes rows together with everything that depends on them, after taking a
// snapshot of all of it, so that undo restores the rows exactly (ids, ratings,
// sessions, covered competencies, placements). Nothing is deleted that the plan
// does not name: a partner whose sessions hold placements is refused unless the
// caller passed removePlacements (after the user confirmed it).
class DeleteRowsCommand final : public DbCommand
{
public:
    enum class Entity { Teacher, Competency, Partner, Session };

    DeleteRowsCommand(QSqlDatabase db, Entity entity, QList<int> ids, bool removePlacements, const QString &text);

    // How many placements deleting these rows would remove (ask before deleting).
    static Expected<int> placementsAffected(QSqlDatabase db, Entity entity, const QList<int> &ids);

protected:
    Status apply() override;
    Status revert() override;
    void announce() override;

private:
    // One table's share of the deletion: rows selected by `where` (bound to one id).
    struct Part
    {
        QString table;
        QString where;
    };
    struct Snapshot
    {
        QString table;
        QStringList columns;
        std::vector<QVariantList> rows;
    };
    static std::vector<Part> partsOf(Entity entity);
    static QString tableOf(Entity entity);

    Entity m_entity;
    QList<int> m_ids;
    bool m_removePlacements;
    std::vector<Snapshot> m_snapshots; // parent first
};

} // namespace kopru
