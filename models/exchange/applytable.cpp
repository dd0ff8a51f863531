// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/applytable.h"

#include "models/db/sql.h"
#include "models/exchange/exchangesql.h"
#include "models/exchange/packagesql.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QStringList>

namespace kopru::ApplyTable {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(Package)
};

QString x(const TravellingTable &t)
{
    return QStringLiteral("temp.x_") + t.name;
}

// The references of a table in key + content order.
std::vector<PackageColumn> refsOf(const TravellingTable &t)
{
    std::vector<PackageColumn> refs;
    for (const auto *part : { &t.key, &t.content })
        for (const PackageColumn &c : *part)
            if (c.isRef())
                refs.push_back(c);
    return refs;
}

int refIndex(const TravellingTable &t, const PackageColumn &c)
{
    const auto refs = refsOf(t);
    for (std::size_t i = 0; i < refs.size(); ++i)
        if (refs[i].name == c.name)
            return int(i);
    return -1;
}

// The key as one text (a tombstone's uid): the uid, or the key's parts joined by ':'.
QString keyText(const TravellingTable &t, const QString &alias)
{
    if (t.keyedByUid())
        return alias + QStringLiteral(".uid");
    QStringList parts;
    for (const PackageColumn &k : t.key)
        parts << (k.isRef() ? alias + QLatin1Char('.') + k.name : QStringLiteral("CAST(%1.%2 AS TEXT)").arg(alias, k.name));
    return parts.join(QStringLiteral(" || ':' || "));
}

Status run(QSqlDatabase db, const QString &sql)
{
    return ExchangeSql::exec(db, sql);
}

// Sets `action` of the rows not yet classified that match `condition`.
Status mark(const ApplyContext &ctx, const TravellingTable &t, const char *action, const QString &condition)
{
    return run(ctx.db,
        QStringLiteral("UPDATE %1 SET action = '%2' WHERE action IS NULL AND (%3)").arg(x(t), QLatin1String(action), condition));
}

QString inList(const QString &column, const QString &select)
{
    return QStringLiteral("%1 IN (%2)").arg(column, select);
}

