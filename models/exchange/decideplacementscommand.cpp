// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/decideplacementscommand.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"
#include "models/editing/changenotifier.h"
#include "models/editing/rowversion.h"
#include "models/exchange/ownership.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace kopru {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(DecidePlacementsCommand)
};

} // namespace

DecidePlacementsCommand::DecidePlacementsCommand(
    QSqlDatabase db, QList<int> placementIds, Decision decision, QString note, const QString &text)
    : DbCommand(std::move(db), text)
    , m_ids(std::move(placementIds))
    , m_decision(decision)
    , m_note(std::move(note))
{ }

namespace {

// What RowVersion::remember keeps for a placement without a decision.
constexpr qint64 kNoDecision = -1;

QString rowKey(int placementId)
{
    return QStringLiteral("plan_decision:%1").arg(placementId);
}

} // namespace

Status DecidePlacementsCommand::expectKept(int id)
{
    QSqlDatabase db = database();
    QSqlQuery q(db);
    if (Status s = Sql::prepare(q,
            QStringLiteral("SELECT version, modified_by, modified_at FROM plan_decision WHERE placement_id = ?")
                + SqlDialect::lockRowsClause(SqlDialect::backendOf(db)));
        !s)
        return s;
    if (Status s = Sql::run(q, { id }); !s)
        return s;
    const qint64 kept = RowVersion::remembered(db, rowKey(id)).toLongLong();
    const bool found = q.next();
    if (found ? q.value(0).toLongLong() == kept : kept == kNoDecision)
        return {};
    const QString subject = Text::tr("the plan decision on placement %1").arg(id);
    if (!found)
        return changedMeanwhile(QStringLiteral("plan_decision"), RowVersion::refusalWithoutAuthor(subject, true));
    const QString label = q.value(1).toString(), utc = q.value(2).toString();
    q.finish();
    return changedMeanwhile(QStringLiteral("plan_decision"), RowVersion::changedBy(db, subject, label, utc));
}

Status DecidePlacementsCommand::keep(int id)
{
    auto version = Sql::scalar(database(), QStringLiteral("SELECT version FROM plan_decision WHERE placement_id = ?"), { id });
    if (!version)
        return version.error();
    RowVersion::remember(database(), rowKey(id), version.value().isValid() ? version.value() : QVariant(kNoDecision));
    return {};
}

Status DecidePlacementsCommand::apply()
{
    QSqlDatabase db = database();
    if (Status s = Ownership::checkInsert(db, QStringLiteral("plan_decision")); !s)
        return s;
    // A redo: every decision still as the undo left it.
    if (m_wrote)
        for (int id : std::as_const(m_ids))
            if (Status s = expectKept(id); !s)
                return s;
    m_before.clear();
    for (int id : std::as_const(m_ids)) {
        QSqlQuery q(db);
        // Held until the commit: what is undone later is what was there.
        if (Status s = Sql::prepare(q,
                QStringLiteral("SELECT decision, note FROM plan_decision WHERE placement_id = ?")
                    + SqlDialect::lockRowsClause(SqlDialect::backendOf(db)));
            !s)
            return s;
        if (Status s = Sql::run(q, { id }); !s)
            return s;
        if (q.next())
            m_before.push_back({ id, { q.value(0), q.value(1) } });
        else
            m_before.push_back({ id, { QVariant(), QVariant() } });
        q.finish();
        if (Status s = Sql::exec(db,
                QStringLiteral(
                    "INSERT INTO plan_decision(placement_id, decision, note) VALUES (?, ?, ?) ON CONFLICT(placement_id) "
                    "DO UPDATE SET decision = excluded.decision, note = excluded.note"),
                { id, m_decision == Decision::Approved ? QStringLiteral("approved") : QStringLiteral("rejected"), m_note });
            !s)
            return s;
        if (Status s = keep(id); !s)
            return s;
    }
    m_wrote = true;
    return {};
}

Status DecidePlacementsCommand::revert()
{
    QSqlDatabase db = database();
    for (const auto &[id, before] : m_before)
        if (Status s = expectKept(id); !s)
            return s;
    for (const auto &[id, before] : m_before) {
        const Status s = before.first.isValid()
            ? Sql::exec(db, QStringLiteral("UPDATE plan_decision SET decision = ?, note = ? WHERE placement_id = ?"),
                { before.first, before.second, id })
            : Sql::exec(db, QStringLiteral("DELETE FROM plan_decision WHERE placement_id = ?"), { id });
        if (!s)
            return s;
        if (Status kept = keep(id); !kept)
            return kept;
    }
    return {};
}

void DecidePlacementsCommand::announce()
{
    ChangeNotifier::instance()->notify(QStringLiteral("placement"), m_ids);
    ChangeNotifier::instance()->notifyAll(QStringLiteral("plan_decision"));
}

} // namespace kopru
