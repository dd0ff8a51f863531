// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/editing/dbcommand.h"

#include "models/db/transaction.h"
#include "models/editing/changenotifier.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUndoStack>

namespace kopru {

DbCommand::DbCommand(QSqlDatabase db, const QString &text)
    : QUndoCommand(text)
    , m_connectionName(db.connectionName())
{ }

Status DbCommand::inTransaction(bool forward)
{
    QSqlDatabase db = database();
    if (!db.isOpen())
        return Status::failure(QCoreApplication::translate("DbCommand", "The database is closed."));
    m_changedMeanwhile = false;
    m_staleTable.clear();
    Transaction tx(db);
    if (!tx.began())
        return tx.began();
    if (Status s = forward ? apply() : revert(); !s) {
        tx.rollback();
        if (m_changedMeanwhile) {
            announce(); // the views show what is there now
            if (!m_staleTable.isEmpty())
                ChangeNotifier::instance()->reportStale(m_staleTable, s.message());
        }
        return s;
    }
    if (Status s = tx.commit(); !s)
        return s;
    announce();
    return {};
}

Status DbCommand::execute()
{
    Status s = inTransaction(true);
    m_applied = s.ok();
    return s;
}

void DbCommand::redo()
{
    if (m_applied)
        return; // applied by execute() just before the push
    if (Status s = inTransaction(true); !s) {
        setObsolete(true);
        ChangeNotifier::instance()->reportFailure(
            QCoreApplication::translate("DbCommand", "Cannot redo \"%1\": %2").arg(text(), s.message()));
    }
}

void DbCommand::undo()
{
    m_applied = false;
    if (Status s = inTransaction(false); !s) {
        setObsolete(true);
        ChangeNotifier::instance()->reportFailure(
            QCoreApplication::translate("DbCommand", "Cannot undo \"%1\": %2").arg(text(), s.message()));
    }
}

Status DbCommand::run(QUndoStack *stack, std::unique_ptr<DbCommand> command)
{
    if (Status s = command->execute(); !s)
        return s;
    if (stack)
        stack->push(command.release()); // push calls redo(), which sees m_applied and skips
    return {};
}

Status DbCommand::changedMeanwhile()
{
    m_changedMeanwhile = true;
    return Status::failure(QCoreApplication::translate("DbCommand",
        "the data was changed meanwhile by another program or window; "
        "the view now shows the current values"));
}

Status DbCommand::changedMeanwhile(const QString &table, const Status &refusal)
{
    m_changedMeanwhile = true;
    m_staleTable = table;
    return refusal.ok() ? changedMeanwhile() : refusal;
}

bool isSqlIdentifier(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    return re.match(name).hasMatch();
}

} // namespace kopru
