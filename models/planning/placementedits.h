// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QUndoCommand>
#include <QVariant>
#include <functional>
#include <optional>

namespace kopru {

// One placement row as it is stored; manual edits save the row before and
// after so that undo and redo only write rows back.
struct PlacementRow
{
    int id = 0;
    int teacherId = 0;
    int sessionId = 0;
    QString status;
    bool locked = false;
    QVariant score;
    QString reason;
    QVariant planRunId;
    QVariant uid; // the global id: a placement put back (undo) is the same placement
    QVariant version; // as read (RowVersion); not written: the triggers raise it
};

namespace PlacementEdits {
// The row, or nullopt when there is no such placement.
Expected<std::optional<PlacementRow>> read(QSqlDatabase db, int id);
// Makes the row with id `id` equal to `row` (nullopt deletes it), in one transaction,
// while it is still at version `seen` (invalid: while there is no row `id`);
// else refused naming who changed or deleted it (RowVersion). A row that now
// belongs to another teacher (its id reused) is refused. `*version`: the
// row's version afterwards (invalid after a delete).
Status write(
    QSqlDatabase db, int id, int teacherId, const QVariant &seen, const std::optional<PlacementRow> &row, QVariant *version);
// The reason of a hand-made move of `teacherId` into `sessionId`.
Expected<QString> moveReason(QSqlDatabase db, int teacherId, int sessionId, double *score);

// A session's places as a move of `teacherId` into it sees them: its
// capacity and the placements (not cancelled) of the other teachers.
struct SessionPlaces
{
    QString partner;
    QString start, end; // ISO dates
    int capacity = 0;
    int taken = 0;
    bool full() const { return taken >= capacity; }
};
Expected<SessionPlaces> sessionPlaces(QSqlDatabase db, int sessionId, int teacherId);
} // namespace PlacementEdits

// An undoable manual change of one placement: lock/unlock, confirm, move,
// remove, or a new placement of a teacher the plan left out (place).
// Every redo and undo reports its Status through `done` (the page refreshes
// its models and shows an error in the status bar). Each checks that the
// placement is still at the version the command read or left (no lost update
// of another user's change; the refusal names who and when).
class PlacementEditCommand final : public QUndoCommand
{
public:
    using Done = std::function<void(const Status &)>;

    PlacementEditCommand(QSqlDatabase db, PlacementRow before, std::optional<PlacementRow> after, const QString &text, Done done);
    // `before` nullopt: the placement `id` of `teacherId` is new (undo deletes it).
    PlacementEditCommand(QSqlDatabase db, int id, int teacherId, std::optional<PlacementRow> before,
        std::optional<PlacementRow> after, const QString &text, Done done);

    void undo() override;
    void redo() override;

    // Builders: each reads the current row; nullptr with an error when it cannot.
    static Expected<PlacementEditCommand *> setLocked(QSqlDatabase db, int placementId, bool locked, Done done);
    static Expected<PlacementEditCommand *> confirm(QSqlDatabase db, int placementId, Done done);
    static Expected<PlacementEditCommand *> move(QSqlDatabase db, int placementId, int sessionId, Done done);
    static Expected<PlacementEditCommand *> remove(QSqlDatabase db, int placementId, Done done);
    // A new placement of `teacherId` (who has none that is not cancelled) in
    // `sessionId`: proposed, locked (the next optimiser run keeps it), with the
    // reason and score of a hand-made move. Its global id is made on the first
    // redo and kept by every later one.
    static Expected<PlacementEditCommand *> place(QSqlDatabase db, int teacherId, int sessionId, Done done);

private:
    // The version a step expects of the row the command saw as `now`, and
    // keeping the version a step left.
    QVariant expected(const std::optional<PlacementRow> &now) const;
    void keep(std::optional<PlacementRow> &now, const QVariant &version);

    QSqlDatabase m_db;
    bool m_wrote = false;
    int m_id = 0;
    int m_teacherId = 0;
    std::optional<PlacementRow> m_before;
    std::optional<PlacementRow> m_after;
    Done m_done;
};

} // namespace kopru