Status classify(const ApplyContext &ctx, const TravellingTable &t)
{
    const auto refs = refsOf(t);
    QStringList cols, joins;
    cols << QStringLiteral("p.rowid AS prow") << keyText(t, QStringLiteral("p")) + QStringLiteral(" AS uid")
         << QStringLiteral("p.version AS version")
         << (t.owner == OwnerRule::RowOwner ? QStringLiteral("p.owner_centre_id") : QStringLiteral("NULL"))
            + QStringLiteral(" AS incoming_owner")
         << QStringLiteral("l.%1 AS local_version").arg(t.version)
         << PackageSql::ownerExpression(t, QStringLiteral("l")) + QStringLiteral(" AS local_owner");
    for (std::size_t i = 0; i < refs.size(); ++i) {
        cols << QStringLiteral("k%1.id AS ref_%1").arg(i) << QStringLiteral("p.%1 AS ref_uid_%2").arg(refs[i].name).arg(i);
        joins << QStringLiteral("LEFT JOIN main.%1 k%2 ON k%2.uid = p.%3").arg(refs[i].refTable).arg(i).arg(refs[i].name);
    }
    QStringList match;
    if (t.keyedByUid()) {
        match << QStringLiteral("l.uid = p.uid");
    } else {
        for (const PackageColumn &k : t.key)
            match << (k.isRef() ? QStringLiteral("l.%1 = k%2.id").arg(k.local).arg(refIndex(t, k))
                                : QStringLiteral("l.%1 = p.%2").arg(k.local, k.name));
    }
    joins << QStringLiteral("LEFT JOIN main.%1 l ON %2").arg(t.local, match.join(QStringLiteral(" AND ")));
    cols << QStringLiteral("CAST(NULL AS TEXT) AS action");
    if (Status s = run(ctx.db, QStringLiteral("DROP TABLE IF EXISTS %1").arg(x(t))); !s)
        return s;
    if (Status s = run(ctx.db,
            QStringLiteral("CREATE TABLE %1 AS SELECT %2 FROM %3 p %4")
                .arg(x(t), cols.join(QStringLiteral(", ")), ctx.src(t.name), joins.join(QLatin1Char(' '))));
        !s)
        return s;

    // 1. Rows of a person erased here (KVKK): never applied again.
    const QString erased = QStringLiteral("SELECT uid FROM main.tombstone WHERE table_name = 'teacher' AND erased = 1");
    QStringList erasedRefs;
    if (t.keyedByUid() && t.local == QLatin1String("teacher"))
        erasedRefs << inList(QStringLiteral("uid"), erased);
    for (std::size_t i = 0; i < refs.size(); ++i)
        if (refs[i].refTable == QLatin1String("teacher"))
            erasedRefs << inList(QStringLiteral("ref_uid_%1").arg(i), erased);
    if (!erasedRefs.isEmpty())
        if (Status s = mark(ctx, t, "erased", erasedRefs.join(QStringLiteral(" OR "))); !s)
            return s;
    // 2. Records the national office merged into another (their alias stands for them now).
    if (t.keyedByUid()
        && (t.local == QLatin1String("teacher") || t.local == QLatin1String("partner") || t.local == QLatin1String("school")))
        if (Status s = mark(ctx, t, "merged", inList(QStringLiteral("uid"), QStringLiteral("SELECT uid FROM main.uid_alias")));
            !s)
            return s;
    // 3. Not the sender's to send: a centre sends what it owns; the national
    //    office does not send a centre what the centre owns.
    if (ctx.sender.isCentre()) {
        const QString c = QString::number(ctx.sender.centreId());
        const QString cond = t.owner == OwnerRule::National ? QStringLiteral("1 = 1")
            : t.owner == OwnerRule::RowOwner                ? QStringLiteral("incoming_owner IS NOT ") + c
                                                            : QStringLiteral("local_owner IS NOT ") + c;
        if (Status s = mark(ctx, t, "foreign", cond); !s)
            return s;
    } else if (t.owner == OwnerRule::RowOwner && ctx.me.isCentre()) {
        if (Status s = mark(ctx, t, "foreign", QStringLiteral("incoming_owner = %1").arg(ctx.me.centreId())); !s)
            return s;
    }
    // 4. Registrations the national office rejected, and what depends on them.
    if (ctx.me.isNational()) {
        const QString rejected
            = QStringLiteral("SELECT rp.uid FROM main.review_parked rp JOIN main.review_item r ON r.id = rp.review_id "
                             "WHERE r.status = 'resolved'");
        QStringList cond { inList(QStringLiteral("uid"), rejected) };
        for (std::size_t i = 0; i < refs.size(); ++i)
            cond << inList(QStringLiteral("ref_uid_%1").arg(i), rejected);
        if (Status s = mark(ctx, t, "rejected", cond.join(QStringLiteral(" OR "))); !s)
            return s;
    }
    // 5. A centre holds back a record whose national ID or tax number another
    //    of its records has: the national office decides (review list).
    if (ctx.me.isCentre() && t.keyedByUid() && t.local == t.name) {
        QString natural;
        if (t.name == QLatin1String("teacher"))
            natural = QStringLiteral("l2.national_id = p2.national_id");
        else if (t.name == QLatin1String("partner"))
            natural = QStringLiteral("l2.tax_number = p2.tax_number");
        if (!natural.isEmpty())
            if (Status s = mark(ctx, t, "conflict",
                    inList(QStringLiteral("prow"),
                        QStringLiteral("SELECT p2.rowid FROM %1 p2 JOIN main.%2 l2 ON %3 AND l2.uid <> p2.uid")
                            .arg(ctx.src(t.name), t.local, natural)));
                !s)
                return s;
    }
    // 6. Rows that name a record held back or refused above share its fate.
    for (std::size_t i = 0; i < refs.size(); ++i) {
        const TravellingTable *parent = TravellingTables::table(refs[i].refTable);
        if (!parent || parent->name == t.name)
            continue;
        if (Status s = run(ctx.db,
                QStringLiteral("UPDATE %1 SET action = (SELECT y.action FROM %2 y WHERE y.uid = %1.ref_uid_%3) "
                               "WHERE action IS NULL AND ref_%3 IS NULL AND ref_uid_%3 IN (SELECT uid FROM %2 WHERE "
                               "action NOT IN ('new', 'updated', 'unchanged'))")
                    .arg(x(t), x(*parent))
                    .arg(i));
            !s)
            return s;
    }
    // 7. Deleted here after that version: stays deleted.
    if (t.insertable)
        if (Status s = mark(ctx, t, "unchanged",
                QStringLiteral("EXISTS (SELECT 1 FROM main.tombstone tb WHERE tb.table_name = '%1' AND "
                               "tb.uid = %2.uid AND tb.version >= %2.version)")
                    .arg(t.local, x(t)));
            !s)
            return s;
    // 8.–10. New, newer (from the row's owner), or what this database has already.
    if (t.insertable)
        if (Status s = mark(ctx, t, "new", QStringLiteral("local_version IS NULL")); !s)
            return s;
    // The part of a row that this application just made (a new teacher's
    // record): the package's copy, whatever the versions say.
    if (!t.insertable)
        if (Status s = mark(ctx, t, "updated",
                inList(QStringLiteral("uid"), QStringLiteral("SELECT uid FROM temp.x_%1 WHERE action = 'new'").arg(t.local)));
            !s)
            return s;
    const QString sameOwner = t.owner == OwnerRule::RowOwner
        ? QStringLiteral(" AND (local_owner IS incoming_owner OR local_version = 0)")
        : QString();
    if (Status s = mark(ctx, t, "updated", QStringLiteral("version > local_version") + sameOwner); !s)
        return s;
    if (Status s = mark(ctx, t, "refused", QStringLiteral("version > local_version OR local_version IS NULL")); !s)
        return s;
    if (Status s = mark(ctx, t, "unchanged", QStringLiteral("1 = 1")); !s)
        return s;

    // What is written must name only records this database has.
    for (std::size_t i = 0; i < refs.size(); ++i) {
        auto missing = ExchangeSql::scalar(ctx.db,
            QStringLiteral("SELECT ref_uid_%2 FROM %1 WHERE action IN ('new', 'updated') AND ref_uid_%2 IS NOT NULL "
                           "AND ref_%2 IS NULL LIMIT 1")
                .arg(x(t))
                .arg(i));
        if (!missing)
            return missing.error();
        if (missing.value().isValid())
            return Status::failure(
                Text::tr("the package's table %1 refers to a record of %2 that this database does not have (id %3)")
                    .arg(t.name, refs[i].refTable, missing.value().toString()));
    }
    return {};
}

