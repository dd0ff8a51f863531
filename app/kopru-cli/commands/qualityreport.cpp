// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli quality-report DB --period 2027H1 --out FILE.pdf|FILE.xlsx [--xlsx FILE.xlsx] [--lang tr|en]
#include "models/report/qualityreport.h"

#include "app/kopru-cli/commands/commands.h"
#include "models/db/database.h"
#include "models/report/reportlanguage.h"

#include <QFileInfo>

namespace kopru::cli {

namespace {

bool hasSuffix(const QString &path, const char *suffix)
{
    return QFileInfo(path).suffix().compare(QLatin1String(suffix), Qt::CaseInsensitive) == 0;
}

// The report in `language`, to the files that are not empty; each complete or
// not written at all (an existing file stays as it was on an error). Messages
// stay in the user's language.
Status write(QSqlDatabase db, const quality::Period &period, const QString &language, const QString &pdf, const QString &xlsx)
{
    const report::ReportLanguage reportLanguage(language);
    auto input = report::collectQualityReport(db, period);
    if (!input)
        return input.error();
    if (!pdf.isEmpty())
        if (Status s = report::writeQualityReportPdf(input.value(), pdf); !s)
            return s;
    if (!xlsx.isEmpty())
        return report::writeQualityReportXlsx(input.value(), xlsx);
    return {};
}

} // namespace

Syntax qualityReportSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database to read (opened read-only).")) };
    syntax.options = {
        { QStringLiteral("period"), tr("The half year (2027H1, 2027H2) or year (2027) of the sessions reported."), tr("PERIOD") },
        { QStringLiteral("out"), tr("The file to write: a PDF report, or the figures as XLSX (by its extension)."),
            tr("FILE.pdf|FILE.xlsx") },
        { QStringLiteral("xlsx"), tr("Also write the figures as an XLSX workbook."), tr("FILE.xlsx") },
        { QStringLiteral("lang"), tr("The report's language (default: Turkish)."), tr("tr|en") },
    };
    syntax.required = { QStringLiteral("period"), QStringLiteral("out") };
    return syntax;
}

int runQualityReport(const Arguments &args, Io &io)
{
    // Every argument is checked before anything is read or written.
    const auto period = quality::Period::parse(args.value(QStringLiteral("period")));
    if (!period)
        return fail(io, Usage, tr("--period: %1").arg(period.message()));
    const QString language = args.isSet(QStringLiteral("lang")) ? args.value(QStringLiteral("lang")) : QStringLiteral("tr");
    if (language != QLatin1String("tr") && language != QLatin1String("en"))
        return fail(io, Usage, tr("--lang takes tr or en, not \"%1\"").arg(language));
    const QString out = args.value(QStringLiteral("out"));
    if (!hasSuffix(out, "pdf") && !hasSuffix(out, "xlsx"))
        return fail(io, Usage, tr("%1: --out must end in .pdf (the report) or .xlsx (its figures)").arg(out));
    QString pdf = hasSuffix(out, "pdf") ? out : QString();
    QString xlsx = hasSuffix(out, "xlsx") ? out : QString();
    if (args.isSet(QStringLiteral("xlsx"))) {
        const QString extra = args.value(QStringLiteral("xlsx"));
        if (!hasSuffix(extra, "xlsx") || !xlsx.isEmpty())
            return fail(io, Usage, tr("%1: --xlsx must end in .xlsx, beside a PDF --out").arg(extra));
        xlsx = extra;
    }

    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(args.positionalArguments().constFirst(), options);
    if (!db)
        return fail(io, Usage, db.message());
    if (Status s = write(db.value()->connection(), period.value(), language, pdf, xlsx); !s)
        return fail(io, Usage, s.message());
    for (const QString &written : { pdf, xlsx })
        if (!written.isEmpty())
            io.out << tr("report written to %1").arg(QFileInfo(written).filePath()) << Qt::endl;
    return Success;
}

} // namespace kopru::cli
