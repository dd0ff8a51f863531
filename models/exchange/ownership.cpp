// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/ownership.h"

#include "models/db/sql.h"
#include "models/exchange/exchangesql.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace kopru {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(Ownership)
};

// Tables only the national office writes.
bool isNationalTable(const QString &table)
{
    for (const char *t :
        { "field", "centre", "centre_field", "competency", "need_rating", "plan_decision", "review_item", "uid_alias" })
        if (table == QLatin1String(t))
            return true;
    return false;
}

// Tables whose rows have an owner of their own (owner_centre_id).
bool hasRowOwner(const QString &table)
{
    for (const char *t : { "school", "teacher", "partner", "training_session", "placement", "proposal" })
        if (table == QLatin1String(t))
            return true;
    return false;
}

// Lists whose rows belong to their parent's owner: the parent table and column.
bool parentOf(const QString &table, QString *parent, QString *column)
{
    if (table == QLatin1String("partner_competency")) {
        *parent = QStringLiteral("partner");
        *column = QStringLiteral("partner_id");
        return true;
    }
    if (table == QLatin1String("session_competency")) {
        *parent = QStringLiteral("training_session");
        *column = QStringLiteral("session_id");
        return true;
    }
    return false;
}

} // namespace

Expected<Ownership> Ownership::of(QSqlDatabase db)
{
    auto role = DatabaseRole::read(db);
    if (!role)
        return role.error();
    return Ownership(role.value());
}

bool Ownership::isTeacherRecordColumn(const QString &column)
{
    return column == QLatin1String("available_from") || column == QLatin1String("available_to")
        || column == QLatin1String("notes");
}

QString Ownership::ownedBy(const QVariant &owner) const
{
    if (owner.isNull() || !owner.isValid())
        return Text::tr("it belongs to the national office");
    return Text::tr("it belongs to centre %1").arg(owner.toInt());
}

QString Ownership::editProblem(const QString &table, const QString &column, const RowOwnership &row) const
{
    if (isNationalTable(table)) {
        if (m_role.isNational())
            return {};
        return Text::tr("%1; a centre cannot change it").arg(ownedBy(QVariant()));
    }
    if (table == QLatin1String("teacher") && isTeacherRecordColumn(column)) {
        if (m_role.owns(row.centre))
            return {};
        return row.centre.isNull()
            ? Text::tr("the national office records this for teachers without a centre")
            : Text::tr("centre %1 records this for its teachers; changes come from there").arg(row.centre.toInt());
    }
    if (hasRowOwner(table)) {
        if (m_role.owns(row.owner))
            return {};
        if (table == QLatin1String("teacher") && m_role.isCentre())
            return Text::tr("%1: propose a correction instead (Teachers: right-click the teacher › Propose Correction)")
                .arg(ownedBy(row.owner));
        return Text::tr("%1; changes come from there").arg(ownedBy(row.owner));
    }
    return {}; // local bookkeeping (plans, audit log) or lists checked through their parent
}

QString Ownership::insertProblem(const QString &table) const
{
    if (isNationalTable(table) && m_role.isCentre())
        return Text::tr("only the national office adds these; a centre receives them with its packages");
    return {};
}

Expected<QHash<int, RowOwnership>> Ownership::rowsOf(QSqlDatabase db, const QString &table)
{
    QHash<int, RowOwnership> rows;
    if (!hasRowOwner(table))
        return rows;
    QSqlQuery q(db);
    // Table names come from the code (hasRowOwner), never from input.
    const QString centre = table == QLatin1String("teacher") ? QStringLiteral("centre_id") : QStringLiteral("NULL");
    if (Status s = ExchangeSql::prepare(q, QStringLiteral("SELECT id, owner_centre_id, %1 FROM %2").arg(centre, table)); !s)
        return s.error();
    if (Status s = Sql::run(q); !s)
        return s.error();
    while (q.next())
        rows.insert(q.value(0).toInt(), { q.value(1), q.value(2) });
    return rows;
}

Expected<RowOwnership> Ownership::rowOf(QSqlDatabase db, const QString &table, qint64 id)
{
    QString parent, column;
    if (parentOf(table, &parent, &column))
        return rowOf(db, parent, id);
    if (!hasRowOwner(table))
        return RowOwnership {};
    QSqlQuery q(db);
    const QString centre = table == QLatin1String("teacher") ? QStringLiteral("centre_id") : QStringLiteral("NULL");
    if (Status s = ExchangeSql::prepare(q, QStringLiteral("SELECT owner_centre_id, %1 FROM %2 WHERE id = ?").arg(centre, table));
        !s)
        return s.error();
    if (Status s = Sql::run(q, { id }); !s)
        return s.error();
    if (!q.next())
        return RowOwnership {};
    return RowOwnership { q.value(0), q.value(1) };
}

Status Ownership::checkEdit(QSqlDatabase db, const QString &table, const QString &column, qint64 id)
{
    auto o = of(db);
    if (!o)
        return o.error();
    QString parent, parentColumn;
    const QString checked = parentOf(table, &parent, &parentColumn) ? parent : table;
    auto row = rowOf(db, table, id);
    if (!row)
        return row.error();
    const QString problem = o->editProblem(checked, column, row.value());
    return problem.isEmpty() ? Status() : Status::failure(problem);
}

Status Ownership::checkInsert(QSqlDatabase db, const QString &table)
{
    auto o = of(db);
    if (!o)
        return o.error();
    const QString problem = o->insertProblem(table);
    return problem.isEmpty() ? Status() : Status::failure(problem);
}

Status Ownership::checkDelete(QSqlDatabase db, const QString &table, qint64 id)
{
    return checkEdit(db, table, {}, id);
}

} // namespace kopru