Status count(const ApplyContext &ctx, const TravellingTable &t)
{
    QSqlQuery q(ctx.db);
    if (Status s = ExchangeSql::prepare(q, QStringLiteral("SELECT action, count(*) FROM %1 GROUP BY action").arg(x(t))); !s)
        return s;
    if (Status s = Sql::run(q); !s)
        return s;
    TableCounts &c = (*ctx.summary)[t.name];
    while (q.next()) {
        const QString a = q.value(0).toString();
        const qint64 n = q.value(1).toLongLong();
        if (a == QLatin1String("new"))
            c.added += n;
        else if (a == QLatin1String("updated"))
            c.updated += n;
        else if (a == QLatin1String("unchanged"))
            c.unchanged += n;
        else if (a == QLatin1String("conflict"))
            c.conflicts += n;
        else
            c.refused += n;
    }
    return {};
}

// The values written for each local column: key and content, owner, version, times, change mark.
struct Written
{
    QStringList locals, values;
};

Written written(const TravellingTable &t)
{
    Written w;
    const auto add = [&](const PackageColumn &c) {
        w.locals << c.local;
        w.values << (c.isRef() ? QStringLiteral("x.ref_%1").arg(refIndex(t, c)) : QStringLiteral("p.") + c.name);
    };
    for (const PackageColumn &c : t.key)
        add(c);
    for (const PackageColumn &c : t.content)
        add(c);
    if (t.owner == OwnerRule::RowOwner) {
        w.locals << QStringLiteral("owner_centre_id");
        w.values << QStringLiteral("p.owner_centre_id");
    }
    w.locals << t.version;
    w.values << QStringLiteral("p.version");
    if (!t.modifiedAt.isEmpty()) {
        w.locals << t.modifiedAt << t.modifiedBy;
        w.values << QStringLiteral("p.modified_at") << QStringLiteral("p.modified_by");
    }
    w.locals << QStringLiteral("change_serial"); // changed here: forwarded to whoever else needs it
    w.values << QStringLiteral("CAST(NULL AS INTEGER)"); // typed: a server takes no untyped NULL for an integer
    return w;
}

