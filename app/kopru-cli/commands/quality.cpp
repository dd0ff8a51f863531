// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli quality DB [--json] [--by centre|field|province]
#include "app/kopru-cli/commands/commands.h"
#include "models/db/database.h"
#include "models/quality/qualityformat.h"
#include "models/quality/qualityindicators.h"

#include <QJsonDocument>

namespace kopru::cli {

Syntax qualitySyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database to read (opened read-only).")) };
    syntax.options = {
        { QStringLiteral("json"), tr("Write one JSON document instead of a table.") },
        { QStringLiteral("by"), tr("One line per centre, field or province."), tr("centre|field|province") },
    };
    return syntax;
}

int runQuality(const Arguments &args, Io &io)
{
    quality::Grouping grouping = quality::Grouping::Total;
    if (args.isSet(QStringLiteral("by"))) {
        const auto chosen = quality::groupingFromName(args.value(QStringLiteral("by")));
        if (!chosen)
            return fail(io, Usage, tr("--by takes centre, field or province, not \"%1\"").arg(args.value(QStringLiteral("by"))));
        grouping = *chosen;
    }
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(args.positionalArguments().constFirst(), options);
    if (!db)
        return fail(io, Usage, db.message());
    auto indicators = quality::computeQualityIndicators(db.value()->connection(), grouping);
    if (!indicators)
        return fail(io, Usage, indicators.message());
    if (args.isSet(QStringLiteral("json")))
        io.out << QString::fromUtf8(QJsonDocument(quality::toJson(indicators.value())).toJson(QJsonDocument::Indented));
    else
        io.out << quality::toTextTable(indicators.value());
    io.out.flush();
    return Success;
}

} // namespace kopru::cli
