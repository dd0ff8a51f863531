// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/needsplan.h"

#include "db/sql.h"
#include "import/valueparsers.h"

#include <QHash>
#include <QSqlQuery>

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

} // namespace

Status NeedsPlan::plan(ImportContext &ctx)
{
    if (ctx.has("competency") || ctx.has("need")) {
        for (const char *needed : {"competency", "need"})
            if (!ctx.has(needed))
                ctx.report.errors << Error{importTr("a long-form needs file needs the column %1")
                                               .arg(ImportKinds::targetTitle(*ImportKinds::target(ImportKind::Needs, QLatin1String(needed)))),
                                           ctx.table.file, ctx.table.headerLine, 1};
        if (!ctx.report.errors.isEmpty())
            return {};
        m_withProficiency = ctx.has("proficiency");
        planLong(ctx);
    } else {
        bool any = false;
        for (const QString &t : ctx.mapping.targets)
            any = any || !ColumnMapping::competencyCode(t).isEmpty();
        if (!any) {
            ctx.report.errors << Error{importTr("no column names a competency: use competency codes (ELK07, Q1[ELK07], Q1_ELK07) or "
                                                "numbers within the field (01, Q1[SQ001]) as headers, or the columns competency and need"),
                                       ctx.table.file, ctx.table.headerLine, 1};
            return {};
        }
        planWide(ctx);
    }
    return classify(ctx);
}

void NeedsPlan::planWide(ImportContext &ctx)
{
    struct Column { int index; QString code; QHash<int, qint64> byField; };
    std::vector<Column> columns;
    for (int i = 0; i < ctx.mapping.targets.size(); ++i) {
        const QString code = ColumnMapping::competencyCode(ctx.mapping.targets.at(i));
        if (!code.isEmpty())
            columns.push_back({i, code, {}});
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
                    ctx.errorAt(row, c.index, importTr("column \"%1\" is no competency of the teacher's field %2")
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
            r.need = *level;
            r.line = row.line;
            m_ratings.push_back(r);
        }
    }
}

void NeedsPlan::planLong(ImportContext &ctx)
{
    QHash<quint64, int> seen;
    for (const SourceRow &row : ctx.table.rows) {
        const int errorsBefore = int(ctx.report.errors.size());
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
            ctx.error(row, "competency", ctx.lookups.competencies(code).isEmpty()
                                             ? importTr("unknown competency \"%1\"").arg(code)
                                             : importTr("competency %1 is not in the teacher's field %2").arg(code, ctx.lookups.fieldCode(teacher->fieldId)));
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
        if (int(ctx.report.errors.size()) != errorsBefore)
            continue;
        const quint64 key = ratingKey(teacher->id, competency, round);
        if (int other = seen.value(key); other > 0) {
            ctx.error(row, "competency", importTr("this teacher's rating of %1 is also on line %2").arg(code).arg(other));
            continue;
        }
        seen.insert(key, row.line);
        m_ratings.push_back(Rating{teacher->id, competency, round, *need, *proficiency, row.line, Rating::Insert});
    }
}

Status NeedsPlan::classify(ImportContext &ctx)
{
    if (!ctx.report.errors.isEmpty() || m_ratings.empty())
        return {};
    struct Old { QVariant need, proficiency; };
    QHash<quint64, Old> existing;
    QSqlQuery q(ctx.db);
    q.setForwardOnly(true);
    if (Status s = Sql::prepare(q, QStringLiteral("SELECT teacher_id, competency_id, round, need, proficiency FROM need_rating")); !s || !(s = Sql::run(q)))
        return s;
    existing.reserve(int(m_ratings.size()));
    while (q.next())
        existing.insert(ratingKey(q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toInt()), Old{q.value(3), q.value(4)});
    auto same = [](const QVariant &a, const QVariant &b) { return a.isNull() || b.isNull() ? a.isNull() == b.isNull() : a.toInt() == b.toInt(); };
    for (Rating &r : m_ratings) {
        auto it = existing.constFind(ratingKey(r.teacher, r.competency, r.round));
        if (it == existing.constEnd()) {
            r.action = Rating::Insert;
            ++ctx.report.inserted;
        } else if (same(it->need, r.need) && (!m_withProficiency || same(it->proficiency, r.proficiency))) {
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
    if (Status s = Sql::prepare(insert, QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, round, need, proficiency) VALUES (?, ?, ?, ?, ?)")); !s)
        return s;
    if (Status s = Sql::prepare(update, m_withProficiency
                                            ? QStringLiteral("UPDATE need_rating SET need = ?, proficiency = ? WHERE teacher_id = ? AND competency_id = ? AND round = ?")
                                            : QStringLiteral("UPDATE need_rating SET need = ? WHERE teacher_id = ? AND competency_id = ? AND round = ?"));
        !s)
        return s;
    // New ratings go in blocks of kBlock rows per statement: one statement per
    // rating costs more in the driver than SQLite needs to store it.
    constexpr int kBlock = 100;
    QSqlQuery block(db);
    {
        QStringList rows;
        for (int i = 0; i < kBlock; ++i)
            rows << QStringLiteral("(?, ?, ?, ?, ?)");
        if (Status s = Sql::prepare(block, QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, round, need, proficiency) VALUES ")
                                               + rows.join(QLatin1Char(',')));
            !s)
            return s;
    }
    std::vector<const Rating *> pending;
    pending.reserve(kBlock);
    auto flush = [&](QSqlQuery &q) -> Status {
        int i = 0;
        for (const Rating *r : pending) {
            q.bindValue(i++, r->teacher);
            q.bindValue(i++, r->competency);
            q.bindValue(i++, r->round);
            q.bindValue(i++, r->need);
            q.bindValue(i++, r->proficiency);
        }
        if (!q.exec())
            return Error{Sql::errorOf(q).message, {}, pending.front()->line, 0};
        pending.clear();
        return {};
    };
    for (const Rating &r : m_ratings) {
        if (tick && !tick())
            return Status::failure(importTr("cancelled"));
        if (r.action == Rating::Skip)
            continue;
        if (r.action == Rating::Insert) {
            pending.push_back(&r);
            if (int(pending.size()) == kBlock)
                if (Status s = flush(block); !s)
                    return s;
            continue;
        }
        QSqlQuery &q = update;
        int i = 0;
        {
            q.bindValue(i++, r.need);
            if (m_withProficiency)
                q.bindValue(i++, r.proficiency);
            q.bindValue(i++, r.teacher);
            q.bindValue(i++, r.competency);
            q.bindValue(i++, r.round);
        }
        if (!q.exec())
            return Error{Sql::errorOf(q).message, {}, r.line, 0};
    }
    // The rest one by one.
    std::vector<const Rating *> rest;
    rest.swap(pending);
    for (const Rating *r : rest) {
        pending.assign(1, r);
        if (Status s = flush(insert); !s)
            return s;
    }
    return {};
}

} // namespace kopru
