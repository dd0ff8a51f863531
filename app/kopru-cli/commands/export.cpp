// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli export DB plan|schedule|needs|unplaced --format csv|xlsx|pdf|ics --out PATH
//                  [--field CODE] [--centre ID] [--partner ID] [--anonymize]
#include "app/kopru-cli/commands/commands.h"
#include "app/kopru-cli/databaseaccess.h"
#include "models/db/database.h"
#include "models/db/serverurl.h"
#include "models/export/exporter.h"
#include "models/safety/backupmanager.h"
#include "models/safety/writeaccess.h"

namespace kopru::cli {

Syntax exportSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database to export from.")),
        { QStringLiteral("plan|schedule|needs|unplaced"),
            tr("What to export: the placement plan, the session schedule, the needs analysis or the teachers without a "
               "placement (with the reason).") } };
    syntax.options = {
        { QStringLiteral("format"), tr("File format (ics: plan and schedule only; unplaced: csv and xlsx)."),
            QStringLiteral("csv|xlsx|pdf|ics") },
        { QStringLiteral("out"), tr("The file to write."), tr("PATH") },
        { QStringLiteral("field"), tr("Only this pilot field."), tr("CODE") },
        { QStringLiteral("centre"), tr("Only this training centre."), tr("ID") },
        { QStringLiteral("partner"), tr("Only this partner (plan and schedule)."), tr("ID") },
        { QStringLiteral("anonymize"), tr("Replace names and national IDs by stable pseudonyms.") },
    };
    syntax.required = { QStringLiteral("format"), QStringLiteral("out") };
    return syntax;
}

int runExport(const Arguments &args, Io &io)
{
    using namespace kopru::exporting;
    ExportRequest request;
    const QString kindText = args.positionalArguments().at(1);
    const auto kind = kindFromName(kindText);
    if (!kind)
        return fail(io, Usage, tr("unknown export %1 (plan, schedule, needs or unplaced)").arg(kindText));
    const auto format = formatFromName(args.value(QStringLiteral("format")));
    if (!format)
        return fail(io, Usage, tr("unknown format %1 (csv, xlsx, pdf or ics)").arg(args.value(QStringLiteral("format"))));
    if (!isSupported(*kind, *format))
        return fail(io, Usage, tr("%1 cannot be exported as %2").arg(kindName(*kind), formatName(*format)));
    request.kind = *kind;
    request.format = *format;
    request.outPath = args.value(QStringLiteral("out"));
    request.anonymize = args.isSet(QStringLiteral("anonymize"));
    request.scope.fieldCode = args.value(QStringLiteral("field"));
    bool ok = true;
    request.scope.centreId = intOption(args, QStringLiteral("centre"), 0, 1, 1000000, &ok);
    if (!ok)
        return fail(io, Usage, tr("--centre needs a centre id (a positive number)"));
    request.scope.partnerId = intOption(args, QStringLiteral("partner"), 0, 1, 100000000, &ok);
    if (!ok)
        return fail(io, Usage, tr("--partner needs a partner id (a positive number)"));
    if (request.kind == Kind::Needs && request.scope.partnerId != 0)
        return fail(io, Usage, tr("--partner does not apply to the needs analysis"));
    if (request.kind == Kind::Unplaced && request.scope.partnerId != 0)
        return fail(io, Usage, tr("--partner does not apply to the unplaced teachers"));

    // Anonymised exports store the pseudonym key on first use: they write,
    // so they open the database as every writer does (its lock, a read-only
    // check). While another Köprü program holds it, the export reads only
    // (and says that its pseudonyms are not the stable ones).
    const QString path = args.positionalArguments().constFirst();
    WriteSession session;
    std::unique_ptr<Database> readOnly;
    WriteRefusal why = WriteRefusal::InUse;
    if (request.anonymize && ServerUrl::isServerUrl(path)) {
        // A server database carries several writers itself: no lock to wait for.
        BackupManager backups;
        int code = Usage;
        auto opened = openToWrite(path, backups, io, &code, Place::FileOrServer);
        if (!opened)
            return code;
        session = std::move(opened.value());
    } else if (request.anonymize) {
        BackupManager backups;
        auto opened = openForWriting(path, backups, &why);
        if (opened)
            session = std::move(opened.value());
        else if (why == WriteRefusal::Damaged)
            return refuseDamaged(io, path, opened.error());
        else if (why != WriteRefusal::InUse)
            return fail(io, Usage, opened.message());
    }
    if (!session.db) {
        auto opened = Database::open(path, Database::Options { Database::Access::ReadOnly, false, {} });
        if (!opened)
            return fail(io, Usage, opened.message());
        readOnly = std::move(opened.value());
    }
    const Database &db = session.db ? *session.db : *readOnly;

    auto summary = exporting::runExport(db.connection(), request, db.isReadOnly());
    if (!summary)
        return fail(io, Usage, summary.message());
    if (!summary.value().pseudonymsStable)
        io.err << tr("warning: the pseudonym key could not be stored (the database is read-only or in use by another "
                     "Köprü program), so the pseudonyms of this export differ from those of other exports")
               << Qt::endl;
    QString what;
    switch (request.kind) {
    case Kind::Plan:
        what = tr("%n placement(s)", nullptr, summary.value().rows);
        break;
    case Kind::Schedule:
        what = tr("%n session(s)", nullptr, summary.value().rows);
        break;
    case Kind::Needs:
        what = tr("%n competenc(ies)", nullptr, summary.value().rows);
        break;
    case Kind::Unplaced:
        what = tr("%n unplaced teacher(s)", nullptr, summary.value().rows);
        break;
    }
    io.out << tr("%1: %2 exported as %3").arg(request.outPath, what, formatName(request.format));
    if (summary.value().pages > 0)
        io.out << tr(" (%n page(s))", nullptr, summary.value().pages);
    if (request.anonymize)
        io.out << tr(", anonymised");
    io.out << Qt::endl;
    return Success;
}

} // namespace kopru::cli
