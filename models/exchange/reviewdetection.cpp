// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/reviewdetection.h"

#include "models/db/sql.h"
#include "models/exchange/exchangesql.h"
#include "models/exchange/packagesql.h"
#include "models/exchange/reviewstore.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <functional>
#include <map>

namespace kopru::ReviewDetection {

namespace {

// A registration that can clash with another: the table, the natural key and the item's kind.
struct Natural
{
    const char *table;
    const char *column;
    const char *kind;
};
const Natural kNaturals[]
    = { { "teacher", "national_id", "duplicate_teacher" }, { "partner", "tax_number", "duplicate_partner" } };

// Tables whose rows depend on a held teacher, partner or session.
const char *const kHeldParents[] = { "teacher", "partner", "training_session" };

// Holds the rows of `query` (package rows, from table `table`) under `reviewId`.
Status holdRows(
    QSqlDatabase db, int reviewId, const QString &table, QSqlQuery &query, const std::function<QString(const QJsonObject &)> &key)
{
    while (query.next()) {
        const QJsonObject row = ReviewStore::rowJson(query);
        const QVariant owner = row.value(QStringLiteral("owner_centre_id")).toVariant();
        if (Status s = ReviewStore::hold(db, reviewId, { table, key(row), owner, row }); !s)
            return s;
    }
    return {};
}

QString uidKey(const QJsonObject &row)
{
    return row.value(QStringLiteral("uid")).toString();
}

// A centre's registration already here goes into the review list too, with
// what depends on it here (its placements, proposals, sessions, lists).
Status holdLocal(const ApplyContext &ctx, int reviewId, const QString &table, const QString &uid)
{
    QSqlDatabase db = ctx.db;
    struct Part
    {
        QString table, where;
    };
    std::vector<Part> parts;
    if (table == QLatin1String("teacher")) {
        parts = { { QStringLiteral("teacher"), QStringLiteral("t.uid = '%1'") },
            { QStringLiteral("teacher_record"), QStringLiteral("t.uid = '%1'") },
            { QStringLiteral("placement"), QStringLiteral("t.teacher_id = (SELECT id FROM main.teacher WHERE uid = '%1')") },
            { QStringLiteral("proposal"), QStringLiteral("t.teacher_id = (SELECT id FROM main.teacher WHERE uid = '%1')") } };
    } else {
        const QString sessions = QStringLiteral(
            "(SELECT s.id FROM main.training_session s JOIN main.partner p ON p.id = s.partner_id WHERE p.uid = '%1')");
        parts = { { QStringLiteral("partner"), QStringLiteral("t.uid = '%1'") },
            { QStringLiteral("training_session"),
                QStringLiteral("t.partner_id = (SELECT id FROM main.partner WHERE uid = '%1')") },
            { QStringLiteral("placement"), QStringLiteral("t.session_id IN ") + sessions } };
    }
    for (const Part &part : parts) {
        const TravellingTable *t = TravellingTables::table(part.table);
        QSqlQuery q(db);
        // uid is a UUID read from this database (checked by its CHECK constraint), not input text.
        if (Status s = ExchangeSql::prepare(q, PackageSql::selectLocal(*t, part.where.arg(uid))); !s)
            return s;
        if (Status s = Sql::run(q); !s)
            return s;
        if (Status s = holdRows(db, reviewId, t->name, q, uidKey); !s)
            return s;
    }
    // The lists of the held partner and of its sessions.
    if (table == QLatin1String("partner")) {
        for (const TravellingList &l : TravellingTables::lists()) {
            if (l.parent != QLatin1String("partner") && l.parent != QLatin1String("training_session"))
                continue;
            const QString parents = l.parent == QLatin1String("partner")
                ? QStringLiteral("SELECT id FROM main.partner WHERE uid = ?")
                : QStringLiteral(
                    "SELECT s.id FROM main.training_session s JOIN main.partner p ON p.id = s.partner_id WHERE p.uid = ?");
            QSqlQuery q(db);
            if (Status s = ExchangeSql::prepare(q,
                    QStringLiteral("SELECT a.uid AS %1, b.uid AS %2 FROM main.%3 x JOIN main.%4 a ON a.id = x.%5 "
                                   "JOIN main.%6 b ON b.id = x.%7 WHERE x.%5 IN (%8)")
                        .arg(l.parentKey(), l.targetKey(), l.name, l.parent, l.parentColumn, l.target, l.targetColumn, parents));
                !s)
                return s;
            if (Status s = Sql::run(q, { uid }); !s)
                return s;
            if (Status s = holdRows(db, reviewId, l.name, q,
                    [&l](const QJsonObject &row) -> QString {
                        return row.value(l.parentKey()).toString() + QLatin1Char(':') + row.value(l.targetKey()).toString();
                    });
                !s)
                return s;
        }
        // Placements of other centres in its sessions go first (they name the sessions).
        if (Status s = ExchangeSql::exec(db,
                QStringLiteral("DELETE FROM main.placement WHERE session_id IN (SELECT s.id FROM main.training_session s "
                               "JOIN main.partner p ON p.id = s.partner_id WHERE p.uid = ?)"),
                { uid });
            !s)
            return s;
    }
    // Held, not deleted: the registration's owner still has it; nothing travels.
    return ExchangeSql::exec(db, QStringLiteral("DELETE FROM main.%1 WHERE uid = ?").arg(table), { uid });
}

// Moves the rows of the package table `table` that `heldBy` (an expression on
// the package row `p` giving an open review item's id) names into the review
// list, keyed by `keyOf`. Returns how many rows it took out of the package.
Expected<qint64> holdPackageRows(const ApplyContext &ctx, const QString &table, const QString &heldBy,
    const std::function<HeldRow(const QJsonObject &)> &heldRow)
{
    QSqlQuery q(ctx.db);
    if (Status s = ExchangeSql::prepare(q,
            QStringLiteral("SELECT (%1) AS review_id, p.rowid AS prow, p.* FROM %2 p WHERE EXISTS (%1)")
                .arg(heldBy, ctx.src(table)));
        !s)
        return s.error();
    if (Status s = Sql::run(q); !s)
        return s.error();
    std::vector<qint64> rowids;
    while (q.next()) {
        QJsonObject row = ReviewStore::rowJson(q);
        const int reviewId = row.take(QStringLiteral("review_id")).toInt();
        rowids.push_back(row.take(QStringLiteral("prow")).toVariant().toLongLong());
        row.remove(QStringLiteral("rowid")); // a staged package's row number (server), not package content
        if (Status s = ReviewStore::hold(ctx.db, reviewId, heldRow(row)); !s)
            return s.error();
    }
    q.finish();
    for (qint64 rowid : rowids)
        if (Status s = ExchangeSql::exec(ctx.db, QStringLiteral("DELETE FROM %1 WHERE rowid = ?").arg(ctx.src(table)), { rowid });
            !s)
            return s.error();
    return qint64(rowids.size());
}

// Rows of the package that name a held record are held with it.
Status holdDependents(const ApplyContext &ctx, ApplySummary &summary)
{
    const QString held
        = QStringLiteral("SELECT rp.review_id FROM main.review_parked rp JOIN main.review_item r ON r.id = rp.review_id "
                         "WHERE r.status = 'open' AND rp.table_name = '%1' AND rp.uid = p.%2");
    for (int round = 0; round < 3; ++round) { // teacher/partner → session → placement
        for (const TravellingTable &t : TravellingTables::tables()) {
            std::vector<std::pair<QString, QString>> refs; // column, held table
            for (const PackageColumn &c : t.content)
                for (const char *parent : kHeldParents)
                    if (c.isRef() && c.refTable == QLatin1String(parent))
                        refs.emplace_back(c.name, c.refTable);
            if (t.name == QLatin1String("teacher_record"))
                refs.emplace_back(QStringLiteral("uid"), QStringLiteral("teacher"));
            for (const auto &[column, parent] : refs) {
                auto taken = holdPackageRows(ctx, t.name, held.arg(parent, column), [&t](const QJsonObject &row) {
                    const QString key = t.keyedByUid() ? uidKey(row) : row.value(t.key.front().name).toString();
                    return HeldRow { t.name, key, row.value(QStringLiteral("owner_centre_id")).toVariant(), row };
                });
                if (!taken)
                    return taken.error();
                summary[t.name].conflicts += taken.value();
            }
        }
        for (const TravellingList &l : TravellingTables::lists()) {
            if (l.parent == QLatin1String("centre"))
                continue;
            auto taken = holdPackageRows(ctx, l.name, held.arg(l.parent, l.parentKey()), [&l](const QJsonObject &row) {
                const QString key = row.value(l.parentKey()).toString() + QLatin1Char(':') + row.value(l.targetKey()).toString();
                return HeldRow { l.name, key, QVariant(), row };
            });
            if (!taken)
                return taken.error();
        }
    }
    return {};
}

// Rewrites the item's centres and detail from what it holds and what clashes.
Status describeDuplicate(QSqlDatabase db, ReviewItem &item, const Natural &n)
{
    QSqlQuery q(db);
    if (Status s = ExchangeSql::prepare(q,
            QStringLiteral("SELECT uid, owner_centre_id FROM review_parked WHERE review_id = ? AND table_name = ? ORDER BY uid"));
        !s)
        return s;
    if (Status s = Sql::run(q, { item.id, QLatin1String(n.table) }); !s)
        return s;
    QJsonArray held;
    QList<int> centres;
    while (q.next()) {
        held.append(QJsonObject { { QStringLiteral("uid"), q.value(0).toString() },
            { QStringLiteral("centre"), q.value(1).isNull() ? QJsonValue() : QJsonValue(q.value(1).toInt()) } });
        if (!q.value(1).isNull())
            centres << q.value(1).toInt();
    }
    q.finish();
    // The record that stays in the table: the national office's own (the survey's), if any.
    auto kept = ExchangeSql::scalar(db,
        QStringLiteral("SELECT uid FROM main.%1 WHERE %2 = ?").arg(QLatin1String(n.table), QLatin1String(n.column)),
        { item.subject });
    if (!kept)
        return kept.error();
    item.detail = QJsonObject { { QStringLiteral("held"), held }, { QStringLiteral("kept"), kept.value().toString() } };
    item.centres = ReviewStore::centresText(centres);
    return ReviewStore::save(db, item);
}

} // namespace

Status holdDuplicates(const ApplyContext &ctx)
{
    ApplySummary &summary = *ctx.summary;
    for (const Natural &n : kNaturals) {
        const QString src = ctx.src(QLatin1String(n.table));
        QSqlQuery q(ctx.db);
        if (Status s = ExchangeSql::prepare(q,
                QStringLiteral(
                    "SELECT p.rowid, p.uid, p.%2, p.owner_centre_id FROM %1 p WHERE p.%2 IS NOT NULL AND p.owner_centre_id IS ? "
                    "AND p.uid NOT IN (SELECT uid FROM main.uid_alias) AND (EXISTS (SELECT 1 FROM main.%3 l WHERE l.%2 = p.%2 "
                    "AND l.uid <> p.uid) "
                    "OR EXISTS (SELECT 1 FROM main.review_item r WHERE r.kind = '%4' AND r.subject = p.%2) "
                    "OR p.uid IN (SELECT uid FROM main.review_parked WHERE table_name = '%3'))")
                    .arg(src, QLatin1String(n.column), QLatin1String(n.table), QLatin1String(n.kind)));
            !s)
            return s;
        if (Status s = Sql::run(q, { ctx.sender.ownerValue() }); !s)
            return s;
        struct Candidate
        {
            qint64 rowid;
            QString uid, natural;
        };
        std::vector<Candidate> candidates;
        while (q.next())
            candidates.push_back({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString() });
        q.finish();
        for (const Candidate &c : candidates) {
            auto item = ReviewStore::ensure(ctx.db, QLatin1String(n.kind), c.natural);
            if (!item)
                return item.error();
            // A registration the national office rejected stays rejected (the applier refuses it).
            auto rejected = ExchangeSql::scalar(ctx.db,
                QStringLiteral("SELECT count(*) FROM review_parked WHERE review_id = ? AND uid = ?"), { item->id, c.uid });
            if (!rejected)
                return rejected.error();
            if (item->status == QLatin1String("resolved") && rejected.value().toInt() > 0)
                continue;
            if (item->status == QLatin1String("resolved")) {
                item->status = QStringLiteral("open");
                item->resolution.clear();
                item->chosenUid.clear();
            } else if (item->version == 1 && item->detail.isEmpty()) {
                ++summary.reviewItemsOpened;
            }
            // A centre's registration already here joins it (never the survey's record).
            QSqlQuery local(ctx.db);
            if (Status s = ExchangeSql::prepare(local,
                    QStringLiteral("SELECT uid FROM main.%1 WHERE %2 = ? AND uid <> ? AND owner_centre_id IS NOT NULL")
                        .arg(QLatin1String(n.table), QLatin1String(n.column)));
                !s)
                return s;
            if (Status s = Sql::run(local, { c.natural, c.uid }); !s)
                return s;
            QStringList localUids;
            while (local.next())
                localUids << local.value(0).toString();
            local.finish();
            for (const QString &uid : localUids)
                if (Status s = holdLocal(ctx, item->id, QLatin1String(n.table), uid); !s)
                    return s;
            // The incoming row.
            QSqlQuery row(ctx.db);
            const QString columns = TravellingTables::table(QLatin1String(n.table))->packageColumns().join(QStringLiteral(", "));
            if (Status s = ExchangeSql::prepare(row, QStringLiteral("SELECT %2 FROM %1 WHERE rowid = ?").arg(src, columns)); !s)
                return s;
            if (Status s = Sql::run(row, { c.rowid }); !s)
                return s;
            if (Status s = holdRows(ctx.db, item->id, QLatin1String(n.table), row, uidKey); !s)
                return s;
            row.finish();
            if (Status s = ExchangeSql::exec(ctx.db, QStringLiteral("DELETE FROM %1 WHERE rowid = ?").arg(src), { c.rowid }); !s)
                return s;
            ++summary[QLatin1String(n.table)].conflicts;
            if (Status s = describeDuplicate(ctx.db, item.value(), n); !s)
                return s;
        }
    }
    return holdDependents(ctx, summary);
}

namespace {

Status flagCorrections(const ApplyContext &ctx)
{
    QSqlQuery q(ctx.db);
    if (Status s = ExchangeSql::prepare(q,
            QStringLiteral("SELECT p.uid, p.owner_centre_id, t.uid, p.column_name, p.proposed_value, p.base_version, "
                           "t.version FROM main.proposal p JOIN main.teacher t ON t.id = p.teacher_id "
                           "JOIN temp.x_proposal x ON x.uid = p.uid WHERE x.action IN ('new', 'updated')"));
        !s)
        return s;
    if (Status s = Sql::run(q); !s)
        return s;
    struct Proposal
    {
        QString uid;
        int centre;
        QJsonObject detail;
    };
    std::vector<Proposal> proposals;
    while (q.next()) {
        const int base = q.value(5).toInt(), current = q.value(6).toInt();
        proposals.push_back({ q.value(0).toString(), q.value(1).toInt(),
            QJsonObject { { QStringLiteral("teacher"), q.value(2).toString() },
                { QStringLiteral("column"), q.value(3).toString() },
                { QStringLiteral("value"), q.value(4).isNull() ? QJsonValue() : QJsonValue(q.value(4).toString()) },
                { QStringLiteral("base_version"), base }, { QStringLiteral("changed_since"), current > base } } });
    }
    q.finish();
    for (const Proposal &p : proposals) {
        auto item = ReviewStore::ensure(ctx.db, QStringLiteral("correction"), p.uid);
        if (!item)
            return item.error();
        if (item->detail.isEmpty())
            ++ctx.summary->reviewItemsOpened;
        item->status = QStringLiteral("open");
        item->resolution.clear();
        item->detail = p.detail;
        item->centres = ReviewStore::centresText({ p.centre });
        if (Status s = ReviewStore::save(ctx.db, item.value()); !s)
            return s;
    }
    return {};
}

Status flagCapacity(const ApplyContext &ctx)
{
    // Active placements not rejected by a plan decision, per session.
    QSqlQuery q(ctx.db);
    if (Status s = ExchangeSql::prepare(q,
            QStringLiteral(
                "SELECT s.uid, s.capacity, p.uid, p.owner_centre_id FROM main.training_session s JOIN main.placement p ON "
                "p.session_id = s.id "
                "WHERE p.status <> 'cancelled' AND NOT EXISTS (SELECT 1 FROM main.plan_decision d WHERE d.placement_id = p.id "
                "AND "
                "d.decision = 'rejected') AND s.id IN (SELECT x.session_id FROM main.placement x WHERE x.status <> 'cancelled' "
                "GROUP BY "
                "x.session_id HAVING count(*) > (SELECT capacity FROM main.training_session WHERE id = x.session_id) AND "
                "count(DISTINCT coalesce(x.owner_centre_id, 0)) >= 2) ORDER BY s.uid, p.uid"));
        !s)
        return s;
    if (Status s = Sql::run(q); !s)
        return s;
    struct Session
    {
        int capacity = 0;
        QJsonArray placements;
        QList<int> centres;
    };
    std::map<QString, Session> sessions;
    while (q.next()) {
        Session &s = sessions[q.value(0).toString()];
        s.capacity = q.value(1).toInt();
        s.placements.append(q.value(2).toString());
        s.centres << q.value(3).toInt();
    }
    q.finish();
    for (auto &[uid, session] : sessions) {
        if (session.placements.size() <= session.capacity)
            continue;
        auto item = ReviewStore::ensure(ctx.db, QStringLiteral("capacity"), uid);
        if (!item)
            return item.error();
        const QJsonObject detail { { QStringLiteral("capacity"), session.capacity },
            { QStringLiteral("placements"), session.placements } };
        if (item->detail == detail)
            continue; // nothing new: an open item stays open, a decision stands
        if (item->detail.isEmpty())
            ++ctx.summary->reviewItemsOpened;
        item->detail = detail;
        item->status = QStringLiteral("open");
        item->resolution.clear();
        item->centres = ReviewStore::centresText(session.centres);
        if (Status s = ReviewStore::save(ctx.db, item.value()); !s)
            return s;
    }
    return {};
}

} // namespace

Status flagAfterApply(const ApplyContext &ctx)
{
    if (Status s = flagCorrections(ctx); !s)
        return s;
    return flagCapacity(ctx);
}

} // namespace kopru::ReviewDetection
