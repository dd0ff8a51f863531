// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/editing/dbcommand.h"
#include "models/editing/rowversion.h"

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
// No lost update (docs/server.md, "Several users at once"): a row is deleted
// only while it is at the version the user saw (`seen`, in the order of the
// ids; a row without one is deleted as it is), else the deletion is refused
// naming who changed it and when. Undo is refused when the rows came back
// meanwhile; redo when they changed since the undo restored them.
class DeleteRowsCommand final : public DbCommand
{
public:
    enum class Entity { Teacher, Competency, Partner, Session };

    DeleteRowsCommand(
        QSqlDatabase db, Entity entity, QList<int> ids, bool removePlacements, const QString &text, QList<SeenRow> seen = {});

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
    // Whether the row ids[i] is still at the version expected of it; the
    // refusal when not.
    Status checkVersion(qsizetype i);
    QString rowKey(int id) const; // for RowVersion::remember

    Entity m_entity;
    QList<int> m_ids;
    bool m_removePlacements;
    std::vector<Snapshot> m_snapshots; // parent first
    QList<SeenRow> m_seen;
    bool m_restored = false; // an undo put the rows back: redo expects the versions it left
};

} // namespace kopru
