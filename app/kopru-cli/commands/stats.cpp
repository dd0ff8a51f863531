// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli stats DB --field CODE [--round 1|2 | --compare-rounds] [--json]
#include "app/kopru-cli/commands/commands.h"
#include "models/db/database.h"
#include "models/stats/needstatistics.h"
#include "models/stats/roundcomparison.h"
#include "models/stats/statsformat.h"

#include <QJsonDocument>

namespace kopru::cli {

Syntax statsSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database to read (opened read-only).")) };
    syntax.options = {
        { QStringLiteral("field"), tr("Code of the pilot field (e.g. BIL)."), tr("CODE") },
        { QStringLiteral("round"),
            tr("The survey round to analyse: 1 (the needs survey) or 2 (after the training); default: the field's latest."),
            QStringLiteral("1|2") },
        { QStringLiteral("compare-rounds"),
            tr("Compare survey rounds 1 and 2 per competency: mean need before and after, the change and its 95 % "
               "confidence interval.") },
        { QStringLiteral("json"), tr("Write one JSON document instead of a table.") },
    };
    syntax.required = { QStringLiteral("field") };
    return syntax;
}

int runStats(const Arguments &args, Io &io)
{
    int round = 0;
    if (args.isSet(QStringLiteral("round"))) {
        const QString value = args.value(QStringLiteral("round")).trimmed();
        if (value != QLatin1String("1") && value != QLatin1String("2"))
            return fail(io, Usage, tr("--round: %1 is no survey round (1 or 2)").arg(value));
        round = value.toInt();
    }
    const bool compare = args.isSet(QStringLiteral("compare-rounds"));
    if (compare && round > 0)
        return fail(io, Usage, tr("--round and --compare-rounds exclude each other"));
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(args.positionalArguments().constFirst(), options);
    if (!db)
        return fail(io, Usage, db.message());
    const QString field = args.value(QStringLiteral("field"));
    const bool json = args.isSet(QStringLiteral("json"));
    if (compare) {
        auto comparison = stats::computeRoundComparison(db.value()->connection(), field);
        if (!comparison)
            return fail(io, Usage, comparison.message());
        if (json)
            io.out << QString::fromUtf8(QJsonDocument(stats::toJson(comparison.value())).toJson(QJsonDocument::Indented));
        else
            io.out << stats::toTextTable(comparison.value());
        io.out.flush();
        return Success;
    }
    auto stats = stats::computeFieldStats(db.value()->connection(), field, {}, round);
    if (!stats)
        return fail(io, Usage, stats.message());
    if (json)
        io.out << QString::fromUtf8(QJsonDocument(stats::toJson(stats.value())).toJson(QJsonDocument::Indented));
    else
        io.out << stats::toTextTable(stats.value());
    io.out.flush();
    return Success;
}

} // namespace kopru::cli
