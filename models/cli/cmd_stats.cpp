// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli stats DB --field CODE [--json]
#include "models/cli/cliargs.h"
#include "models/db/database.h"
#include "models/stats/needstatistics.h"
#include "models/stats/statsformat.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace kopru::cli {

int runStats(const QStringList &raw, Io &io)
{
    Args args;
    QString error;
    const QString usage = QCoreApplication::translate("cli", "usage: kopru-cli stats DB --field CODE [--json]");
    if (!args.parse(raw, { QStringLiteral("--field") }, { QStringLiteral("--json") }, &error))
        return fail(io, Usage, error);
    if (args.positional().size() != 1 || args.value(QStringLiteral("--field")).isEmpty())
        return fail(io, Usage, usage);
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(args.positional().first(), options);
    if (!db)
        return fail(io, Usage, db.message());
    auto stats = stats::computeFieldStats(db.value()->connection(), args.value(QStringLiteral("--field")));
    if (!stats)
        return fail(io, Usage, stats.message());
    if (args.has(QStringLiteral("--json")))
        io.out << QString::fromUtf8(QJsonDocument(stats::toJson(stats.value())).toJson(QJsonDocument::Indented));
    else
        io.out << stats::toTextTable(stats.value());
    io.out.flush();
    return Success;
}

} // namespace kopru::cli
