// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli export DB plan|schedule|needs --format csv|xlsx|pdf|ics --out PATH
//                  [--field CODE] [--centre ID] [--partner ID] [--anonymize]
#include "models/cli/cliargs.h"
#include "models/db/database.h"
#include "models/export/exporter.h"
#include "models/export/heapgrowthscope.h"

#include <QCoreApplication>

namespace kopru::cli {

int runExport(const QStringList &raw, Io &io)
{
    using namespace kopru::exporting;
    const QString usage = QCoreApplication::translate("cli",
        "usage: kopru-cli export DB plan|schedule|needs --format csv|xlsx|pdf|ics --out PATH "
        "[--field CODE] [--centre ID] [--partner ID] [--anonymize]");
    Args args;
    QString error;
    if (!args.parse(raw,
            { QStringLiteral("--format"), QStringLiteral("--out"), QStringLiteral("--field"), QStringLiteral("--centre"),
                QStringLiteral("--partner") },
            { QStringLiteral("--anonymize") }, &error))
        return fail(io, Usage, error + QLatin1Char('\n') + usage);
    if (args.positional().size() != 2 || !args.has(QStringLiteral("--format")) || !args.has(QStringLiteral("--out")))
        return fail(io, Usage, usage);

    ExportRequest request;
    const auto kind = kindFromName(args.positional().at(1));
    if (!kind)
        return fail(io, Usage,
            QCoreApplication::translate("cli", "unknown export %1 (plan, schedule or needs)").arg(args.positional().at(1)));
    const auto format = formatFromName(args.value(QStringLiteral("--format")));
    if (!format)
        return fail(io, Usage,
            QCoreApplication::translate("cli", "unknown format %1 (csv, xlsx, pdf or ics)")
                .arg(args.value(QStringLiteral("--format"))));
    if (!isSupported(*kind, *format))
        return fail(io, Usage,
            QCoreApplication::translate("cli", "%1 cannot be exported as %2").arg(kindName(*kind), formatName(*format)));
    request.kind = *kind;
    request.format = *format;
    request.outPath = args.value(QStringLiteral("--out"));
    request.anonymize = args.has(QStringLiteral("--anonymize"));
    request.scope.fieldCode = args.value(QStringLiteral("--field"));
    bool ok = true;
    request.scope.centreId = args.intValue(QStringLiteral("--centre"), 0, 1, 1000000, &ok);
    if (!ok)
        return fail(io, Usage, QCoreApplication::translate("cli", "--centre needs a centre id (a positive number)"));
    request.scope.partnerId = args.intValue(QStringLiteral("--partner"), 0, 1, 100000000, &ok);
    if (!ok)
        return fail(io, Usage, QCoreApplication::translate("cli", "--partner needs a partner id (a positive number)"));
    if (request.kind == Kind::Needs && request.scope.partnerId != 0)
        return fail(io, Usage, QCoreApplication::translate("cli", "--partner does not apply to the needs analysis"));

    // Anonymised exports store the pseudonym key on first use: open writable then.
    Database::Options options;
    options.access = request.anonymize ? Database::Access::ReadWrite : Database::Access::ReadOnly;
    auto db = Database::open(args.positional().first(), options);
    if (!db)
        return fail(io, Usage, db.message());

    exporting::HeapGrowthScope::setGiveBackMemory(false); // the process ends after the export
    auto summary = runExport(db.value()->connection(), request, db.value()->isReadOnly());
    if (!summary)
        return fail(io, Usage, summary.message());
    if (!summary.value().pseudonymsStable)
        io.err << QCoreApplication::translate("cli",
            "warning: the database is read-only, so the pseudonyms of this export "
            "differ from those of other exports")
               << Qt::endl;
    QString what;
    switch (request.kind) {
    case Kind::Plan:
        what = request.format == Format::Ics
            ? QCoreApplication::translate("cli", "%n session(s)", nullptr, summary.value().rows)
            : QCoreApplication::translate("cli", "%n placement(s)", nullptr, summary.value().rows);
        break;
    case Kind::Schedule:
        what = QCoreApplication::translate("cli", "%n session(s)", nullptr, summary.value().rows);
        break;
    case Kind::Needs:
        what = QCoreApplication::translate("cli", "%n competenc(ies)", nullptr, summary.value().rows);
        break;
    }
    io.out << QCoreApplication::translate("cli", "%1: %2 exported as %3").arg(request.outPath, what, formatName(request.format));
    if (summary.value().pages > 0)
        io.out << QCoreApplication::translate("cli", " (%n page(s))", nullptr, summary.value().pages);
    if (request.anonymize)
        io.out << QCoreApplication::translate("cli", ", anonymised");
    io.out << Qt::endl;
    return Success;
}

} // namespace kopru::cli
