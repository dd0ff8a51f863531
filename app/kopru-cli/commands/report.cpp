// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli report DB --field CODE --out FILE.pdf
#include "app/kopru-cli/commands/commands.h"
#include "models/db/database.h"
#include "models/report/needsreport.h"

#include <QFileInfo>

namespace kopru::cli {

Syntax reportSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database to read (opened read-only).")) };
    syntax.options = {
        { QStringLiteral("field"), tr("Code of the pilot field (e.g. BIL)."), tr("CODE") },
        { QStringLiteral("out"), tr("The PDF file to write."), tr("FILE.pdf") },
    };
    syntax.required = { QStringLiteral("field"), QStringLiteral("out") };
    return syntax;
}

int runReport(const Arguments &args, Io &io)
{
    const QString out = args.value(QStringLiteral("out"));
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(args.positionalArguments().constFirst(), options);
    if (!db)
        return fail(io, Usage, db.message());
    auto input = report::collectNeedsReport(db.value()->connection(), args.value(QStringLiteral("field")));
    if (!input)
        return fail(io, Usage, input.message());
    // Complete or not written at all: an existing file stays as it was on an error.
    if (Status s = report::writeNeedsReport(input.value(), out); !s)
        return fail(io, Usage, s.message());
    io.out << tr("report written to %1").arg(QFileInfo(out).filePath()) << Qt::endl;
    return Success;
}

} // namespace kopru::cli
