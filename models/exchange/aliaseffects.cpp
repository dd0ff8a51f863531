// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/aliaseffects.h"

#include "models/db/sql.h"
#include "models/exchange/exchangesql.h"

#include <QSqlQuery>

namespace kopru::AliasEffects {

namespace {

struct Alias
{
    QString table, alias, target;
    QVariant targetOwner;
};

// What refers to a record of `table`, and how to move it to another.
Status repoint(QSqlDatabase db, const QString &table, qint64 from, qint64 to)
{
    if (table == QLatin1String("teacher")) {
        // One active placement per teacher: the merged record's gives way.
        if (Status s = ExchangeSql::exec(db,
                QStringLiteral("UPDATE placement SET status = 'cancelled' WHERE teacher_id = ? AND status <> 'cancelled' "
                               "AND EXISTS (SELECT 1 FROM placement p WHERE p.teacher_id = ? AND p.status <> 'cancelled')"),
                { from, to });
            !s)
            return s;
        for (const char *sql : { "UPDATE placement SET teacher_id = ? WHERE teacher_id = ?",
                 "UPDATE proposal SET teacher_id = ? WHERE teacher_id = ?" })
            if (Status s = ExchangeSql::exec(db, QString::fromLatin1(sql), { to, from }); !s)
                return s;
        return ExchangeSql::exec(db, QStringLiteral("DELETE FROM need_rating WHERE teacher_id = ?"), { from });
    }
    if (table == QLatin1String("partner")) {
        if (Status s = ExchangeSql::exec(db, QStringLiteral("DELETE FROM partner_competency WHERE partner_id = ?"), { from }); !s)
            return s;
        return ExchangeSql::exec(db,
            QStringLiteral("UPDATE training_session SET partner_id = ? WHERE partner_id = ? AND owner_centre_id IS "
                           "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'centre_id')"),
            { to, from });
    }
    // A school: the teachers this centre registered name the other one;
    // the national office's copies of the others come with its next package.
    return ExchangeSql::exec(db,
        QStringLiteral("UPDATE teacher SET school_id = ? WHERE school_id = ? AND owner_centre_id IS "
                       "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'centre_id')"),
        { to, from });
}

} // namespace

Status apply(const ApplyContext &ctx)
{
    QSqlQuery q(ctx.db);
    if (Status s = ExchangeSql::prepare(q,
            QStringLiteral("SELECT a.table_name, a.uid, a.target_uid, a.target_owner_centre_id FROM main.uid_alias a "
                           "JOIN temp.x_uid_alias x ON x.uid = a.uid WHERE x.action IN ('new', 'updated')"));
        !s)
        return s;
    if (Status s = Sql::run(q); !s)
        return s;
    std::vector<Alias> aliases;
    while (q.next())
        aliases.push_back({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3) });
    q.finish();
    for (const Alias &a : aliases) {
        if (a.table != QLatin1String("teacher") && a.table != QLatin1String("partner") && a.table != QLatin1String("school"))
            continue;
        auto from = ExchangeSql::scalar(ctx.db, QStringLiteral("SELECT id FROM main.%1 WHERE uid = ?").arg(a.table), { a.alias });
        auto to = ExchangeSql::scalar(ctx.db, QStringLiteral("SELECT id FROM main.%1 WHERE uid = ?").arg(a.table), { a.target });
        if (!from || !to)
            return Status::failure(QStringLiteral("cannot read the records of an alias"));
        if (!from.value().isValid())
            continue; // not here: nothing to do
        if (to.value().isValid()) {
            if (Status s = repoint(ctx.db, a.table, from.value().toLongLong(), to.value().toLongLong()); !s)
                return s;
            if (Status s
                = ExchangeSql::exec(ctx.db, QStringLiteral("DELETE FROM main.%1 WHERE id = ?").arg(a.table), { from.value() });
                !s)
                return s;
            // Merged, not deleted: no tombstone travels for it.
            if (Status s = ExchangeSql::exec(
                    ctx.db, QStringLiteral("DELETE FROM main.tombstone WHERE table_name = ? AND uid = ?"), { a.table, a.alias });
                !s)
                return s;
            ++ctx.summary->recordsMerged;
        } else {
            if (Status s = ExchangeSql::exec(ctx.db,
                    QStringLiteral("UPDATE main.%1 SET uid = ?, owner_centre_id = ?, version = 0, change_serial = 0 "
                                   "WHERE id = ?")
                        .arg(a.table),
                    { a.target, a.targetOwner, from.value() });
                !s)
                return s;
            ++ctx.summary->recordsRekeyed;
        }
    }
    return {};
}

Status rewriteReferences(const ApplyContext &ctx)
{
    auto any = ExchangeSql::scalar(ctx.db, QStringLiteral("SELECT count(*) FROM main.uid_alias"));
    if (!any)
        return any.error();
    if (any.value().toLongLong() == 0)
        return {};
    const auto rewrite = [&ctx](const QString &table, const QString &column) {
        return ExchangeSql::exec(ctx.db,
            QStringLiteral("UPDATE %1 SET %2 = (SELECT a.target_uid FROM main.uid_alias a WHERE a.uid = %1.%2) "
                           "WHERE %2 IN (SELECT uid FROM main.uid_alias)")
                .arg(ctx.src(table), column));
    };
    for (const TravellingTable &t : TravellingTables::tables()) {
        if (t.name == QLatin1String("uid_alias"))
            continue;
        // Content references only: a key naming an alias is a row about the
        // record that went away (counted as merged), and lists travel with
        // their parent row, which is merged away as a whole.
        for (const PackageColumn &c : t.content)
            if (c.isRef()
                && (c.refTable == QLatin1String("teacher") || c.refTable == QLatin1String("partner")
                    || c.refTable == QLatin1String("school")))
                if (Status s = rewrite(t.name, c.name); !s)
                    return s;
    }
    return {};
}

} // namespace kopru::AliasEffects
