// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/needsplan.h"

#include "models/db/sql.h"
#include "models/import/ratinginserter.h"
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

} // namespace

Status NeedsPlan::plan(ImportContext &ctx)
{
    if (ctx.has("competency") || ctx.has("need")) {
        for (const char *needed : { "competency", "need" })
            if (!ctx.has(needed))
                ctx.report.refuse(
                    Error { ImportText::tr("a long-form needs file needs the column %1")
                                .arg(ImportKinds::targetTitle(*ImportKinds::target(ImportKind::Needs, QLatin1String(needed)))),
                        ctx.table.file, ctx.table.headerLine, 0 });
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
                Error { ImportText::tr("no column names a competency: use competency codes (ELK07, Q1[ELK07], Q1_ELK07) or "
                                       "numbers within the field (01, Q1[SQ001]) as headers, or the columns competency and need"),
                    ctx.table.file, ctx.table.headerLine, 0 });
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
    };
    std::vector<Column> columns;
    for (int i = 0; i < ctx.mapping.targets.size(); ++i) {
        const QString code = ColumnMapping::competencyCode(ctx.mapping.targets.at(i));
        if (!code.isEmpty())
            columns.push_back({ i, code });
    }
    // The competency of each column for a field, resolved once per field
    // (not per cell: 3.2 million cells in the national roll-out's survey).
    QHash<int, std::vector<qint64>> competenciesOfField;
    const auto competenciesOf = [&](int fieldId) -> const std::vector<qint64> & {
        auto it = competenciesOfField.find(fieldId);
        if (it == competenciesOfField.end()) {
            std::vector<qint64> ids;
            ids.reserve(columns.size());
            for (const Column &c : columns)
                ids.push_back(resolve(ctx.lookups, c.code, fieldId));
            it = competenciesOfField.insert(fieldId, std::move(ids));
        }
        return *it;
    };
    QHash<QString, int> seen; // national ID|round → line
    m_ratings.reserve(ctx.table.rows.size() * columns.size());
    for (const SourceRow &row : ctx.table.rows) {
        QString reason;
        const auto nid = CellValue::nationalId(ctx.cell(row, "national_id"), &reason);
        if (!nid) {
            ctx.error(row, "national_id", reason);
            continue;
        }
        const auto rowRound = roundOf(ctx, row);
        if (!rowRound)
            continue;
        const int round = *rowRound;
        const QString key = *nid + QLatin1Char('|') + QString::number(round);
        if (int other = seen.value(key); other > 0) {
            ctx.error(
                row, "national_id", ImportText::tr("the answers of national ID %1 are also on line %2").arg(*nid).arg(other));
            continue;
        }
        seen.insert(key, row.line);
        const ImportLookups::Teacher *teacher = ctx.lookups.teacher(*nid);
        if (!teacher) {
            ctx.error(row, "national_id", ImportText::tr("no teacher with national ID %1: import the teachers first").arg(*nid));
            continue;
        }
        const std::vector<qint64> &competencies = competenciesOf(teacher->fieldId);
        for (std::size_t ci = 0; ci < columns.size(); ++ci) {
            const Column &c = columns[ci];
            const qint64 competency = competencies[ci];
            Rating r;
            r.teacher = teacher->id;
            r.competency = competency;
            r.round = qint8(round);
            r.line = row.line;
            // What survey files hold most, read without a copy: an empty
            // cell or a digit 1-5 (as CellValue::level reads them).
            const QStringView view = row.cellView(c.index);
            if (competency != 0 && m_scale.isEmpty()
                && (view.isEmpty() || (view.size() == 1 && view.front() >= u'1' && view.front() <= u'5'))) {
                r.need = view.isEmpty() ? 0 : qint8(view.front().unicode() - u'0');
                m_ratings.push_back(r);
                continue;
            }
            const QString cell = view.toString();
            if (competency == 0) {
                // A column of another field (or beyond this field's list): only "not applicable" fits.
                if (!CellValue::isNotApplicable(cell) && m_scale.find(cell) != ScaleMapping::kNotApplicable)
                    ctx.errorAt(row, c.index,
                        ImportText::tr("column \"%1\" is no competency of the teacher's field %2")
                            .arg(ctx.table.header.value(c.index), ctx.lookups.fieldCode(teacher->fieldId)));
                continue;
            }
            const auto level = m_scale.level(cell, &reason);
            if (!level) {
                ctx.errorAt(row, c.index, reason);
                continue;
            }
            r.need = qint8(levelOf(*level));
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
            ctx.error(row, "national_id", ImportText::tr("no teacher with national ID %1: import the teachers first").arg(*nid));
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
                ctx.lookups.competencies(code).isEmpty() ? ImportText::tr("unknown competency \"%1\"").arg(code)
                                                         : ImportText::tr("competency %1 is not in the teacher's field %2")
                                                               .arg(code, ctx.lookups.fieldCode(teacher->fieldId)));
        const auto need = m_scale.level(ctx.cell(row, "need"), &reason);
        if (!need)
            ctx.error(row, "need", reason);
        std::optional<QVariant> proficiency = QVariant();
        if (m_withProficiency) {
            proficiency = m_scale.level(ctx.cell(row, "proficiency"), &reason);
            if (!proficiency)
                ctx.error(row, "proficiency", reason);
        }
        const int round = roundOf(ctx, row).value_or(0);
        if (ctx.report.errorCount != errorsBefore)
            continue;
        const quint64 key = ratingKey(teacher->id, competency, round);
        if (int other = seen.value(key); other > 0) {
            ctx.error(row, "competency", ImportText::tr("this teacher's rating of %1 is also on line %2").arg(code).arg(other));
            continue;
        }
        seen.insert(key, row.line);
        m_ratings.push_back(Rating { teacher->id, competency, row.line, qint8(round), qint8(levelOf(*need)),
            qint8(levelOf(*proficiency)), Rating::Insert });
    }
}

