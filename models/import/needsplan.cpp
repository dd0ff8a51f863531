// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/needsplan.h"

#include "models/db/sql.h"
#include "models/import/valueparsers.h"

#include <QHash>
#include <QSqlQuery>
#include <algorithm>
#include <tuple>

namespace kopru {

namespace {

quint64 ratingKey(qint64 teacher, qint64 competency, int round)
{
    return (quint64(teacher) << 32) ^ (quint64(competency) << 8) ^ quint64(round);
}

// The competency a mapped column means for a teacher of `fieldId`: a fixed
// code, or "*NN" = the field's competency numbered NN.
qint64 resolve(const ImportLookups &lookups, const QString &code, int fieldId)
{
    if (code.startsWith(QLatin1Char('*')))
        return lookups.competencyIn(fieldId, lookups.fieldCode(fieldId) + code.mid(1));
    return lookups.competencyIn(fieldId, code);
}

// A level as stored in a Rating: 0 for none (NULL). Levels are 1..5 (the
// parsers and the CHECK constraint of need_rating see to that), so 0 is free.
int levelOf(const QVariant &v)
{
    return v.isNull() ? 0 : v.toInt();
}
QVariant levelVariant(int level)
{
    return level == 0 ? QVariant() : QVariant(level);
}

// A new rating as one integer, for the block insert: bits 0-2 need, 3-5
// proficiency (0 = NULL), then the round, the competency id and the teacher
// id. Ratings whose numbers do not fit are written as five values instead.
constexpr int kRoundShift = 6, kRoundBits = 7;
constexpr int kCompetencyShift = kRoundShift + kRoundBits, kCompetencyBits = 24;
constexpr int kTeacherShift = kCompetencyShift + kCompetencyBits, kTeacherBits = 63 - kTeacherShift;

template <typename Rating> bool packable(const Rating &r)
{
    return r.teacher >= 0 && r.teacher < (qint64(1) << kTeacherBits) && r.competency >= 0
        && r.competency < (qint64(1) << kCompetencyBits) && r.round >= 0 && r.round < (1 << kRoundBits) && r.need >= 0
        && r.need <= 7 && r.proficiency >= 0 && r.proficiency <= 7;
}

template <typename Rating> qint64 pack(const Rating &r)
{
    return (r.teacher << kTeacherShift) | (r.competency << kCompetencyShift) | (qint64(r.round) << kRoundShift)
        | (qint64(r.proficiency) << 3) | qint64(r.need);
}

} // namespace

Status NeedsPlan::plan(ImportContext &ctx)
{
    if (ctx.has("competency") || ctx.has("need")) {
        for (const char *needed : { "competency", "need" })
            if (!ctx.has(needed))
                ctx.report.refuse(
                    Error { importTr("a long-form needs file needs the column %1")
                                .arg(ImportKinds::targetTitle(*ImportKinds::target(ImportKind::Needs, QLatin1String(needed)))),
                        ctx.table.file, ctx.table.headerLine, 1 });
        if (ctx.report.errorCount > 0)
            return {};
        m_withProficiency = ctx.has("proficiency");
        planLong(ctx);
    } else {
        bool any = false;
        for (const QString &t : ctx.mapping.targets)
            any = any || !ColumnMapping::competencyCode(t).isEmpty();
        if (!any) {
            ctx.report.refuse(
                Error { importTr("no column names a competency: use competency codes (ELK07, Q1[ELK07], Q1_ELK07) or "
                                 "numbers within the field (01, Q1[SQ001]) as headers, or the columns competency and need"),
                    ctx.table.file, ctx.table.headerLine, 1 });
            return {};
        }
        planWide(ctx);
    }
    return classify(ctx);
}

void NeedsPlan::planWide(ImportContext &ctx)
{
    struct Column
    {
        int index;
        QString code;
        QHash<int, qint64> byField;
    };
    std::vector<Column> columns;
    for (int i = 0; i < ctx.mapping.targets.size(); ++i) {
        const QString code = ColumnMapping::competencyCode(ctx.mapping.targets.at(i));
        if (!code.isEmpty())
            columns.push_back({ i, code, {} });
    }
    QHash<QString, int> seen; // national ID|round → line
    m_ratings.reserve(ctx.table.rows.size() * columns.size());
    for (const SourceRow &row : ctx.table.rows) {
        QString reason;
        const auto nid = CellValue::nationalId(ctx.cell(row, "national_id"), &reason);
        if (!nid) {
            ctx.error(row, "national_id", reason);
            continue;
        }
        int round = 1;
        if (ctx.has("round")) {
            const auto r = CellValue::integer(ctx.cell(row, "round"), 1, 99, &reason);
            if (!r) {
                ctx.error(row, "round", reason);
                continue;
            }
            round = r->isNull() ? 1 : r->toInt();
        }
        const QString key = *nid + QLatin1Char('|') + QString::number(round);
        if (int other = seen.value(key); other > 0) {
            ctx.error(row, "national_id", importTr("the answers of national ID %1 are also on line %2").arg(*nid).arg(other));
            continue;
        }
        seen.insert(key, row.line);
        const ImportLookups::Teacher *teacher = ctx.lookups.teacher(*nid);
        if (!teacher) {
            ctx.error(row, "national_id", importTr("no teacher with national ID %1: import the teachers first").arg(*nid));
            continue;
        }
        for (Column &c : columns) {
            const QString cell = row.cell(c.index);
            // Resolved once per column and field, not per cell.
            auto it = c.byField.constFind(teacher->fieldId);
            if (it == c.byField.constEnd())
                it = c.byField.insert(teacher->fieldId, resolve(ctx.lookups, c.code, teacher->fieldId));
            const qint64 competency = *it;
            if (competency == 0) {
                // A column of another field (or beyond this field's list): only "not applicable" fits.
                if (!CellValue::isNotApplicable(cell))
                    ctx.errorAt(row, c.index,
                        importTr("column \"%1\" is no competency of the teacher's field %2")
                            .arg(ctx.table.header.value(c.index), ctx.lookups.fieldCode(teacher->fieldId)));
                continue;
            }
            const auto level = CellValue::level(cell, &reason);
            if (!level) {
                ctx.errorAt(row, c.index, reason);
                continue;
            }
            Rating r;
            r.teacher = teacher->id;
            r.competency = competency;
            r.round = round;
            r.need = levelOf(*level);
            r.line = row.line;
            m_ratings.push_back(r);
        }
    }
}

void NeedsPlan::planLong(ImportContext &ctx)
{
    QHash<quint64, int> seen;
    for (const SourceRow &row : ctx.table.rows) {
        const int errorsBefore = ctx.report.errorCount;
        QString reason;
        const auto nid = CellValue::nationalId(ctx.cell(row, "national_id"), &reason);
        if (!nid) {
            ctx.error(row, "national_id", reason);
            continue;
        }
        const ImportLookups::Teacher *teacher = ctx.lookups.teacher(*nid);
        if (!teacher) {
            ctx.error(row, "national_id", importTr("no teacher with national ID %1: import the teachers first").arg(*nid));
            continue;
        }
        const QString code = CellValue::text(ctx.cell(row, "competency"));
        qint64 competency = ctx.lookups.competencyIn(teacher->fieldId, code);
        if (competency == 0) {
            bool number = false;
            const int n = code.toInt(&number);
            if (number && n >= 1 && n <= 99)
                competency = resolve(ctx.lookups, QStringLiteral("*%1").arg(n, 2, 10, QLatin1Char('0')), teacher->fieldId);
        }
        if (competency == 0)
            ctx.error(row, "competency",
                ctx.lookups.competencies(code).isEmpty() ? importTr("unknown competency \"%1\"").arg(code)
                                                         : importTr("competency %1 is not in the teacher's field %2")
                                                               .arg(code, ctx.lookups.fieldCode(teacher->fieldId)));
        const auto need = CellValue::level(ctx.cell(row, "need"), &reason);
        if (!need)
            ctx.error(row, "need", reason);
        std::optional<QVariant> proficiency = QVariant();
        if (m_withProficiency) {
            proficiency = CellValue::level(ctx.cell(row, "proficiency"), &reason);
            if (!proficiency)
                ctx.error(row, "proficiency", reason);
        }
        int round = 1;
        if (ctx.has("round")) {
            const auto r = CellValue::integer(ctx.cell(row, "round"), 1, 99, &reason);
            if (!r)
                ctx.error(row, "round", reason);
            else if (!r->isNull())
                round = r->toInt();
        }
        if (ctx.report.errorCount != errorsBefore)
            continue;
        const quint64 key = ratingKey(teacher->id, competency, round);
        if (int other = seen.value(key); other > 0) {
            ctx.error(row, "competency", importTr("this teacher's rating of %1 is also on line %2").arg(code).arg(other));
            continue;
        }
        seen.insert(key, row.line);
        m_ratings.push_back(
            Rating { teacher->id, competency, round, row.line, levelOf(*need), levelOf(*proficiency), Rating::Insert });
    }
}

Status NeedsPlan::classify(ImportContext &ctx)
{
    if (ctx.report.errorCount > 0 || m_ratings.empty())
        return {};
    // The ratings in the database, sorted by key (the primary key's order,
    // in which SQLite returns them anyway), looked up by binary search.
    struct Old
    {
        qint64 teacher, competency;
        int round, need, proficiency;
        auto key() const { return std::tie(teacher, competency, round); }
    };
    std::vector<Old> existing;
    QSqlQuery q(ctx.db);
    q.setForwardOnly(true);
    if (Status s = Sql::prepare(q,
            QStringLiteral("SELECT teacher_id, competency_id, round, need, proficiency FROM need_rating "
                           "ORDER BY teacher_id, competency_id, round"));
        !s || !(s = Sql::run(q)))
        return s;
    while (q.next())
        existing.push_back(Old {
            q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toInt(), levelOf(q.value(3)), levelOf(q.value(4)) });
    m_existing = qint64(existing.size());
    const auto byKey = [](const Old &a, const Old &b) { return a.key() < b.key(); };
    if (!std::is_sorted(existing.cbegin(), existing.cend(), byKey))
        std::sort(existing.begin(), existing.end(), byKey);
    for (Rating &r : m_ratings) {
        const Old probe { r.teacher, r.competency, r.round, 0, 0 };
        const auto it = std::lower_bound(existing.cbegin(), existing.cend(), probe, byKey);
        if (it == existing.cend() || it->key() != probe.key()) {
            r.action = Rating::Insert;
            ++ctx.report.inserted;
        } else if (it->need == r.need && (!m_withProficiency || it->proficiency == r.proficiency)) {
            r.action = Rating::Skip;
            ++ctx.report.skipped;
        } else {
            r.action = Rating::Update;
            ++ctx.report.updated;
        }
    }
    return {};
}

Status NeedsPlan::write(QSqlDatabase db, const std::function<bool()> &tick)
{
    QSqlQuery insert(db), update(db);
    if (Status s = Sql::prepare(insert,
            QStringLiteral(
                "INSERT INTO need_rating(teacher_id, competency_id, round, need, proficiency) VALUES (?, ?, ?, ?, ?)"));
        !s)
        return s;
    if (Status s = Sql::prepare(update,
            m_withProficiency
                ? QStringLiteral(
                    "UPDATE need_rating SET need = ?, proficiency = ? WHERE teacher_id = ? AND competency_id = ? AND round = ?")
                : QStringLiteral("UPDATE need_rating SET need = ? WHERE teacher_id = ? AND competency_id = ? AND round = ?"));
        !s)
        return s;
    // New ratings go in blocks of many rows per statement: one statement per
    // rating costs more in the driver than SQLite needs to store it. Binding
    // is what Qt's driver spends most on (it formats a placeholder name for
    // every value), so when the numbers allow, a rating travels as one
    // integer that SQLite takes apart again (see pack()): one bound value
    // per rating instead of five.
    const bool packed = std::all_of(
        m_ratings.cbegin(), m_ratings.cend(), [](const Rating &r) { return r.action != Rating::Insert || packable(r); });
    const int kBlock = packed ? 500 : 100;
    QSqlQuery block(db);
    {
        QStringList rows;
        for (int i = 0; i < kBlock; ++i)
            rows << (packed ? QStringLiteral("(?)") : QStringLiteral("(?, ?, ?, ?, ?)"));
        const QString sql = packed
            ? QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, round, need, proficiency) "
                             "SELECT column1 >> %1, (column1 >> %2) & %3, (column1 >> %4) & %5, "
                             "nullif(column1 & 7, 0), nullif((column1 >> 3) & 7, 0) FROM (VALUES %6)")
                  .arg(kTeacherShift)
                  .arg(kCompetencyShift)
                  .arg((qint64(1) << kCompetencyBits) - 1)
                  .arg(kRoundShift)
                  .arg((1 << kRoundBits) - 1)
                  .arg(rows.join(QLatin1Char(',')))
            : QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, round, need, proficiency) VALUES ")
                + rows.join(QLatin1Char(','));
        if (Status s = Sql::prepare(block, sql); !s)
            return s;
    }
    // A bulk load (more new ratings than the table holds, e.g. a whole
    // national survey) drops the table's secondary indexes and builds them
    // again after the inserts: sorting once costs less than hundreds of
    // thousands of inserts at random places. The SQL that made each index is
    // run again as it is, inside the import's transaction, so a failed or
    // cancelled import rolls the drop back too.
    struct Index
    {
        QString name, sql;
    };
    std::vector<Index> indexes;
    const qint64 inserts
        = std::count_if(m_ratings.cbegin(), m_ratings.cend(), [](const Rating &r) { return r.action == Rating::Insert; });
    if (inserts >= 10000 && inserts > m_existing) {
        QSqlQuery q(db);
        if (Status s = Sql::prepare(q,
                QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'need_rating' "
                               "AND sql IS NOT NULL"));
            !s || !(s = Sql::run(q)))
            return s;
        while (q.next())
            indexes.push_back({ q.value(0).toString(), q.value(1).toString() });
        q.finish();
        for (const Index &index : indexes) {
            QString name = index.name;
            if (Status s
                = Sql::exec(db, QStringLiteral("DROP INDEX \"%1\"").arg(name.replace(QLatin1Char('"'), QStringLiteral("\"\""))));
                !s)
                return s;
        }
    }
    std::vector<const Rating *> pending;
    pending.reserve(kBlock);
    auto flush = [&](QSqlQuery &q, bool packedRows) -> Status {
        int i = 0;
        for (const Rating *r : pending) {
            if (packedRows) {
                q.bindValue(i++, pack(*r));
                continue;
            }
            q.bindValue(i++, r->teacher);
            q.bindValue(i++, r->competency);
            q.bindValue(i++, r->round);
            q.bindValue(i++, levelVariant(r->need));
            q.bindValue(i++, levelVariant(r->proficiency));
        }
        if (!q.exec())
            return Sql::rowError(q, pending.front()->line);
        pending.clear();
        return {};
    };
    // One by one: the rest of the last block, and a block that failed as a
    // whole (a failed statement changes nothing), so that the error names the
    // line of the rating that caused it.
    auto flushSingly = [&]() -> Status {
        std::vector<const Rating *> rows;
        rows.swap(pending);
        for (const Rating *r : rows) {
            pending.assign(1, r);
            if (Status s = flush(insert, false); !s)
                return s;
        }
        return {};
    };
    for (const Rating &r : m_ratings) {
        if (tick && !tick())
            return Status::failure(importTr("cancelled"));
        if (r.action == Rating::Skip)
            continue;
        if (r.action == Rating::Insert) {
            pending.push_back(&r);
            if (int(pending.size()) == kBlock && !flush(block, packed))
                if (Status s = flushSingly(); !s)
                    return s;
            continue;
        }
        int i = 0;
        update.bindValue(i++, levelVariant(r.need));
        if (m_withProficiency)
            update.bindValue(i++, levelVariant(r.proficiency));
        update.bindValue(i++, r.teacher);
        update.bindValue(i++, r.competency);
        update.bindValue(i++, r.round);
        if (!update.exec())
            return Sql::rowError(update, r.line);
    }
    if (Status s = flushSingly(); !s)
        return s;
    for (const Index &index : indexes)
        if (Status s = Sql::exec(db, index.sql); !s)
            return s;
    return {};
}

} // namespace kopru
