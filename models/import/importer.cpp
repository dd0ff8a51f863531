// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/importer.h"

#include "models/db/bulkwritescope.h"
#include "models/db/pragmascope.h"
#include "models/db/sql.h"
#include "models/db/transaction.h"
#include "models/exchange/ownership.h"
#include "models/import/importcontext.h"
#include "models/import/needsplan.h"
#include "models/import/programmeplan.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <optional>

namespace kopru {

namespace {

// Rows that change a record this database does not own are refused at their
// line: a centre changes what it owns and proposes corrections of the rest.
void checkOwnership(QSqlDatabase db, const SourceTable &table, const TablePlan &plan, ImportReport &report)
{
    auto ownership = Ownership::of(db);
    if (!ownership) {
        report.refuse(ownership.error());
        return;
    }
    auto owners = Ownership::rowsOf(db, plan.table);
    if (!owners) {
        report.refuse(owners.error());
        return;
    }
    for (const TablePlan::Row &r : plan.rows) {
        if (r.action != TablePlan::Action::Update)
            continue;
        for (int c = 0; c < plan.columns.size(); ++c) {
            if (std::size_t(c) >= r.changed.size() || !r.changed[std::size_t(c)])
                continue;
            const QString problem = ownership->editProblem(plan.table, plan.columns.at(c), owners->value(int(r.id)));
            if (!problem.isEmpty()) {
                const ImportTarget *target = ImportKinds::target(report.kind, plan.columns.at(c));
                const QString what = target ? ImportKinds::targetTitle(*target) : plan.columns.at(c);
                report.refuse(Error {
                    ImportText::tr("this row changes %1 of a record that %2").arg(what, problem), table.file, r.line, 0 });
                break;
            }
        }
    }
}

Q_LOGGING_CATEGORY(lcImport, "kopru.import", QtInfoMsg)

// Kinds that plan and write their own records instead of a TablePlan.
bool ownPlan(ImportKind kind)
{
    return kind == ImportKind::Needs || kind == ImportKind::Attendance || kind == ImportKind::Evaluations;
}

// Header-level checks: required columns, a target mapped twice.
void checkMapping(ImportKind kind, const SourceTable &table, const ColumnMapping &mapping, ImportReport &report)
{
    for (const ImportTarget &t : ImportKinds::targets(kind)) {
        const bool needed = kind == ImportKind::Teachers ? QLatin1String(t.key) == QLatin1String("national_id") : t.required;
        if (needed && !mapping.has(QLatin1String(t.key)))
            report.refuse(Error { ImportText::tr("the file has no column for %1 (recognised headers: %2)")
                                      .arg(ImportKinds::targetTitle(t),
                                          [&] {
                                              QStringList a;
                                              for (const char *alias : t.aliases)
                                                  a << QLatin1String(alias);
                                              return a.join(QStringLiteral(", "));
                                          }()),
                table.file, table.headerLine, 0 }); // about the whole header, not one column
    }
    for (int i = 0; i < mapping.targets.size(); ++i) {
        const QString &t = mapping.targets.at(i);
        if (t.isEmpty()) {
            report.notices << Error { ImportText::tr("column \"%1\" is not used").arg(table.header.value(i)), table.file,
                table.headerLine, i + 1 };
            continue;
        }
        const int first = int(mapping.targets.indexOf(t));
        if (first != i) {
            const ImportTarget *target = ImportKinds::target(kind, t);
            report.refuse(Error {
                ImportText::tr("columns \"%1\" and \"%2\" both hold %3")
                    .arg(table.header.value(first), table.header.value(i), target ? ImportKinds::targetTitle(*target) : t),
                table.file, table.headerLine, i + 1 });
        }
    }
}

} // namespace

ColumnMapping Importer::mapping(QSqlDatabase db, ImportKind kind, const QStringList &header, const QHash<int, QString> &overrides)
{
    QStringList codes;
    if (kind == ImportKind::Needs) {
        ImportLookups lookups;
        if (lookups.load(db))
            codes = lookups.competencyCodes();
    }
    ColumnMapping m = ColumnMapper::automatic(kind, header, codes);
    if (kind == ImportKind::Evaluations) {
        // A preview of a database that cannot list its items maps none; the import reports why.
        if (Status s = ProgrammePlan::mapItems(db, header, m); !s)
            qCWarning(lcImport) << s.message();
    }
    ColumnMapper::applyOverrides(m, overrides);
    return m;
}

ImportReport Importer::run(QSqlDatabase db, ImportKind kind, const SourceTable &table, const ImportOptions &options)
{
    ImportReport report;
    report.kind = kind;
    report.file = table.file;
    report.dryRun = options.dryRun;
    report.header = table.header;
    runInto(report, db, kind, table, options);
    report.sort();
    return report;
}

void Importer::runInto(
    ImportReport &report, QSqlDatabase db, ImportKind kind, const SourceTable &table, const ImportOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    // A failure of the database (busy, disk full, damaged) names the
    // database; a refused row names the line of the file.
    const auto refuse = [&](Error e) {
        if (e.file.isEmpty())
            e.file = e.line > 0 ? table.file : Sql::fileOf(db);
        report.refuse(std::move(e));
    };

    // A needs survey may be a bulk load of millions of ratings, whose index
    // is built again at the end (RatingInserter): its sorter wants temporary
    // files (BulkWriteScope). Its foreign keys are checked by RatingInserter
    // against the ids it reads once, not row by row by SQLite: the ratings'
    // teachers and competencies are looked up in this transaction anyway, and
    // the per-row check cost ~3 s of 18 at 3.2 million ratings
    // (docs/benchmarks.md). Neither setting can change inside a transaction.
    const bool survey = kind == ImportKind::Needs;
    const BulkWriteScope bulk(db, survey ? BulkWriteScope::TempStore::Files : BulkWriteScope::TempStore::Memory);
    std::optional<PragmaScope> foreignKeys;
    if (survey)
        foreignKeys.emplace(db, "foreign_keys", 0);

    // Everything from the first read to the last write happens in one write
    // transaction (a dry run: one read transaction): what is validated and
    // compared is what is written over, and no other writer can change the
    // database in between (two imports at once used to mix their ratings).
    Transaction tx(db, options.dryRun ? Transaction::Mode::Read : Transaction::Mode::Write);
    if (!tx.began()) {
        refuse(tx.began().error());
        return;
    }
    ImportLookups lookups;
    if (Status s = lookups.load(db); !s) {
        refuse(s.error());
        return;
    }
    // The catalogue and the survey are the national office's (docs/exchange.md, "Owners").
    if (kind == ImportKind::Competencies || kind == ImportKind::Needs) {
        if (Status s = Ownership::checkInsert(
                db, kind == ImportKind::Needs ? QStringLiteral("need_rating") : QStringLiteral("competency"));
            !s) {
            refuse(Error { s.message(), table.file, 0, 0 });
            return;
        }
    }
    qCDebug(lcImport) << "lookups loaded in" << timer.elapsed() << "ms";
    ColumnMapping mapping
        = ColumnMapper::automatic(kind, table.header, kind == ImportKind::Needs ? lookups.competencyCodes() : QStringList());
    if (kind == ImportKind::Evaluations) {
        if (Status s = ProgrammePlan::mapItems(db, table.header, mapping); !s) {
            refuse(s.error());
            return;
        }
    }
    ColumnMapper::applyOverrides(mapping, options.overrides);
    checkMapping(kind, table, mapping, report);
    if (report.errorCount > 0)
        return;
    if (table.rows.empty())
        report.notices << Error { ImportText::tr("the file has no data rows"), table.file, table.headerLine, 0 };

    ImportContext ctx { db, table, mapping, lookups, report };
    TablePlan plan;
    NeedsPlan needs(options.scale, options.round);
    ProgrammePlan programme(options.scale);
    Status planned;
    switch (kind) {
    case ImportKind::Teachers:
        planned = planTeachers(ctx, plan);
        break;
    case ImportKind::Partners:
        planned = planPartners(ctx, plan);
        break;
    case ImportKind::Sessions:
        planned = planSessions(ctx, plan);
        break;
    case ImportKind::Competencies:
        planned = planCompetencies(ctx, plan);
        break;
    case ImportKind::Needs:
        planned = needs.plan(ctx);
        break;
    case ImportKind::Attendance:
        planned = programme.planAttendance(ctx);
        break;
    case ImportKind::Evaluations:
        planned = programme.planEvaluations(ctx);
        break;
    }
    if (planned && report.errorCount == 0 && !ownPlan(kind))
        planned = plan.classify(db, report);
    if (!planned)
        refuse(planned.error());
    else if (!ownPlan(kind) && report.errorCount == 0)
        checkOwnership(db, table, plan, report);
    qCDebug(lcImport) << "planned in" << timer.elapsed() << "ms";
    if (report.errorCount > 0 || options.dryRun)
        return;
    const int total = kind == ImportKind::Needs ? needs.size() : ownPlan(kind) ? programme.size() : int(plan.rows.size());
    int done = 0;
    bool cancelled = false;
    const auto tick = [&]() -> bool {
        ++done;
        if (options.progress && (done % 256 == 0 || done == total))
            cancelled = !options.progress(done, total);
        return !cancelled;
    };
    Status written = kind == ImportKind::Needs ? needs.write(db, tick)
        : ownPlan(kind)                        ? programme.write(db, tick)
                                               : plan.write(db, tick);
    qCDebug(lcImport) << "written in" << timer.elapsed() << "ms";
    if (written) {
        // The audit log keeps what happened, without personal data.
        written
            = Sql::exec(db, QStringLiteral("INSERT INTO audit_log(action, details) VALUES ('import', ?)"), { report.summary() });
    }
    if (!written) {
        tx.rollback();
        if (cancelled)
            report.cancelled = true;
        else
            refuse(written.error());
        return;
    }
    if (options.beforeCommit) {
        if (Status s = options.beforeCommit(); !s) {
            tx.rollback();
            refuse(s.error());
            return;
        }
    }
    if (Status s = tx.commit(); !s) {
        refuse(s.error());
        return;
    }
    report.committed = true;
    qCDebug(lcImport) << "imported in" << timer.elapsed() << "ms";
}

} // namespace kopru
