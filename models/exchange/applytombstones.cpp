// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/applytombstones.h"

#include "models/db/sql.h"
#include "models/exchange/erasure.h"
#include "models/exchange/exchangesql.h"

#include <QSqlQuery>
#include <QStringList>

namespace kopru::ApplyTombstones {

namespace {

// Local tables with a uid, children before parents.
const char *const kDeletionOrder[] = { "placement", "proposal", "training_session", "partner", "teacher", "competency", "school",
    "centre", "field", "uid_alias", "review_item" };

// Runs `statement` in a savepoint: true when it succeeded, false when it
// failed and was undone (a server aborts the whole transaction after a failed
// statement, SQLite only the statement: the savepoint makes both go on).
template <typename Statement> Expected<bool> attempt(QSqlDatabase db, Statement statement)
{
    if (Status s = Sql::exec(db, QStringLiteral("SAVEPOINT exchange_delete")); !s)
        return s.error();
    const bool ok = statement().ok();
    if (!ok)
        if (Status s = Sql::exec(db, QStringLiteral("ROLLBACK TO SAVEPOINT exchange_delete")); !s)
            return s.error();
    if (Status s = Sql::exec(db, QStringLiteral("RELEASE SAVEPOINT exchange_delete")); !s)
        return s.error();
    return ok;
}

Status deleteCovered(const ApplyContext &ctx, const QString &table, qint64 *deleted)
{
    const QString covered
        = QStringLiteral("EXISTS (SELECT 1 FROM main.tombstone tb WHERE tb.table_name = '%1' AND tb.uid = %1.uid "
                         "AND (tb.erased = 1 OR tb.version > %1.version))")
              .arg(table);
    auto any = ExchangeSql::scalar(ctx.db, QStringLiteral("SELECT count(*) FROM main.%1 WHERE %2").arg(table, covered));
    if (!any)
        return any.error();
    if (any.value().toLongLong() == 0)
        return {};
    QSqlQuery q(ctx.db);
    if (Status s = ExchangeSql::prepare(q, QStringLiteral("DELETE FROM main.%1 WHERE %2").arg(table, covered)); !s)
        return s;
    Expected<bool> done = attempt(ctx.db, [&] { return Sql::run(q); });
    if (!done)
        return done.error();
    if (done.value()) {
        *deleted += q.numRowsAffected();
        return {};
    }
    // One of them is still in use (a foreign key refuses): one by one, the
    // others go, the used one waits.
    QSqlQuery ids(ctx.db);
    if (Status s = ExchangeSql::prepare(ids, QStringLiteral("SELECT id FROM main.%1 WHERE %2").arg(table, covered)); !s)
        return s;
    if (Status s = Sql::run(ids); !s)
        return s;
    QList<qint64> list;
    while (ids.next())
        list << ids.value(0).toLongLong();
    ids.finish();
    for (qint64 id : list) {
        Expected<bool> gone = attempt(ctx.db,
            [&] { return ExchangeSql::exec(ctx.db, QStringLiteral("DELETE FROM main.%1 WHERE id = ?").arg(table), { id }); });
        if (!gone)
            return gone.error();
        if (gone.value())
            ++*deleted;
    }
    return {};
}

// Ratings and plan decisions have no uid column: their tombstone names their key.
Status deleteCoveredRatingsAndDecisions(const ApplyContext &ctx, ApplySummary &summary)
{
    QSqlQuery q(ctx.db);
    if (Status s = ExchangeSql::prepare(q,
            QStringLiteral("SELECT table_name, uid, version, erased FROM main.tombstone WHERE table_name IN "
                           "('need_rating', 'plan_decision') AND uid IN (SELECT uid FROM %1 WHERE table_name IN "
                           "('need_rating', 'plan_decision'))")
                .arg(ctx.src(QStringLiteral("tombstone"))));
        !s)
        return s;
    if (Status s = Sql::run(q); !s)
        return s;
    struct Key
    {
        QString table, uid;
        int version;
    };
    std::vector<Key> keys;
    while (q.next())
        keys.push_back({ q.value(0).toString(), q.value(1).toString(), q.value(3).toInt() == 1 ? 1 << 30 : q.value(2).toInt() });
    q.finish();
    for (const Key &k : keys) {
        QSqlQuery d(ctx.db);
        if (k.table == QLatin1String("plan_decision")) {
            if (Status s = ExchangeSql::prepare(d,
                    QStringLiteral("DELETE FROM main.plan_decision WHERE version < ? AND placement_id = "
                                   "(SELECT id FROM main.placement WHERE uid = ?)"));
                !s)
                return s;
            if (Status s = Sql::run(d, { k.version, k.uid }); !s)
                return s;
        } else {
            const QStringList parts = k.uid.split(QLatin1Char(':'));
            if (parts.size() != 3)
                continue;
            if (Status s = ExchangeSql::prepare(d,
                    QStringLiteral("DELETE FROM main.need_rating WHERE version < ? AND round = ? AND "
                                   "teacher_id = (SELECT id FROM main.teacher WHERE uid = ?) AND "
                                   "competency_id = (SELECT id FROM main.competency WHERE uid = ?)"));
                !s)
                return s;
            if (Status s = Sql::run(d, { k.version, parts.at(2).toInt(), parts.at(0), parts.at(1) }); !s)
                return s;
        }
        summary[k.table].deleted += d.numRowsAffected();
    }
    return {};
}

} // namespace

Status apply(const ApplyContext &ctx)
{
    const QString src = ctx.src(QStringLiteral("tombstone"));
    // Which tombstones the sender may send: a centre its own deletions and
    // KVKK erasures; the national office any but of what the receiver owns
    // (an erasure always).
    QString entitled = QStringLiteral("1 = 1");
    if (ctx.sender.isCentre())
        entitled = QStringLiteral("(owner_centre_id IS %1 OR erased = 1)").arg(ctx.sender.centreId());
    else if (ctx.me.isCentre())
        entitled = QStringLiteral("(owner_centre_id IS NOT %1 OR erased = 1)").arg(ctx.me.centreId());
    auto all = ExchangeSql::scalar(ctx.db, QStringLiteral("SELECT count(*) FROM %1").arg(src));
    auto ok = ExchangeSql::scalar(ctx.db, QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(src, entitled));
    auto fresh = ExchangeSql::scalar(ctx.db,
        QStringLiteral("SELECT count(*) FROM %1 p WHERE %2 AND NOT EXISTS (SELECT 1 FROM main.tombstone t WHERE "
                       "t.table_name = p.table_name AND t.uid = p.uid AND t.version >= p.version AND "
                       "t.erased >= p.erased)")
            .arg(src, entitled));
    if (!all || !ok || !fresh)
        return Status::failure(QStringLiteral("cannot count the tombstones"));
    TableCounts &counts = (*ctx.summary)[QStringLiteral("tombstone")];
    counts.refused += all.value().toLongLong() - ok.value().toLongLong();
    counts.added += fresh.value().toLongLong();
    counts.unchanged += ok.value().toLongLong() - fresh.value().toLongLong();
    if (ok.value().toLongLong() == 0)
        return {};

    if (Status s = ExchangeSql::exec(ctx.db,
            QStringLiteral("INSERT INTO main.tombstone(table_name, uid, owner_centre_id, version, erased, deleted_at, "
                           "deleted_by, change_serial) SELECT table_name, uid, owner_centre_id, version, erased, "
                           "deleted_at, deleted_by, NULL FROM %1 WHERE %2 ON CONFLICT(table_name, uid) DO UPDATE SET "
                           "version = max(tombstone.version, excluded.version), erased = max(tombstone.erased, "
                           "excluded.erased), owner_centre_id = excluded.owner_centre_id, deleted_at = "
                           "excluded.deleted_at, deleted_by = excluded.deleted_by, change_serial = NULL WHERE "
                           "excluded.version > tombstone.version OR excluded.erased > tombstone.erased")
                .arg(src, entitled));
        !s)
        return s;

    // KVKK erasures first: everything of the person, wherever it is held.
    QSqlQuery q(ctx.db);
    if (Status s = ExchangeSql::prepare(
            q, QStringLiteral("SELECT uid FROM %1 WHERE table_name = 'teacher' AND erased = 1 AND %2").arg(src, entitled));
        !s)
        return s;
    if (Status s = Sql::run(q); !s)
        return s;
    QStringList erased;
    while (q.next())
        erased << q.value(0).toString();
    q.finish();
    for (const QString &uid : erased) {
        auto here = ExchangeSql::scalar(ctx.db, QStringLiteral("SELECT count(*) FROM main.teacher WHERE uid = ?"), { uid });
        if (!here)
            return here.error();
        if (Status s = Erasure::applyErasure(ctx.db, uid); !s)
            return s;
        if (here.value().toInt() > 0) {
            ++ctx.summary->erasures;
            ++(*ctx.summary)[QStringLiteral("teacher")].deleted;
        }
    }

    for (const char *table : kDeletionOrder) {
        qint64 deleted = 0;
        if (Status s = deleteCovered(ctx, QLatin1String(table), &deleted); !s)
            return s;
        if (deleted > 0)
            (*ctx.summary)[QLatin1String(table)].deleted += deleted;
    }
    return deleteCoveredRatingsAndDecisions(ctx, *ctx.summary);
}

} // namespace kopru::ApplyTombstones
