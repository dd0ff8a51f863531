// SPDX-License-Identifier: GPL-3.0-or-later
// Attendance sheets and evaluation questionnaires (docs/import.md).
#include "models/import/programmeplan.h"

#include "models/db/sql.h"
#include "models/domain/turkishtext.h"
#include "models/exchange/ownership.h"
#include "models/import/valueparsers.h"

#include <QDate>
#include <QRegularExpression>
#include <QSqlQuery>
#include <cmath>
#include <limits>

namespace kopru {

namespace {

// Hours in hundredths (0..2400): "6", "6,5", "6.25"; nullopt with a reason.
std::optional<int> hundredths(const QString &cell, int max, QString *reason)
{
    static const QRegularExpression number(QStringLiteral("^([0-9]+)([.,]([0-9]+))?$"));
    const QString t = cell.trimmed();
    const auto m = number.match(t);
    if (!m.hasMatch()) {
        *reason = ImportText::tr("\"%1\" is not a number of hours (e.g. 6 or 6,5)").arg(t);
        return std::nullopt;
    }
    const double value = QString(m.captured(1) + QLatin1Char('.') + m.captured(3) + QLatin1Char('0')).toDouble();
    const int v = int(std::lround(value * 100));
    if (v > max) {
        *reason = ImportText::tr("%1 hours is more than %2").arg(t).arg(max / 100);
        return std::nullopt;
    }
    return v;
}

// A value of a fixed list by the loose keys of its spellings, or nullopt.
std::optional<QString> codeOf(const QString &cell, const std::vector<std::pair<const char *, std::vector<const char *>>> &codes)
{
    const QString k = TurkishText::looseKey(cell);
    for (const auto &[code, keys] : codes)
        for (const char *key : keys)
            if (k == QLatin1String(key))
                return QLatin1String(code);
    return std::nullopt;
}

const std::vector<std::pair<const char *, std::vector<const char *>>> kAbsences {
    { "illness", { "illness", "ill", "sick", "hastalik", "hasta", "raporlu", "saglik" } },
    { "excused", { "excused", "izinli", "mazeretli", "izin" } },
    { "unexcused", { "unexcused", "izinsiz", "mazeretsiz" } },
    { "partner", { "partner", "company", "isletme", "firma" } },
    { "other", { "other", "diger" } },
};
const std::vector<std::pair<const char *, std::vector<const char *>>> kOutcomes {
    { "completed", { "completed", "complete", "tamamladi", "tamamlandi", "tamam", "bitirdi" } },
    { "cancelled", { "cancelled", "canceled", "iptal", "iptaledildi", "ayrildi" } },
};
const std::vector<std::pair<const char *, std::vector<const char *>>> kCancelReasons {
    { "illness", { "illness", "ill", "hastalik", "hasta", "saglik" } },
    { "withdrew", { "withdrew", "withdrawn", "cekildi", "kendicekildi", "vazgecti", "ayrildi" } },
    { "partner_cancelled",
        { "partnercancelled", "companycancelled", "partner", "isletmeiptaletti", "isletmeiptal", "isletme", "firmaiptaletti" } },
    { "other", { "other", "diger" } },
};

// The days the total of a session is spread over: its working days (Monday
// to Friday), or every day when it has none.
QStringList workingDays(const QString &start, const QString &end)
{
    const QDate from = QDate::fromString(start, Qt::ISODate), to = QDate::fromString(end, Qt::ISODate);
    QStringList all, working;
    for (QDate d = from; d.isValid() && d <= to; d = d.addDays(1)) {
        all << d.toString(Qt::ISODate);
        if (d.dayOfWeek() <= 5)
            working << d.toString(Qt::ISODate);
    }
    return working.isEmpty() ? all : working;
}

bool sameHours(double a, double b)
{
    return std::lround(a * 100) == std::lround(b * 100);
}

bool same(const QVariant &a, const QVariant &b)
{
    return a.isNull() || b.isNull() ? a.isNull() == b.isNull() : a.toString() == b.toString();
}

} // namespace

Status ProgrammePlan::mapItems(QSqlDatabase db, const QStringList &header, ColumnMapping &mapping)
{
    QSqlQuery q(db);
    if (Status s = Sql::prepare(q, QStringLiteral("SELECT code, text_tr, text_en FROM evaluation_item ORDER BY id"));
        !s || !(s = Sql::run(q)))
        return s;
    QHash<QString, QString> codes, texts; // loose key → code
    while (q.next()) {
        const QString code = q.value(0).toString();
        codes.insert(TurkishText::looseKey(code), code);
        texts.insert(TurkishText::looseKey(q.value(1).toString()), code);
        texts.insert(TurkishText::looseKey(q.value(2).toString()), code);
    }
    for (int i = 0; i < header.size() && i < mapping.targets.size(); ++i) {
        if (!mapping.targets.at(i).isEmpty())
            continue;
        QString code = texts.value(TurkishText::looseKey(header.at(i)));
        for (const QString &candidate : ColumnMapper::codeCandidates(header.at(i)))
            if (code.isEmpty())
                code = codes.value(TurkishText::looseKey(candidate));
        if (!code.isEmpty() && !mapping.targets.contains(itemTarget(code)))
            mapping.targets[i] = itemTarget(code);
    }
    return {};
}

Expected<QStringList> ProgrammePlan::itemCodes(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (Status s = Sql::prepare(
            q, QStringLiteral("SELECT code FROM evaluation_item WHERE active = 1 ORDER BY kind = 'teacher', sort_order, id"));
        !s || !(s = Sql::run(q)))
        return s.error();
    QStringList codes;
    while (q.next())
        codes << q.value(0).toString();
    return codes;
}

Status ProgrammePlan::loadPlacements(QSqlDatabase db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (Status s = Sql::prepare(q,
            QStringLiteral("SELECT p.id, p.teacher_id, p.session_id, p.status, p.cancel_reason, p.completed_on, s.start_date, "
                           "s.end_date FROM placement p JOIN training_session s ON s.id = p.session_id ORDER BY p.id"));
        !s || !(s = Sql::run(q)))
        return s;
    while (q.next())
        m_placements[q.value(1).toLongLong()].push_back(Placement { q.value(0).toLongLong(), q.value(2).toLongLong(),
            q.value(3).toString(), q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString() });
    return {};
}

const ProgrammePlan::Placement *ProgrammePlan::placementOf(ImportContext &ctx, const SourceRow &row)
{
    QString reason;
    const auto nid = CellValue::nationalId(ctx.cell(row, "national_id"), &reason);
    if (!nid) {
        ctx.error(row, "national_id", reason);
        return nullptr;
    }
    const ImportLookups::Teacher *teacher = ctx.lookups.teacher(*nid);
    if (!teacher) {
        ctx.error(row, "national_id", ImportText::tr("no teacher has the national ID %1").arg(*nid));
        return nullptr;
    }
    const std::vector<Placement> &placements = m_placements[teacher->id];
    const QString sessionText = CellValue::text(ctx.cell(row, "session"));
    if (!sessionText.isEmpty()) {
        const auto session = CellValue::integer(sessionText, 1, std::numeric_limits<int>::max(), &reason);
        if (!session) {
            ctx.error(row, "session", ImportText::tr("the session is given by its number: %1").arg(reason));
            return nullptr;
        }
        for (const Placement &p : placements)
            if (p.session == session->toLongLong())
                return &p;
        ctx.error(row, "session", ImportText::tr("teacher %1 is not placed in session %2").arg(*nid, sessionText));
        return nullptr;
    }
    // At most one placement of a teacher is not cancelled (the schema sees to it).
    for (const Placement &p : placements)
        if (p.status != QLatin1String("cancelled"))
            return &p;
    if (placements.size() == 1)
        return &placements.front();
    ctx.error(row, "national_id",
        placements.empty() ? ImportText::tr("teacher %1 has no placement").arg(*nid)
                           : ImportText::tr("teacher %1 has %2 cancelled placements: add the session column to choose one")
                                 .arg(*nid)
                                 .arg(placements.size()));
    return nullptr;
}

Status ProgrammePlan::planAttendance(ImportContext &ctx)
{
    if (!ctx.has("day") && !ctx.has("hours_total") && !ctx.has("outcome")) {
        ctx.report.refuse(
            Error { ImportText::tr("an attendance file needs the columns day and hours, or total hours, or outcome"),
                ctx.table.file, ctx.table.headerLine, 0 });
        return {};
    }
    if (ctx.has("day") != ctx.has("hours")) {
        ctx.report.refuse(Error { ImportText::tr("the columns day and hours go together: the file has only one of them"),
            ctx.table.file, ctx.table.headerLine, 0 });
        return {};
    }
    if (Status s = loadPlacements(ctx.db); !s)
        return s;
    QHash<QString, int> seenDays; // placement|day → line
    QHash<qint64, int> totals, outcomeLines; // placement → line
    QHash<qint64, int> dayLines; // placement → first line with a day
    QSet<qint64> totalPlacements;
    for (const SourceRow &row : ctx.table.rows) {
        const Placement *p = placementOf(ctx, row);
        QString reason;
        const QString dayText = CellValue::text(ctx.cell(row, "day"));
        const QString hoursText = CellValue::text(ctx.cell(row, "hours"));
        const QString totalText = CellValue::text(ctx.cell(row, "hours_total"));
        const QString absenceText = CellValue::text(ctx.cell(row, "absence"));
        const QString outcomeText = CellValue::text(ctx.cell(row, "outcome"));
        const QString cancelText = CellValue::text(ctx.cell(row, "cancel_reason"));

        QVariant absence;
        if (!absenceText.isEmpty()) {
            if (auto a = codeOf(absenceText, kAbsences))
                absence = *a;
            else
                ctx.error(row, "absence",
                    ImportText::tr("\"%1\" is no absence reason (hastalık, izinli, izinsiz, işletme, diğer)").arg(absenceText));
        }
        // One training day.
        if (!dayText.isEmpty() || !hoursText.isEmpty()) {
            const auto day = CellValue::date(dayText, &reason);
            if (!day)
                ctx.error(row, "day", reason);
            else if (day->isNull())
                ctx.error(row, "day", ImportText::tr("the day is empty (hours are recorded per day)"));
            std::optional<int> hours;
            if (hoursText.isEmpty())
                ctx.error(row, "hours", ImportText::tr("the hours attended are empty (0 for a day missed)"));
            else if (hours = hundredths(hoursText, 2400, &reason); !hours)
                ctx.error(row, "hours", reason);
            if (!totalText.isEmpty())
                ctx.error(row, "hours_total", ImportText::tr("a row holds either a day with its hours or a total, not both"));
            if (p && day && !day->isNull()) {
                const QString d = day->toString();
                if (d < p->start || d > p->end)
                    ctx.error(row, "day",
                        ImportText::tr("%1 is outside the session (%2 to %3)")
                            .arg(shownDate(d), shownDate(p->start), shownDate(p->end)));
                const QString key = QString::number(p->id) + QLatin1Char('|') + d;
                if (const int other = seenDays.value(key); other > 0)
                    ctx.error(row, "day", ImportText::tr("this day of this placement is also on line %1").arg(other));
                else
                    seenDays.insert(key, row.line);
                if (const int other = totals.value(p->id); other > 0)
                    ctx.error(
                        row, "day", ImportText::tr("line %1 gives a total for this placement: give days or a total").arg(other));
                if (!dayLines.contains(p->id))
                    dayLines.insert(p->id, row.line);
                if (hours && ctx.report.errorCount == 0)
                    m_days.push_back(Day { p->id, d, *hours / 100.0, absence, row.line });
            }
        } else if (!totalText.isEmpty()) {
            // A total: spread over the session's working days.
            if (!absenceText.isEmpty())
                ctx.error(row, "absence", ImportText::tr("an absence reason belongs to a day: give the days, not a total"));
            const auto total = hundredths(totalText, 2400 * 366, &reason);
            if (!total)
                ctx.error(row, "hours_total", reason);
            if (p && total) {
                const QStringList days = workingDays(p->start, p->end);
                const int n = int(days.size());
                const int share = n > 0 ? *total / n : 0;
                const int last = *total - share * (n - 1);
                if (n == 0 || last > 2400)
                    ctx.error(row, "hours_total",
                        ImportText::tr("%1 hours do not fit into the %2 days of the session").arg(totalText).arg(n));
                if (const int other = totals.value(p->id); other > 0)
                    ctx.error(row, "hours_total", ImportText::tr("the total of this placement is also on line %1").arg(other));
                else if (const int withDay = dayLines.value(p->id); withDay > 0)
                    ctx.error(row, "hours_total",
                        ImportText::tr("line %1 gives days of this placement: give days or a total").arg(withDay));
                totals.insert(p->id, row.line);
                totalPlacements.insert(p->id);
                if (ctx.report.errorCount == 0)
                    for (int i = 0; i < n; ++i)
                        m_days.push_back(Day { p->id, days.at(i), (i == n - 1 ? last : share) / 100.0, QVariant(), row.line });
            }
        } else if (!absenceText.isEmpty()) {
            ctx.error(row, "absence", ImportText::tr("an absence reason needs the day and the hours missed"));
        }

        // The outcome of the placement.
        std::optional<QString> outcome;
        if (!outcomeText.isEmpty()) {
            outcome = codeOf(outcomeText, kOutcomes);
            if (!outcome)
                ctx.error(row, "outcome",
                    ImportText::tr("\"%1\" is no outcome (tamamladı or iptal; empty: unchanged)").arg(outcomeText));
        }
        QVariant cancelReason;
        if (!cancelText.isEmpty()) {
            if (auto c = codeOf(cancelText, kCancelReasons))
                cancelReason = *c;
            else
                ctx.error(row, "cancel_reason",
                    ImportText::tr("\"%1\" is no cancellation reason (hastalık, çekildi, işletme iptal etti, diğer)")
                        .arg(cancelText));
            if (outcome != QLatin1String("cancelled"))
                ctx.error(row, "cancel_reason", ImportText::tr("a cancellation reason needs the outcome iptal (cancelled)"));
        }
        if (p && outcome) {
            // What the file does not say is kept: the completion date of a
            // placement already completed (else the session's end), the
            // reason of one already cancelled when the file gives none.
            const bool completed = *outcome == QLatin1String("completed");
            const bool already = p->status == *outcome;
            if (!completed && cancelReason.isNull() && already && !p->cancelReason.isEmpty())
                cancelReason = p->cancelReason;
            const QVariant completedOn
                = !completed ? QVariant() : QVariant(already && !p->completedOn.isEmpty() ? p->completedOn : p->end);
            Outcome o { p->id, *outcome, cancelReason, completedOn, row.line };
            if (const int other = outcomeLines.value(p->id); other > 0) {
                for (const Outcome &earlier : m_outcomes)
                    if (earlier.placement == p->id && (earlier.status != o.status || !same(earlier.cancelReason, o.cancelReason)))
                        ctx.error(row, "outcome", ImportText::tr("line %1 gives this placement another outcome").arg(other));
            } else {
                outcomeLines.insert(p->id, row.line);
                o.action = p->status == o.status
                        && same(p->cancelReason.isEmpty() ? QVariant() : QVariant(p->cancelReason), o.cancelReason)
                        && same(p->completedOn.isEmpty() ? QVariant() : QVariant(p->completedOn), o.completedOn)
                    ? Action::Skip
                    : Action::Update;
                m_outcomes.push_back(o);
            }
        }
    }
    if (ctx.report.errorCount > 0)
        return {};
    for (const Outcome &o : m_outcomes)
        ++(o.action == Action::Skip ? ctx.report.skipped : ctx.report.updated);
    if (Status s = classifyAttendance(ctx, totalPlacements); !s)
        return s;
    return checkOwnership(ctx);
}

Status ProgrammePlan::classifyAttendance(ImportContext &ctx, const QSet<qint64> &totals)
{
    struct Old
    {
        double hours;
        QVariant absence;
    };
    QHash<QString, Old> existing;
    QHash<qint64, QStringList> existingDays;
    QSqlQuery q(ctx.db);
    q.setForwardOnly(true);
    if (Status s = Sql::prepare(q, QStringLiteral("SELECT placement_id, day, hours, absence FROM attendance"));
        !s || !(s = Sql::run(q)))
        return s;
    while (q.next()) {
        const qint64 placement = q.value(0).toLongLong();
        existing.insert(
            QString::number(placement) + QLatin1Char('|') + q.value(1).toString(), Old { q.value(2).toDouble(), q.value(3) });
        if (totals.contains(placement))
            existingDays[placement] << q.value(1).toString();
    }
    QHash<qint64, QSet<QString>> planned;
    QHash<qint64, int> lineOf;
    for (Day &d : m_days) {
        planned[d.placement].insert(d.day);
        lineOf.insert(d.placement, d.line);
        const auto it = existing.constFind(QString::number(d.placement) + QLatin1Char('|') + d.day);
        if (it == existing.cend())
            d.action = Action::Insert;
        else
            d.action = sameHours(it->hours, d.hours) && same(it->absence, d.absence) ? Action::Skip : Action::Update;
        ++(d.action == Action::Insert        ? ctx.report.inserted
                : d.action == Action::Update ? ctx.report.updated
                                             : ctx.report.skipped);
    }
    // A total replaces every day recorded for its placement.
    for (auto it = existingDays.cbegin(); it != existingDays.cend(); ++it)
        for (const QString &day : it.value())
            if (!planned.value(it.key()).contains(day)) {
                m_removed.push_back(Removed { it.key(), day, lineOf.value(it.key()) });
                ++ctx.report.updated;
            }
    return {};
}

Status ProgrammePlan::planEvaluations(ImportContext &ctx)
{
    QHash<QString, QVector<qint64>> byCode; // loose key of the code → items (of either kind)
    {
        QSqlQuery q(ctx.db);
        if (Status s = Sql::prepare(q, QStringLiteral("SELECT id, code FROM evaluation_item ORDER BY id"));
            !s || !(s = Sql::run(q)))
            return s;
        while (q.next())
            byCode[TurkishText::looseKey(q.value(1).toString())] << q.value(0).toLongLong();
    }
    std::vector<std::pair<int, qint64>> items; // column → item
    for (int c = 0; c < ctx.mapping.targets.size(); ++c) {
        const QString code = itemCode(ctx.mapping.targets.at(c));
        if (code.isEmpty())
            continue;
        const QVector<qint64> ids = byCode.value(TurkishText::looseKey(code));
        if (ids.size() != 1)
            ctx.report.refuse(Error { ids.isEmpty() ? ImportText::tr("there is no questionnaire item %1").arg(code)
                                                    : ImportText::tr("questionnaire item %1 is of both kinds of evaluation: "
                                                                     "the column cannot tell which one it answers")
                                                          .arg(code),
                ctx.table.file, ctx.table.headerLine, c + 1 });
        else
            items.emplace_back(c, ids.front());
    }
    if (ctx.report.errorCount > 0)
        return {};
    if (items.empty()) {
        ctx.report.refuse(Error { ImportText::tr("no column names a questionnaire item: use the item codes (T1 … T5 for the "
                                                 "training, P1 … P5 for the teacher) or their texts as headers"),
            ctx.table.file, ctx.table.headerLine, 0 });
        return {};
    }
    if (Status s = loadPlacements(ctx.db); !s)
        return s;
    QHash<qint64, int> seen; // placement → line
    for (const SourceRow &row : ctx.table.rows) {
        const Placement *p = placementOf(ctx, row);
        if (p) {
            if (const int other = seen.value(p->id); other > 0)
                ctx.error(row, "national_id", ImportText::tr("the evaluation of this placement is also on line %1").arg(other));
            else
                seen.insert(p->id, row.line);
        }
        for (const auto &[column, item] : items) {
            const QString cell = row.cell(column);
            if (CellValue::text(cell).isEmpty())
                continue; // not answered
            QString reason;
            const auto score = m_scale.level(cell, &reason);
            if (!score)
                ctx.errorAt(row, column, reason);
            else if (p && ctx.report.errorCount == 0)
                m_answers.push_back(Answer { p->id, item, *score, row.line });
        }
    }
    if (ctx.report.errorCount > 0)
        return {};
    if (Status s = classifyAnswers(ctx); !s)
        return s;
    return checkOwnership(ctx);
}

Status ProgrammePlan::classifyAnswers(ImportContext &ctx)
{
    QHash<QString, QVariant> existing;
    QSqlQuery q(ctx.db);
    q.setForwardOnly(true);
    if (Status s = Sql::prepare(q, QStringLiteral("SELECT placement_id, item_id, score FROM evaluation_answer"));
        !s || !(s = Sql::run(q)))
        return s;
    while (q.next())
        existing.insert(q.value(0).toString() + QLatin1Char('|') + q.value(1).toString(), q.value(2));
    for (Answer &a : m_answers) {
        const auto it = existing.constFind(QString::number(a.placement) + QLatin1Char('|') + QString::number(a.item));
        if (it == existing.cend())
            a.action = Action::Insert;
        else
            a.action = same(*it, a.score) ? Action::Skip : Action::Update;
        ++(a.action == Action::Insert        ? ctx.report.inserted
                : a.action == Action::Update ? ctx.report.updated
                                             : ctx.report.skipped);
    }
    return {};
}

Status ProgrammePlan::checkOwnership(ImportContext &ctx)
{
    auto ownership = Ownership::of(ctx.db);
    if (!ownership)
        return ownership.error();
    auto owners = Ownership::rowsOf(ctx.db, QStringLiteral("placement"));
    if (!owners)
        return owners.error();
    QSet<int> refusedLines;
    const auto check = [&](qint64 placement, int line) {
        if (refusedLines.contains(line))
            return;
        const QString problem = ownership->editProblem(QStringLiteral("placement"), {}, owners->value(int(placement)));
        if (problem.isEmpty())
            return;
        refusedLines.insert(line);
        ctx.report.refuse(Error { ImportText::tr("this row changes a placement: %1").arg(problem), ctx.table.file, line, 0 });
    };
    for (const Day &d : m_days)
        if (d.action != Action::Skip)
            check(d.placement, d.line);
    for (const Removed &r : m_removed)
        check(r.placement, r.line);
    for (const Outcome &o : m_outcomes)
        if (o.action != Action::Skip)
            check(o.placement, o.line);
    for (const Answer &a : m_answers)
        if (a.action != Action::Skip)
            check(a.placement, a.line);
    return {};
}

Status ProgrammePlan::write(QSqlDatabase db, const std::function<bool()> &tick)
{
    QSqlQuery insertDay(db), updateDay(db), removeDay(db), outcome(db), insertAnswer(db), updateAnswer(db);
    for (auto [query, sql] :
        { std::pair { &insertDay, "INSERT INTO attendance(hours, absence, placement_id, day) VALUES (?, ?, ?, ?)" },
            std::pair { &updateDay, "UPDATE attendance SET hours = ?, absence = ? WHERE placement_id = ? AND day = ?" },
            std::pair { &removeDay, "DELETE FROM attendance WHERE placement_id = ? AND day = ?" },
            std::pair { &outcome, "UPDATE placement SET status = ?, cancel_reason = ?, completed_on = ? WHERE id = ?" },
            std::pair { &insertAnswer, "INSERT INTO evaluation_answer(score, placement_id, item_id) VALUES (?, ?, ?)" },
            std::pair { &updateAnswer, "UPDATE evaluation_answer SET score = ? WHERE placement_id = ? AND item_id = ?" } })
        if (Status s = Sql::prepare(*query, QLatin1String(sql)); !s)
            return s;
    const auto run = [](QSqlQuery &q, const QVariantList &values, int line) -> Status {
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values.at(i));
        if (!q.exec())
            return Sql::rowError(q, line);
        return {};
    };
    const auto cancelled = [] { return Status::failure(ImportText::tr("cancelled")); };
    // Outcomes first: a placement cancelled by the file and recorded again keeps its days.
    for (const Outcome &o : m_outcomes) {
        if (tick && !tick())
            return cancelled();
        if (o.action == Action::Skip)
            continue;
        if (Status s = run(outcome, { o.status, o.cancelReason, o.completedOn, o.placement }, o.line); !s)
            return s;
    }
    for (const Removed &r : m_removed) {
        if (tick && !tick())
            return cancelled();
        if (Status s = run(removeDay, { r.placement, r.day }, r.line); !s)
            return s;
    }
    for (const Day &d : m_days) {
        if (tick && !tick())
            return cancelled();
        if (d.action == Action::Skip)
            continue;
        if (Status s
            = run(d.action == Action::Insert ? insertDay : updateDay, { d.hours, d.absence, d.placement, d.day }, d.line);
            !s)
            return s;
    }
    for (const Answer &a : m_answers) {
        if (tick && !tick())
            return cancelled();
        if (a.action == Action::Skip)
            continue;
        if (Status s = run(a.action == Action::Insert ? insertAnswer : updateAnswer, { a.score, a.placement, a.item }, a.line);
            !s)
            return s;
    }
    return {};
}

} // namespace kopru
