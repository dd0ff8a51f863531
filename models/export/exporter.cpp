// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/export/exporter.h"

#include "models/db/sql.h"
#include "models/document/pdfwriter.h"
#include "models/export/cellformat.h"
#include "models/export/csvexport.h"
#include "models/export/icswriter.h"
#include "models/export/plandata.h"
#include "models/export/pseudonymiser.h"
#include "models/export/reportbuilders.h"
#include "models/export/tablebuilders.h"
#include "models/export/xlsxexport.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <optional>

namespace kopru::exporting {

namespace {

bool report(const ExportProgress &progress, int percent, const char *step)
{
    return !progress || progress(percent, QCoreApplication::translate("Export", step));
}

Error cancelled(const QString &path)
{
    return Error { QCoreApplication::translate("Export", "export cancelled"), path, 0, 0 };
}

Expected<std::vector<stats::FieldStats>> loadNeeds(QSqlDatabase db, const ExportScope &scope)
{
    if (Status s = validateScope(db, scope); !s)
        return s.error();
    QSqlQuery q(db);
    if (Status s = Sql::prepare(q,
            QStringLiteral("SELECT f.code FROM field f WHERE (? = '' OR upper(f.code) = upper(?)) "
                           "AND (? = 0 OR f.id IN (SELECT field_id FROM centre_field WHERE centre_id = ?)) ORDER BY f.code"));
        !s)
        return s.error();
    // A null QString binds as NULL, and NULL = '' is not true: bind an empty string.
    const QString fieldCode = scope.fieldCode.isNull() ? QStringLiteral("") : scope.fieldCode;
    if (Status s = Sql::run(q, { fieldCode, fieldCode, scope.centreId, scope.centreId }); !s)
        return s.error();
    QStringList codes;
    while (q.next())
        codes << q.value(0).toString();
    q.finish();
    std::vector<stats::FieldStats> fields;
    stats::Scope statsScope;
    if (scope.centreId != 0)
        statsScope = stats::Scope { stats::Scope::Kind::Centre, scope.centreId };
    for (const QString &code : codes) {
        auto f = stats::computeFieldStats(db, code, statsScope);
        if (!f)
            return f.error();
        fields.push_back(std::move(f.value()));
    }
    return fields;
}

Expected<ExportSummary> writeTable(const TableDocument &table, const document::Document *report, const ExportRequest &request)
{
    ExportSummary summary;
    summary.sheets = int(table.sheets.size());
    switch (request.format) {
    case Format::Csv:
        if (Status s = writeFileAtomically(request.outPath, toCsv(table)); !s)
            return s.error();
        break;
    case Format::Xlsx:
        if (Status s = writeXlsx(table, request.outPath); !s)
            return s.error();
        break;
    case Format::Pdf: {
        auto pages = document::writePdf(*report, request.outPath);
        if (!pages)
            return pages.error();
        summary.pages = pages.value();
        summary.sheets = int(report->sections.size());
        break;
    }
    case Format::Ics:
        break;
    }
    return summary;
}

Expected<ExportSummary> exportUnplaced(
    QSqlDatabase db, const ExportRequest &request, bool readOnly, const ExportProgress &progress)
{
    if (Status s = validateScope(db, request.scope); !s)
        return s.error();
    PlanScope scope;
    scope.centreId = request.scope.centreId;
    if (!request.scope.fieldCode.isEmpty()) {
        auto field
            = Sql::scalar(db, QStringLiteral("SELECT id FROM field WHERE upper(code) = upper(?)"), { request.scope.fieldCode });
        if (!field)
            return field.error();
        scope.fieldId = field.value().toInt();
    }
    auto teachers = Unplaced::load(db, scope);
    if (!teachers)
        return teachers.error();
    std::optional<Pseudonymiser> pseudonyms;
    if (request.anonymize) {
        auto p = Pseudonymiser::forDatabase(db, readOnly);
        if (!p)
            return p.error();
        pseudonyms = std::move(p.value());
    }
    if (!report(progress, 50, QT_TRANSLATE_NOOP("Export", "Writing the file")))
        return cancelled(request.outPath);
    auto summary = writeTable(unplacedTable(teachers.value(), pseudonyms ? &*pseudonyms : nullptr), nullptr, request);
    if (summary) {
        summary.value().rows = int(teachers.value().size());
        summary.value().pseudonymsStable = !pseudonyms || pseudonyms->isStable();
    }
    report(progress, 100, QT_TRANSLATE_NOOP("Export", "Done"));
    return summary;
}

} // namespace

Expected<ExportSummary> runExport(QSqlDatabase db, const ExportRequest &request, bool readOnly, const ExportProgress &progress)
{
    if (!isSupported(request.kind, request.format))
        return Error { QCoreApplication::translate("Export", "%1 cannot be exported as %2")
                           .arg(kindName(request.kind), formatName(request.format)),
            {}, 0, 0 };
    if (request.kind == Kind::Needs && request.scope.partnerId != 0)
        return Error { QCoreApplication::translate("Export", "the needs analysis cannot be restricted to a partner"), {}, 0, 0 };
    if (request.kind == Kind::Unplaced && request.scope.partnerId != 0)
        return Error { QCoreApplication::translate("Export", "the list of unplaced teachers cannot be restricted to a partner"),
            {}, 0, 0 };
    if (request.outPath.isEmpty())
        return Error { QCoreApplication::translate("Export", "no output file given"), {}, 0, 0 };
    if (!report(progress, 0, QT_TRANSLATE_NOOP("Export", "Reading the data")))
        return cancelled(request.outPath);

    if (request.kind == Kind::Needs) {
        auto fields = loadNeeds(db, request.scope);
        if (!fields)
            return fields.error();
        if (!report(progress, 50, QT_TRANSLATE_NOOP("Export", "Writing the file")))
            return cancelled(request.outPath);
        const TableDocument table = needsTable(fields.value());
        std::optional<document::Document> doc;
        if (request.format == Format::Pdf)
            doc = needsReport(fields.value());
        auto summary = writeTable(table, doc ? &*doc : nullptr, request);
        if (summary)
            summary.value().rows = int(table.rowCount());
        report(progress, 100, QT_TRANSLATE_NOOP("Export", "Done"));
        return summary;
    }

    // Calendars carry cancelled placements too, so that a re-export cancels their events.
    const bool calendar = request.format == Format::Ics;
    if (request.kind == Kind::Unplaced)
        return exportUnplaced(db, request, readOnly, progress);

    auto rows = loadPlan(db, request.scope, calendar);
    if (!rows)
        return rows.error();
    std::optional<Pseudonymiser> pseudonyms;
    if (request.anonymize) {
        auto p = Pseudonymiser::forDatabase(db, readOnly);
        if (!p)
            return p.error();
        pseudonyms = std::move(p.value());
    }
    const Pseudonymiser *pseudo = pseudonyms ? &*pseudonyms : nullptr;
    if (!report(progress, 40, QT_TRANSLATE_NOOP("Export", "Writing the file")))
        return cancelled(request.outPath);

    const std::vector<ScheduleSession> sessions = groupBySession(rows.value());
    const SheetGrouping grouping = request.scope.centreId != 0 ? SheetGrouping::ByField : SheetGrouping::ByCentre;
    Expected<ExportSummary> summary = ExportSummary {};
    if (request.format == Format::Ics) {
        IcsWriter::Options options;
        options.calendarName = QCoreApplication::translate("Export", "Köprü training schedule");
        const bool perPlacement = request.kind == Kind::Plan;
        const QByteArray ics = perPlacement ? IcsWriter::placements(rows.value(), pseudo, options)
                                            : IcsWriter::calendar(sessions, pseudo, options);
        if (Status s = writeFileAtomically(request.outPath, ics); !s)
            return s.error();
        summary.value().rows = perPlacement ? int(rows.value().size()) : int(sessions.size());
        summary.value().sheets = 1;
    } else if (request.kind == Kind::Plan) {
        const TableDocument table = planTable(rows.value(), grouping, pseudo);
        std::optional<document::Document> doc;
        if (request.format == Format::Pdf)
            doc = planReport(rows.value(), pseudo);
        summary = writeTable(table, doc ? &*doc : nullptr, request);
        if (summary)
            summary.value().rows = int(rows.value().size());
    } else {
        const TableDocument table = scheduleTable(sessions, grouping, pseudo);
        std::optional<document::Document> doc;
        if (request.format == Format::Pdf)
            doc = scheduleReport(sessions, pseudo);
        summary = writeTable(table, doc ? &*doc : nullptr, request);
        if (summary)
            summary.value().rows = int(sessions.size());
    }
    if (summary)
        summary.value().pseudonymsStable = !pseudo || pseudo->isStable();
    report(progress, 100, QT_TRANSLATE_NOOP("Export", "Done"));
    return summary;
}

} // namespace kopru::exporting
