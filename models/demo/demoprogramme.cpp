// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/demoprogramme.h"

#include "models/db/blockinsert.h"
#include "models/db/sql.h"
#include "models/demo/random.h"
#include "models/exchange/globalid.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace kopru::DemoProgramme {

namespace {

// The first programme ends before this day; the demo is seen after it.
const QDate kFirstProgrammeEnd(2027, 7, 1);
const QString kRecordedAt = QStringLiteral("2027-07-05 09:00:00");

struct Session
{
    int id = 0, field = 0, partner = 0, capacity = 0;
    QDate start, end;
    double hours = 0;
    QSet<int> competencies;
};

struct Teacher
{
    int id = 0;
    QDate from, to; // invalid: available any time
    bool placed = false;
};

std::vector<QDate> workingDays(const Session &s)
{
    std::vector<QDate> days;
    for (QDate d = s.start; d <= s.end; d = d.addDays(1))
        if (d.dayOfWeek() <= 5)
            days.push_back(d);
    return days;
}

const char *const kCancelReasons[] = { "illness", "withdrew", "partner_cancelled", "other" };
const std::vector<double> kCancelWeights { 4, 3, 2, 1 };
const char *const kAbsences[] = { "illness", "excused", "unexcused", "other" };
const std::vector<double> kAbsenceWeights { 5, 3, 1, 1 };

int score(Random &rng, double mean)
{
    return std::clamp(int(std::lround(mean + (rng.unit() + rng.unit() - 1.0) * 1.6)), 1, 5);
}

} // namespace

