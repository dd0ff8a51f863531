// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/editing/setvaluecommand.h"

#include "models/db/sql.h"
#include "models/editing/changenotifier.h"
#include "models/editing/rowversion.h"
#include "models/exchange/ownership.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace kopru {

SetValueCommand::SetValueCommand(QSqlDatabase db, QString table, QString column, int id, QVariant oldValue, QVariant newValue,
    const QString &text, SeenRow seen)
    : DbCommand(std::move(db), text)
    , m_table(std::move(table))
    , m_column(std::move(column))
    , m_id(id)
    , m_old(std::move(oldValue))
    , m_new(std::move(newValue))
    , m_seen(std::move(seen))
{ }

Status SetValueCommand::write(const QVariant &expected, const QVariant &value)
{
    if (!isSqlIdentifier(m_table) || !isSqlIdentifier(m_column))
        return Status::failure(QStringLiteral("invalid identifier"));
    // Only the record's owner changes it (docs/exchange.md, "Owners").
    if (Status s = Ownership::checkEdit(database(), m_table, m_column, m_id); !s)
        return s;
    const QString version = RowVersion::expression(m_table);
    if (version.isEmpty() || !m_seen.version.isValid())
        return writeByValue(expected, value);
    // Written only while the row is at the version the user saw (on a server,
    // a concurrent writer's committed change makes this match no row).
    QSqlQuery q(database());
    if (Status s
        = Sql::prepare(q, QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ? AND %3 = ?").arg(m_table, m_column, version));
        !s)
        return s;
    // The first time the version the user saw; then the one this program's last change of the row left.
    const QString row = m_table + QLatin1Char(':') + QString::number(m_id);
    const QVariant kept = m_wrote ? RowVersion::remembered(database(), row) : QVariant();
    if (Status s = Sql::run(q, { value, m_id, kept.isValid() ? kept : m_seen.version }); !s)
        return s;
    if (q.numRowsAffected() != 1)
        return changedMeanwhile(m_table, RowVersion::refusal(database(), m_table, m_id, m_seen.uid, m_seen.subject));
    q.finish();
    // The version the triggers gave the row: what undo (or redo) expects.
    auto now = RowVersion::read(database(), m_table, m_id);
    if (!now)
        return now.error();
    m_seen.version = now.value();
    m_wrote = true;
    RowVersion::remember(database(), row, now.value());
    return {};
}

Status SetValueCommand::writeByValue(const QVariant &expected, const QVariant &value)
{
    // Compared by SQLite (IS, with the column's affinity): "5" and 5 are the same value.
    auto same = Sql::scalar(
        database(), QStringLiteral("SELECT %2 IS ? FROM %1 WHERE id = ?").arg(m_table, m_column), { expected, m_id });
    if (!same)
        return same.error();
    if (!same.value().isValid())
        return Status::failure(QCoreApplication::translate("DbCommand", "the row no longer exists"));
    if (same.value().toInt() != 1)
        return changedMeanwhile();
    QSqlQuery q(database());
    if (Status s = Sql::prepare(q, QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(m_table, m_column)); !s)
        return s;
    if (Status s = Sql::run(q, { value, m_id }); !s)
        return s;
    if (q.numRowsAffected() != 1)
        return Status::failure(QCoreApplication::translate("DbCommand", "the row no longer exists"));
    return {};
}

void SetValueCommand::announce()
{
    ChangeNotifier::instance()->notify(m_table, { m_id });
}

} // namespace kopru
