// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli stats DB --field CODE [--json]
#include "app/kopru-cli/commands/commands.h"
#include "models/db/database.h"
#include "models/stats/needstatistics.h"
#include "models/stats/statsformat.h"

#include <QJsonDocument>

namespace kopru::cli {

Syntax statsSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database to read (opened read-only).")) };
    syntax.options = {
        { QStringLiteral("field"), tr("Code of the pilot field (e.g. BIL)."), tr("CODE") },
        { QStringLiteral("json"), tr("Write one JSON document instead of a table.") },
    };
    syntax.required = { QStringLiteral("field") };
    return syntax;
}

int runStats(const Arguments &args, Io &io)
{
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(args.positionalArguments().constFirst(), options);
    if (!db)
        return fail(io, Usage, db.message());
    auto stats = stats::computeFieldStats(db.value()->connection(), args.value(QStringLiteral("field")));
    if (!stats)
        return fail(io, Usage, stats.message());
    if (args.isSet(QStringLiteral("json")))
        io.out << QString::fromUtf8(QJsonDocument(stats::toJson(stats.value())).toJson(QJsonDocument::Indented));
    else
        io.out << stats::toTextTable(stats.value());
    io.out.flush();
    return Success;
}

} // namespace kopru::cli
