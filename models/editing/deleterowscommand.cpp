// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/editing/deleterowscommand.h"

#include "models/db/sql.h"
#include "models/editing/changenotifier.h"
#include "models/exchange/ownership.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QSqlRecord>

namespace kopru {

namespace {

const QString kSessionsOfPartner = QStringLiteral("session_id IN (SELECT id FROM training_session WHERE partner_id = ?)");

} // namespace

DeleteRowsCommand::DeleteRowsCommand(
    QSqlDatabase db, Entity entity, QList<int> ids, bool removePlacements, const QString &text, QList<SeenRow> seen)
    : DbCommand(std::move(db), text)
    , m_entity(entity)
    , m_ids(std::move(ids))
    , m_removePlacements(removePlacements)
    , m_seen(std::move(seen))
{ }

QString DeleteRowsCommand::rowKey(int id) const
{
    return tableOf(m_entity) + QLatin1Char(':') + QString::number(id);
}

Status DeleteRowsCommand::checkVersion(qsizetype i)
{
    QSqlDatabase db = database();
    const QString table = tableOf(m_entity);
    const int id = m_ids.at(i);
    const SeenRow seen = i < m_seen.size() ? m_seen.at(i) : SeenRow { {}, {}, text() };
    const QVariant expected = m_restored ? RowVersion::remembered(db, rowKey(id)) : seen.version;
    if (!expected.isValid())
        return {};
    auto held = RowVersion::holds(db, table, id, expected);
    if (!held)
        return held.error();
    if (!held.value())
        return changedMeanwhile(table, RowVersion::refusal(db, table, id, seen.uid, seen.subject));
    return {};
}

QString DeleteRowsCommand::tableOf(Entity entity)
{
    switch (entity) {
    case Entity::Teacher:
        return QStringLiteral("teacher");
    case Entity::Competency:
        return QStringLiteral("competency");
    case Entity::Partner:
        return QStringLiteral("partner");
    case Entity::Session:
        return QStringLiteral("training_session");
    }
    return {};
}

// Parent first; the WHERE clauses are constants with one bound id.
std::vector<DeleteRowsCommand::Part> DeleteRowsCommand::partsOf(Entity entity)
{
    const auto p = [](const char *table, QString where) { return Part { QString::fromLatin1(table), std::move(where) }; };
    switch (entity) {
    case Entity::Teacher:
        return { p("teacher", QStringLiteral("id = ?")), p("need_rating", QStringLiteral("teacher_id = ?")),
            p("placement", QStringLiteral("teacher_id = ?")) };
    case Entity::Competency:
        return { p("competency", QStringLiteral("id = ?")), p("need_rating", QStringLiteral("competency_id = ?")),
            p("partner_competency", QStringLiteral("competency_id = ?")),
            p("session_competency", QStringLiteral("competency_id = ?")) };
    case Entity::Partner:
        return { p("partner", QStringLiteral("id = ?")), p("partner_competency", QStringLiteral("partner_id = ?")),
            p("training_session", QStringLiteral("partner_id = ?")), p("session_competency", kSessionsOfPartner),
            p("placement", kSessionsOfPartner) };
    case Entity::Session:
        return { p("training_session", QStringLiteral("id = ?")), p("session_competency", QStringLiteral("session_id = ?")),
            p("placement", QStringLiteral("session_id = ?")) };
    }
    return {};
}

Expected<int> DeleteRowsCommand::placementsAffected(QSqlDatabase db, Entity entity, const QList<int> &ids)
{
    int total = 0;
    for (const Part &part : partsOf(entity)) {
        if (part.table != QLatin1String("placement"))
            continue;
        for (int id : ids) {
            auto n = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM placement WHERE ") + part.where, { id });
            if (!n)
                return n.error();
            total += n.value().toInt();
        }
    }
    return total;
}

Status DeleteRowsCommand::apply()
{
    QSqlDatabase db = database();
    // Still what the user saw (or what the undo left), and held until the commit.
    for (qsizetype i = 0; i < m_ids.size(); ++i)
        if (Status s = checkVersion(i); !s)
            return s;
    // Only the records' owner deletes them (docs/exchange.md, "Owners").
    for (int id : m_ids)
        if (Status s = Ownership::checkDelete(db, tableOf(m_entity), id); !s)
            return s;
    if (!m_removePlacements && m_entity != Entity::Teacher) {
        auto n = placementsAffected(db, m_entity, m_ids);
        if (!n)
            return n.error();
        if (n.value() > 0)
            return Status::failure(QCoreApplication::translate("DbCommand",
                "%n placement(s) would be removed; "
                "they must be removed explicitly",
                nullptr, n.value()));
    }
    const std::vector<Part> parts = partsOf(m_entity);
    m_snapshots.clear();
    for (const Part &part : parts) {
        Snapshot snap { part.table, {}, {} };
        for (int id : m_ids) {
            QSqlQuery q(db);
            if (Status s = Sql::prepare(q, QStringLiteral("SELECT * FROM %1 WHERE %2").arg(part.table, part.where)); !s)
                return s;
            if (Status s = Sql::run(q, { id }); !s)
                return s;
            const QSqlRecord rec = q.record();
            if (snap.columns.isEmpty())
                for (int c = 0; c < rec.count(); ++c)
                    snap.columns << rec.fieldName(c);
            while (q.next()) {
                QVariantList row;
                for (int c = 0; c < rec.count(); ++c)
                    row << q.value(c);
                snap.rows.push_back(std::move(row));
            }
        }
        m_snapshots.push_back(std::move(snap));
    }
    // Children first.
    for (auto it = parts.crbegin(); it != parts.crend(); ++it)
        for (int id : m_ids)
            if (Status s = Sql::exec(db, QStringLiteral("DELETE FROM %1 WHERE %2").arg(it->table, it->where), { id }); !s)
                return s;
    return {};
}

Status DeleteRowsCommand::revert()
{
    QSqlDatabase db = database();
    // The rows must still be gone: put back by someone else meanwhile (a
    // package, another user's undo), they are not overwritten.
    const QString table = tableOf(m_entity);
    for (qsizetype i = 0; i < m_ids.size(); ++i) {
        auto there = Sql::scalar(db, QStringLiteral("SELECT id FROM %1 WHERE id = ?").arg(table), { m_ids.at(i) });
        if (!there)
            return there.error();
        if (there.value().isValid()) {
            const SeenRow seen = i < m_seen.size() ? m_seen.at(i) : SeenRow { {}, {}, text() };
            return changedMeanwhile(table, RowVersion::refusal(db, table, m_ids.at(i), seen.uid, seen.subject));
        }
    }
    for (const Snapshot &snap : m_snapshots) {
        if (snap.rows.empty())
            continue;
        QStringList marks;
        for (const QString &c : snap.columns) {
            if (!isSqlIdentifier(c))
                return Status::failure(QStringLiteral("invalid identifier"));
            marks << QStringLiteral("?");
        }
        QSqlQuery q(db);
        if (Status s = Sql::prepare(q,
                QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                    .arg(snap.table, snap.columns.join(QLatin1Char(',')), marks.join(QLatin1Char(','))));
            !s)
            return s;
        for (const QVariantList &row : snap.rows) {
            for (int c = 0; c < row.size(); ++c)
                q.bindValue(c, row.at(c));
            if (Status s = Sql::run(q); !s)
                return s;
        }
    }
    // The versions the rows came back with: what a redo expects.
    for (int id : std::as_const(m_ids)) {
        auto version = RowVersion::read(db, table, id);
        if (!version)
            return version.error();
        RowVersion::remember(db, rowKey(id), version.value());
    }
    m_restored = true;
    return {};
}

void DeleteRowsCommand::announce()
{
    ChangeNotifier *n = ChangeNotifier::instance();
    n->notify(tableOf(m_entity), m_ids);
    // Dependent tables shown in detail panels and other pages.
    for (const Snapshot &snap : m_snapshots)
        if (snap.table != tableOf(m_entity) && !snap.rows.empty())
            n->notifyAll(snap.table);
}

} // namespace kopru