Status write(const ApplyContext &ctx, const TravellingTable &t)
{
    const Written w = written(t);
    const QString rows = QStringLiteral("FROM %1 p JOIN %2 x ON x.prow = p.rowid WHERE x.action IN ('new', 'updated')")
                             .arg(ctx.src(t.name), x(t));
    if (!t.insertable) {
        // A part of a row another table made: UPDATE … FROM (SQLite ≥ 3.33, PostgreSQL).
        QStringList sets;
        for (int i = 0; i < w.locals.size(); ++i)
            if (w.locals.at(i) != QLatin1String("uid"))
                sets << QStringLiteral("%1 = u.c%2").arg(w.locals.at(i)).arg(i);
        QStringList selected;
        for (int i = 0; i < w.values.size(); ++i)
            selected << QStringLiteral("%1 AS c%2").arg(w.values.at(i)).arg(i);
        return run(ctx.db,
            QStringLiteral("UPDATE main.%1 SET %2 FROM (SELECT p.uid AS uid, %3 %4) AS u WHERE %1.uid = u.uid")
                .arg(t.local, sets.join(QStringLiteral(", ")), selected.join(QStringLiteral(", ")), rows));
    }
    // A record deleted here earlier and changed since by its owner comes back.
    if (Status s = run(ctx.db,
            QStringLiteral(
                "DELETE FROM main.tombstone WHERE table_name = '%1' AND uid IN (SELECT uid FROM %2 WHERE action = 'new')")
                .arg(t.local, x(t)));
        !s)
        return s;
    QStringList conflictTarget, updates;
    for (const PackageColumn &k : t.key)
        conflictTarget << k.local;
    for (int i = int(t.key.size()); i < w.locals.size(); ++i)
        updates << QStringLiteral("%1 = excluded.%1").arg(w.locals.at(i));
    const QString newer = t.owner == OwnerRule::RowOwner
        ? QStringLiteral("excluded.%2 > %1.%2 OR %1.%2 = 0").arg(t.local, t.version)
        : QStringLiteral("excluded.%2 > %1.%2").arg(t.local, t.version);
    return run(ctx.db,
        QStringLiteral("INSERT INTO main.%1(%2) SELECT %3 %4 ON CONFLICT(%5) DO UPDATE SET %6 WHERE %7")
            .arg(t.local, w.locals.join(QStringLiteral(", ")), w.values.join(QStringLiteral(", ")), rows,
                conflictTarget.join(QStringLiteral(", ")), updates.join(QStringLiteral(", ")), newer));
}

} // namespace

