// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/packageapplier.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"
#include "models/exchange/aliaseffects.h"
#include "models/exchange/applytombstones.h"
#include "models/exchange/exchangesql.h"
#include "models/exchange/reviewdetection.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace kopru::PackageApplier {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(Package)
};

// At a centre: the national office's decisions about its own placements
// are carried out (a change of its own, which goes back up).
Status carryOutDecisions(const ApplyContext &ctx)
{
    const QString decided = QStringLiteral(
        "SELECT d.placement_id FROM main.plan_decision d JOIN main.placement p ON p.id = d.placement_id "
        "JOIN temp.x_plan_decision x ON x.uid = p.uid WHERE x.action IN ('new', 'updated') AND d.decision = '%1'");
    QSqlQuery q(ctx.db);
    if (Status s = ExchangeSql::prepare(q,
            QStringLiteral("UPDATE main.placement SET status = 'cancelled' WHERE status IN ('proposed', 'confirmed') "
                           "AND owner_centre_id = %1 AND id IN (%2)")
                .arg(ctx.me.centreId())
                .arg(decided.arg(QStringLiteral("rejected"))));
        !s)
        return s;
    if (Status s = Sql::run(q); !s)
        return s;
    ctx.summary->placementsCancelled += q.numRowsAffected();
    if (Status s = ExchangeSql::prepare(q,
            QStringLiteral("UPDATE main.placement SET status = 'confirmed' WHERE status = 'proposed' "
                           "AND owner_centre_id = %1 AND id IN (%2)")
                .arg(ctx.me.centreId())
                .arg(decided.arg(QStringLiteral("approved"))));
        !s)
        return s;
    if (Status s = Sql::run(q); !s)
        return s;
    ctx.summary->placementsConfirmed += q.numRowsAffected();
    return {};
}

} // namespace

Status apply(const ApplyContext &ctx)
{
    const auto &tables = TravellingTables::tables();
    // 1. Aliases, and what they do to this centre's own records.
    if (Status s = ApplyTable::apply(ctx, tables.front()); !s)
        return s;
    if (ctx.me.isCentre())
        if (Status s = AliasEffects::apply(ctx); !s)
            return s;
    if (Status s = AliasEffects::rewriteReferences(ctx); !s)
        return s;
    if (Status s = ApplyTable::mapSameSchools(ctx); !s)
        return s;
    // 2. Conflicts go to the review list (national office).
    if (ctx.me.isNational())
        if (Status s = ReviewDetection::holdDuplicates(ctx); !s)
            return s;
    // 3. Every table, parents first, with its lists.
    for (std::size_t i = 1; i < tables.size(); ++i) {
        if (Status s = ApplyTable::apply(ctx, tables[i]); !s)
            return s;
        for (const TravellingList &l : TravellingTables::lists())
            if (l.parent == tables[i].name)
                if (Status s = ApplyTable::applyList(ctx, l); !s)
                    return s;
    }
    // 4. Deletions and erasures.
    if (Status s = ApplyTombstones::apply(ctx); !s)
        return s;
    // 5. Consequences.
    if (ctx.me.isCentre()) {
        if (Status s = carryOutDecisions(ctx); !s)
            return s;
    } else if (Status s = ReviewDetection::flagAfterApply(ctx); !s) {
        return s;
    }
    // A server checks every reference as it is written (the statement fails); a file here.
    const QString check = SqlDialect::foreignKeyCheck(SqlDialect::backendOf(ctx.db));
    if (check.isEmpty())
        return {};
    auto broken = Sql::scalar(ctx.db, QStringLiteral("SELECT count(*) FROM (%1) b").arg(check));
    if (!broken)
        return broken.error();
    if (broken.value().toLongLong() > 0)
        return Status::failure(Text::tr(
            "applying the package would break %n reference(s) between records", nullptr, int(broken.value().toLongLong())));
    return {};
}

} // namespace kopru::PackageApplier
