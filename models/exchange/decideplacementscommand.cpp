// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/decideplacementscommand.h"

#include "models/db/sql.h"
#include "models/editing/changenotifier.h"
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

Status DecidePlacementsCommand::apply()
{
    QSqlDatabase db = database();
    if (Status s = Ownership::checkInsert(db, QStringLiteral("plan_decision")); !s)
        return s;
    m_before.clear();
    for (int id : std::as_const(m_ids)) {
        QSqlQuery q(db);
        if (Status s = Sql::prepare(q, QStringLiteral("SELECT decision, note FROM plan_decision WHERE placement_id = ?")); !s)
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
    }
    return {};
}

Status DecidePlacementsCommand::revert()
{
    QSqlDatabase db = database();
    for (const auto &[id, before] : m_before) {
        const Status s = before.first.isValid()
            ? Sql::exec(db, QStringLiteral("UPDATE plan_decision SET decision = ?, note = ? WHERE placement_id = ?"),
                { before.first, before.second, id })
            : Sql::exec(db, QStringLiteral("DELETE FROM plan_decision WHERE placement_id = ?"), { id });
        if (!s)
            return s;
    }
    return {};
}

void DecidePlacementsCommand::announce()
{
    ChangeNotifier::instance()->notify(QStringLiteral("placement"), m_ids);
    ChangeNotifier::instance()->notifyAll(QStringLiteral("plan_decision"));
}

} // namespace kopru