std::optional<int> NeedsPlan::roundOf(ImportContext &ctx, const SourceRow &row) const
{
    const int chosen = m_round > 0 ? m_round : 1;
    if (!ctx.has("round"))
        return chosen;
    QString reason;
    const auto r = CellValue::integer(ctx.cell(row, "round"), 1, 99, &reason);
    if (!r) {
        ctx.error(row, "round", reason);
        return std::nullopt;
    }
    if (r->isNull())
        return chosen;
    if (m_round > 0 && r->toInt() != m_round) {
        ctx.error(row, "round",
            ImportText::tr("this row is of survey round %1, but the file is imported as round %2").arg(r->toInt()).arg(m_round));
        return std::nullopt;
    }
    return r->toInt();
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
        qint8 round, need, proficiency;
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
        existing.push_back(Old { q.value(0).toLongLong(), q.value(1).toLongLong(), qint8(q.value(2).toInt()),
            qint8(levelOf(q.value(3))), qint8(levelOf(q.value(4))) });
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
    QSqlQuery update(db);
    if (Status s = Sql::prepare(update,
            m_withProficiency
                ? QStringLiteral(
                    "UPDATE need_rating SET need = ?, proficiency = ? WHERE teacher_id = ? AND competency_id = ? AND round = ?")
                : QStringLiteral("UPDATE need_rating SET need = ? WHERE teacher_id = ? AND competency_id = ? AND round = ?"));
        !s)
        return s;
    RatingInserter inserter(db);
    const qint64 inserts
        = std::count_if(m_ratings.cbegin(), m_ratings.cend(), [](const Rating &r) { return r.action == Rating::Insert; });
    if (Status s = inserter.begin(inserts, m_existing); !s)
        return s;
    for (const Rating &r : m_ratings) {
        if (tick && !tick())
            return Status::failure(ImportText::tr("cancelled"));
        if (r.action == Rating::Skip)
            continue;
        if (r.action == Rating::Insert) {
            if (Status s = inserter.add({ r.teacher, r.competency, r.round, r.need, r.proficiency, r.line }); !s)
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
    return inserter.finish();
}

} // namespace kopru
