// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/heldrows.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"
#include "models/exchange/aliaseffects.h"
#include "models/exchange/applytable.h"
#include "models/exchange/exchangesql.h"
#include "models/exchange/packagestaging.h"
#include "models/exchange/travellingtables.h"

#include <QSqlQuery>
#include <map>
#include <set>

namespace kopru::HeldRows {

namespace {

const QString kPrefix = QStringLiteral("temp.held_");

Status createTables(QSqlDatabase db)
{
    // A server has no untyped columns: the rows are staged in typed temporary
    // tables, as a received package's are.
    if (!SqlDialect::attachesFiles(SqlDialect::backendOf(db)))
        return PackageStaging::create(db, kPrefix);
    for (const QString &statement : TravellingTables::packageSchema(kPrefix)) {
        const QString table = statement.section(QLatin1Char(' '), 2, 2);
        if (Status s = ExchangeSql::exec(db, QStringLiteral("DROP TABLE IF EXISTS ") + table); !s)
            return s;
        if (Status s = ExchangeSql::exec(db, statement); !s)
            return s;
    }
    return {};
}

Status dropTables(QSqlDatabase db)
{
    for (const QString &statement : TravellingTables::packageSchema(kPrefix))
        if (Status s = ExchangeSql::exec(db, QStringLiteral("DROP TABLE IF EXISTS ") + statement.section(QLatin1Char(' '), 2, 2));
            !s)
            return s;
    return ApplyTable::dropTemporaryTables(db);
}

// `rowNumber` numbers the rows of a pass: the apply SQL finds a row by its rowid.
Status insert(QSqlDatabase db, const HeldRow &row, qint64 rowNumber)
{
    QStringList columns { QStringLiteral("rowid") }, marks { QStringLiteral("?") };
    QVariantList values { rowNumber };
    for (auto it = row.row.constBegin(); it != row.row.constEnd(); ++it) {
        columns << it.key();
        marks << QStringLiteral("?");
        values << it.value().toVariant();
    }
    QSqlQuery q(db);
    // Column names are those of the package form the rows were held in.
    if (Status s = ExchangeSql::prepare(q,
            QStringLiteral("INSERT INTO %1%2(%3) VALUES (%4)")
                .arg(kPrefix, row.table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
        !s)
        return s;
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    return Sql::run(q);
}

} // namespace

Expected<std::vector<std::pair<QString, QString>>> apply(QSqlDatabase db, const std::vector<HeldRow> &rows, ApplySummary &summary)
{
    auto me = DatabaseRole::read(db);
    if (!me)
        return me.error();
    // Rows are applied as their owner sent them: one pass per owning centre.
    std::map<int, std::vector<const HeldRow *>> byOwner;
    std::map<QString, int> ownerOfKey;
    for (const HeldRow &r : rows)
        if (!r.owner.isNull())
            ownerOfKey[r.key] = r.owner.toInt();
    for (const HeldRow &r : rows) {
        int owner = r.owner.isNull() ? 0 : r.owner.toInt();
        if (owner == 0) // a list row: its parent's owner
            owner
                = ownerOfKey.count(r.key.section(QLatin1Char(':'), 0, 0)) ? ownerOfKey[r.key.section(QLatin1Char(':'), 0, 0)] : 0;
        byOwner[owner].push_back(&r);
    }
    std::vector<std::pair<QString, QString>> added;
    for (const auto &[owner, list] : byOwner) {
        if (Status s = createTables(db); !s)
            return s.error();
        qint64 rowNumber = 0;
        for (const HeldRow *r : list)
            if (Status s = insert(db, *r, ++rowNumber); !s)
                return s.error();
        ApplyContext ctx;
        ctx.db = db;
        ctx.me = me.value();
        ctx.sender = owner > 0 ? DatabaseRole::centre(owner) : DatabaseRole::national();
        ctx.source = kPrefix;
        ctx.summary = &summary;
        if (Status s = AliasEffects::rewriteReferences(ctx); !s)
            return s.error();
        for (const TravellingTable &t : TravellingTables::tables()) {
            if (t.name == QLatin1String("uid_alias"))
                continue;
            if (Status s = ApplyTable::apply(ctx, t); !s)
                return s.error();
            for (const TravellingList &l : TravellingTables::lists())
                if (l.parent == t.name)
                    if (Status s = ApplyTable::applyList(ctx, l); !s)
                        return s.error();
            if (!t.keyedByUid() || !t.insertable)
                continue;
            QSqlQuery q(db);
            if (Status s = ExchangeSql::prepare(q, QStringLiteral("SELECT uid FROM temp.x_%1 WHERE action = 'new'").arg(t.name));
                !s)
                return s.error();
            if (Status s = Sql::run(q); !s)
                return s.error();
            while (q.next())
                added.emplace_back(t.local, q.value(0).toString());
        }
        if (Status s = dropTables(db); !s)
            return s.error();
    }
    return added;
}

} // namespace kopru::HeldRows
