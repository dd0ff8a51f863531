// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QUndoCommand>
#include <memory>

class QUndoStack;

namespace kopru {

// An undoable change of the database. Each apply/revert runs in its own
// write transaction, in which it first checks that the data is still what
// the change was made from — the row's version (RowVersion) where the table
// has one, else the value — (else changedMeanwhile(): no lost update of what
// another user, program or window wrote meanwhile). The first application happens in execute() before the command
// goes onto the undo stack, so a refused change never reaches the stack;
// a later undo/redo that fails (the data changed underneath) is reported through
// ChangeNotifier::failed and the command is dropped from the stack.
class DbCommand : public QUndoCommand
{
public:
    DbCommand(QSqlDatabase db, const QString &text);

    // Applies the change the first time.
    Status execute();

    void redo() override;
    void undo() override;

    // Applies `command`; on success pushes it onto `stack` (or just keeps the
    // change when `stack` is null). Returns the refusal otherwise.
    static Status run(QUndoStack *stack, std::unique_ptr<DbCommand> command);

protected:
    virtual Status apply() = 0;
    virtual Status revert() = 0;
    // Tell the models what changed (after apply and after revert).
    virtual void announce() = 0;

    // Refuses the change because the data is no longer what the user saw
    // (another program or window changed it since): the transaction is rolled
    // back and, through announce(), the views show the current data.
    Status changedMeanwhile();
    // The same with the reason RowVersion gives (who changed `table`'s row and
    // when); ChangeNotifier::staleRefused offers the views a reload of `table`.
    Status changedMeanwhile(const QString &table, const Status &refusal);

    // The connection by name: a command left on the stack after its database
    // was closed finds it closed instead of keeping the connection alive.
    QSqlDatabase database() const { return QSqlDatabase::database(m_connectionName, false); }

private:
    Status inTransaction(bool forward);

    QString m_connectionName;
    bool m_applied = false;
    bool m_changedMeanwhile = false;
    QString m_staleTable;
};

// Whether `name` is a plain SQL identifier ([a-z_][a-z0-9_]*). Table and column
// names come from code constants; this guards that no value ever becomes SQL.
bool isSqlIdentifier(const QString &name);

} // namespace kopru