Status apply(const ApplyContext &ctx, const TravellingTable &table)
{
    auto present = ExchangeSql::scalar(ctx.db, QStringLiteral("SELECT count(*) FROM %1").arg(ctx.src(table.name)));
    if (!present)
        return present.error();
    if (Status s = classify(ctx, table); !s)
        return s;
    if (Status s = count(ctx, table); !s)
        return s;
    if (present.value().toLongLong() == 0)
        return {};
    return write(ctx, table);
}

Status applyList(const ApplyContext &ctx, const TravellingList &list)
{
    const TravellingTable *parent = TravellingTables::table(list.parent);
    const QString applied = QStringLiteral("SELECT uid FROM temp.x_%1 WHERE action IN ('new', 'updated')").arg(parent->name);
    auto missing = ExchangeSql::scalar(ctx.db,
        QStringLiteral("SELECT p.%1 FROM %2 p LEFT JOIN main.%3 t ON t.uid = p.%1 WHERE t.id IS NULL AND p.%4 IN (%5) LIMIT 1")
            .arg(list.targetKey(), ctx.src(list.name), list.target, list.parentKey(), applied));
    if (!missing)
        return missing.error();
    if (missing.value().isValid())
        return Status::failure(
            Text::tr("the package's table %1 refers to a record of %2 that this database does not have (id %3)")
                .arg(list.name, list.target, missing.value().toString()));
    if (Status s = run(ctx.db,
            QStringLiteral("DELETE FROM main.%1 WHERE %2 IN (SELECT id FROM main.%3 WHERE uid IN (%4))")
                .arg(list.name, list.parentColumn, list.parent, applied));
        !s)
        return s;
    QSqlQuery q(ctx.db);
    if (Status s = ExchangeSql::prepare(q,
            QStringLiteral("INSERT INTO main.%1(%2, %3) SELECT a.id, t.id FROM %4 p JOIN main.%5 a ON a.uid = p.%6 "
                           "JOIN main.%7 t ON t.uid = p.%8 WHERE p.%6 IN (%9)")
                .arg(list.name, list.parentColumn, list.targetColumn, ctx.src(list.name), list.parent, list.parentKey(),
                    list.target, list.targetKey(), applied));
        !s)
        return s;
    if (Status s = Sql::run(q); !s)
        return s;
    (*ctx.summary)[list.name].added += q.numRowsAffected();
    return {};
}

Status mapSameSchools(const ApplyContext &ctx)
{
    // The incoming school and the local one are one school: the package's
    // references name the local one and the incoming row is left out.
    const QString same
        = QStringLiteral("SELECT p.uid AS incoming, l.uid AS local FROM %1 p JOIN main.school l ON l.name = p.name AND "
                         "l.province_id = p.province_id AND l.district = p.district AND l.uid <> p.uid")
              .arg(ctx.src(QStringLiteral("school")));
    auto n = ExchangeSql::scalar(ctx.db, QStringLiteral("SELECT count(*) FROM (%1) s").arg(same));
    if (!n)
        return n.error();
    if (n.value().toLongLong() == 0)
        return {};
    if (Status s = run(ctx.db,
            QStringLiteral("UPDATE %1 SET school_uid = (SELECT s.local FROM (%2) s WHERE s.incoming = school_uid) "
                           "WHERE school_uid IN (SELECT incoming FROM (%2) s)")
                .arg(ctx.src(QStringLiteral("teacher")), same));
        !s)
        return s;
    if (Status s = run(ctx.db,
            QStringLiteral("DELETE FROM %1 WHERE uid IN (SELECT incoming FROM (%2) s)")
                .arg(ctx.src(QStringLiteral("school")), same));
        !s)
        return s;
    (*ctx.summary)[QStringLiteral("school")].unchanged += n.value().toLongLong();
    return {};
}

Status dropTemporaryTables(QSqlDatabase db)
{
    for (const TravellingTable &t : TravellingTables::tables())
        if (Status s = run(db, QStringLiteral("DROP TABLE IF EXISTS %1").arg(x(t))); !s)
            return s;
    return {};
}

} // namespace kopru::ApplyTable