Expected<Summary> record(QSqlDatabase db, std::uint64_t seed, DemoSurvey &survey)
{
    Summary summary;
    Random rng(seed ^ 0x70726F6772616DULL); // "program"
    Random ids(seed ^ 0x69647300ULL); // the placements' global ids, from their own sequence
    std::vector<Session> sessions;
    QHash<int, int> sessionIndex;
    if (Status s = Sql::forEachRow(db,
            QStringLiteral("SELECT id, field_id, partner_id, capacity, start_date, end_date, hours FROM training_session "
                           "WHERE start_date < '%1' ORDER BY id")
                .arg(kFirstProgrammeEnd.toString(Qt::ISODate)),
            [&](const QSqlQuery &q) {
                sessionIndex.insert(q.value(0).toInt(), int(sessions.size()));
                sessions.push_back(Session { q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt(), q.value(3).toInt(),
                    QDate::fromString(q.value(4).toString(), Qt::ISODate), QDate::fromString(q.value(5).toString(), Qt::ISODate),
                    q.value(6).toDouble(), {} });
            });
        !s)
        return s.error();
    if (Status s = Sql::forEachRow(db, QStringLiteral("SELECT session_id, competency_id FROM session_competency"),
            [&](const QSqlQuery &q) {
                if (const auto i = sessionIndex.find(q.value(0).toInt()); i != sessionIndex.end())
                    sessions[std::size_t(*i)].competencies.insert(q.value(1).toInt());
            });
        !s)
        return s.error();
    std::map<int, std::vector<Teacher>> teachersOfField;
    if (Status s
        = Sql::forEachRow(db, QStringLiteral("SELECT id, field_id, available_from, available_to FROM teacher ORDER BY id"),
            [&](const QSqlQuery &q) {
                auto &list = teachersOfField[q.value(1).toInt()];
                list.push_back(Teacher { q.value(0).toInt(), QDate::fromString(q.value(2).toString(), Qt::ISODate),
                    QDate::fromString(q.value(3).toString(), Qt::ISODate) });
            });
        !s)
        return s.error();
    QSqlQuery placement(db);
    BlockInsert attendance(db, QStringLiteral("attendance"),
        { QStringLiteral("placement_id"), QStringLiteral("day"), QStringLiteral("hours"), QStringLiteral("absence") });
    BlockInsert answer(db, QStringLiteral("evaluation_answer"),
        { QStringLiteral("placement_id"), QStringLiteral("item_id"), QStringLiteral("score") });
    if (Status s = Sql::prepare(placement,
            QStringLiteral("INSERT INTO placement(teacher_id, session_id, status, completed_on, cancel_reason, modified_at, uid) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)"));
        !s)
        return s.error();
    if (Status s = attendance.prepare(); !s)
        return s.error();
    if (Status s = answer.prepare(); !s)
        return s.error();
    std::vector<int> trainingItems, teacherItems;
    if (Status s
        = Sql::forEachRow(db, QStringLiteral("SELECT id, kind FROM evaluation_item WHERE active = 1 ORDER BY sort_order, id"),
            [&](const QSqlQuery &q) {
                (q.value(1).toString() == QLatin1String("training") ? trainingItems : teacherItems).push_back(q.value(0).toInt());
            });
        !s)
        return s.error();

    QHash<int, double> partnerQuality; // each partner's typical evaluation
    for (const Session &session : sessions) {
        // Free teachers of the field, in a random order; about nine places in ten are taken.
        std::vector<Teacher *> candidates;
        for (Teacher &t : teachersOfField[session.field])
            if (!t.placed && (!t.from.isValid() || (t.from <= session.start && session.end <= t.to)))
                candidates.push_back(&t);
        const int take = std::min<int>(int(candidates.size()), session.capacity - (rng.chance(0.25) ? 1 : 0));
        if (!partnerQuality.contains(session.partner))
            partnerQuality.insert(session.partner, 3.4 + 1.2 * rng.unit());
        const double quality = partnerQuality.value(session.partner);
        const std::vector<QDate> days = workingDays(session);
        QStringList dayNames;
        for (const QDate &d : days)
            dayNames << d.toString(Qt::ISODate);
        const double perDay = days.empty() ? 0 : session.hours / double(days.size());
        for (int k = 0; k < take; ++k) {
            std::swap(candidates[std::size_t(k)], candidates[std::size_t(k + rng.below(int(candidates.size()) - k))]);
            Teacher &teacher = *candidates[std::size_t(k)];
            teacher.placed = true;
            const bool cancelled = rng.chance(0.1);
            const QString reason = cancelled ? QString::fromLatin1(kCancelReasons[rng.weighted(kCancelWeights)]) : QString();
            if (Status s = Sql::run(placement,
                    { teacher.id, session.id, cancelled ? QStringLiteral("cancelled") : QStringLiteral("completed"),
                        cancelled ? QVariant() : QVariant(session.end.toString(Qt::ISODate)),
                        cancelled ? QVariant(reason) : QVariant(), kRecordedAt, GlobalId::fromSeed(ids) });
                !s)
                return s.error();
            const int placementId = placement.lastInsertId().toInt();
            ++summary.placements;
            ++(cancelled ? summary.cancelled : summary.completed);
            // Attendance: a cancelled placement stops after a few days (a partner's
            // cancellation before the first).
            const int lastDay = !cancelled                     ? int(days.size())
                : reason == QLatin1String("partner_cancelled") ? 0
                                                               : rng.between(1, std::max(1, int(days.size()) / 2));
            for (int d = 0; d < lastDay; ++d) {
                double hours = perDay;
                QVariant absence;
                if (rng.chance(0.06)) {
                    hours = rng.chance(0.5) ? 0 : std::floor(perDay / 2);
                    absence = QString::fromLatin1(kAbsences[rng.weighted(kAbsenceWeights)]);
                }
                if (Status s = attendance.add({ placementId, dayNames[std::size_t(d)], hours, absence }); !s)
                    return s.error();
                ++summary.attendanceDays;
            }
            if (cancelled)
                continue;
            // Evaluations: most teachers and partners answer; a few items "not applicable".
            const auto answerAll = [&](const std::vector<int> &items, double mean) -> Status {
                for (int item : items) {
                    const QVariant value = rng.chance(0.04) ? QVariant() : QVariant(score(rng, mean));
                    if (Status s = answer.add({ placementId, item, value }); !s)
                        return s;
                    ++summary.answers;
                }
                return {};
            };
            if (rng.chance(0.8))
                if (Status s = answerAll(trainingItems, quality); !s)
                    return s.error();
            if (rng.chance(0.7))
                if (Status s = answerAll(teacherItems, 3.6 + 0.8 * rng.unit()); !s)
                    return s.error();
            // Round 2 for about four in ten: the need fell where the session taught.
            if (!rng.chance(0.4))
                continue;
            // Round 2 is the same questionnaire: what was "not applicable" in round 1 stays so.
            const std::vector<std::pair<int, int>> firstRound = survey.firstRound(teacher.id);
            std::vector<std::uint8_t> secondRound;
            secondRound.reserve(firstRound.size());
            for (const auto &[competency, need] : firstRound) {
                if (need == 0) {
                    secondRound.push_back(0);
                    continue;
                }
                const double drop = session.competencies.contains(competency) ? 1.2 : 0.2;
                secondRound.push_back(std::uint8_t(std::clamp(int(std::lround(need - drop + (rng.unit() - 0.5) * 1.6)), 1, 5)));
            }
            summary.secondRoundRatings += int(secondRound.size());
            survey.addSecondRound(teacher.id, std::move(secondRound));
        }
    }
    if (Status s = attendance.finish(); !s)
        return s.error();
    if (Status s = answer.finish(); !s)
        return s.error();
    // Recording the parts raised the placements' versions: what the demo made
    // is version 1, recorded at one fixed time.
    if (Status s = Sql::exec(db, QStringLiteral("UPDATE placement SET version = 1, modified_at = ?"), { kRecordedAt }); !s)
        return s.error();
    return summary;
}

} // namespace kopru::DemoProgramme
