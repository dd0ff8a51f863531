// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/quality/programmefacts.h"

#include "models/db/sql.h"

#include <QSqlQuery>
#include <algorithm>
#include <cmath>

namespace kopru::quality {

// The rows of one teacher × competency (one per round) come next to each
// other from SQLite's primary key; PostgreSQL gives no order, so whatever is
// not yet in competency order is sorted and merged (each round sets its own
// half of the pair).
void ProgrammeFacts::orderNeeds(std::vector<CompetencyNeed> &needs)
{
    const auto byCompetency = [](const auto &a, const auto &b) { return a.competency < b.competency; };
    const auto outOfOrder = [](const auto &a, const auto &b) { return a.competency >= b.competency; };
    if (std::adjacent_find(needs.begin(), needs.end(), outOfOrder) == needs.end())
        return; // strictly increasing already
    std::stable_sort(needs.begin(), needs.end(), byCompetency);
    std::vector<ProgrammeFacts::CompetencyNeed> merged;
    merged.reserve(needs.size());
    for (const ProgrammeFacts::CompetencyNeed &n : needs) {
        if (merged.empty() || merged.back().competency != n.competency) {
            merged.push_back(n);
            continue;
        }
        NeedPair &pair = merged.back().need;
        if (std::isnan(pair.before))
            pair.before = n.need.before;
        if (std::isnan(pair.after))
            pair.after = n.need.after;
    }
    needs.swap(merged);
}

Expected<ProgrammeFacts> ProgrammeFacts::load(QSqlDatabase db)
{
    ProgrammeFacts f;
    QHash<int, int> teacherIndex, placementIndex, erasedIndex;
    const auto names = [&](const QString &sql, QHash<int, Name> &into) {
        return Sql::forEachRow(db, sql, [&](const QSqlQuery &q) {
            into.insert(q.value(0).toInt(), Name { q.value(1).toString(), q.value(2).toString(), q.value(3).toString() });
        });
    };
    if (Status s = names(QStringLiteral("SELECT id, id, name, name FROM centre"), f.centres); !s)
        return s.error();
    if (Status s = names(QStringLiteral("SELECT id, code, name_tr, name_en FROM field"), f.fields); !s)
        return s.error();
    if (Status s = names(QStringLiteral("SELECT id, id, name, name FROM province"), f.provinces); !s)
        return s.error();
    if (Status s = Sql::forEachRow(db, QStringLiteral("SELECT id, code, title_tr, title_en FROM competency"),
            [&](const QSqlQuery &q) {
                f.competencies.insert(
                    q.value(0).toInt(), Competency { q.value(1).toString(), q.value(2).toString(), q.value(3).toString() });
            });
        !s)
        return s.error();
    if (Status s = Sql::forEachRow(db, QStringLiteral("SELECT id, centre_id, field_id, province_id FROM teacher"),
            [&](const QSqlQuery &q) {
                teacherIndex.insert(q.value(0).toInt(), int(f.teachers.size()));
                f.teachers.push_back(Teacher { q.value(1).toInt(), q.value(2).toInt(), q.value(3).toInt(), false, false, {} });
            });
        !s)
        return s.error();
    // ~8 million rows at 100,000 teachers: the competency, round and need
    // travel packed in one integer ((competency × 4 + round) × 8 + need, 0 =
    // none), as each column read costs a QVariant (half the page's time).
    if (Status s = Sql::forEachRow(db,
            QStringLiteral("SELECT teacher_id, (CAST(competency_id AS BIGINT) * 4 + round) * 8 + coalesce(need, 0) "
                           "FROM need_rating WHERE round IN (1, 2)"),
            [&](const QSqlQuery &q) {
                Teacher &t = f.teachers[teacherIndex.value(q.value(0).toInt())];
                const qint64 packed = q.value(1).toLongLong();
                const int need = int(packed & 7), round = int((packed >> 3) & 3), competency = int(packed >> 5);
                if (t.needs.empty() || t.needs.back().competency != competency)
                    t.needs.push_back(CompetencyNeed { competency, {} });
                NeedPair &pair = t.needs.back().need;
                const double value = need == 0 ? NeedChange::kNaN : double(need);
                if (round == 1) {
                    t.surveyed = true;
                    pair.before = value;
                } else {
                    pair.after = value;
                }
            });
        !s)
        return s.error();
    for (Teacher &t : f.teachers)
        orderNeeds(t.needs);
    if (Status s = Sql::forEachRow(db,
            QStringLiteral("SELECT p.id, p.teacher_id, p.session_id, s.partner_id, p.status, p.cancel_reason, s.hours, "
                           "s.start_date "
                           "FROM placement p JOIN training_session s ON s.id = p.session_id"),
            [&](const QSqlQuery &q) {
                placementIndex.insert(q.value(0).toInt(), int(f.placements.size()));
                Placement p;
                p.teacher = teacherIndex.value(q.value(1).toInt());
                p.sessionId = q.value(2).toInt();
                p.partnerId = q.value(3).toInt();
                p.status = q.value(4).toString();
                p.cancelReason = q.value(5).toString();
                p.hoursPlanned = q.value(6).toDouble();
                p.sessionStart = QDate::fromString(q.value(7).toString(), Qt::ISODate);
                f.placements.push_back(p);
            });
        !s)
        return s.error();
    if (Status s = Sql::forEachRow(db, QStringLiteral("SELECT placement_id, sum(hours) FROM attendance GROUP BY placement_id"),
            [&](const QSqlQuery &q) {
                f.placements[placementIndex.value(q.value(0).toInt())].hoursAttended = q.value(1).toDouble();
            });
        !s)
        return s.error();
    if (Status s = Sql::forEachRow(db,
            QStringLiteral("SELECT e.placement_id, i.kind, count(e.score), sum(e.score) FROM evaluation_answer e "
                           "JOIN evaluation_item i ON i.id = e.item_id GROUP BY e.placement_id, i.kind"),
            [&](const QSqlQuery &q) {
                Placement &p = f.placements[placementIndex.value(q.value(0).toInt())];
                const bool training = q.value(1).toString() == QLatin1String("training");
                (training ? p.trainingRespondent : p.teacherRespondent) = 1;
                (training ? p.trainingAnswers : p.teacherAnswers) = q.value(2).toInt();
                (training ? p.trainingSum : p.teacherSum) = q.value(3).toDouble();
            });
        !s)
        return s.error();
    if (Status s = Sql::forEachRow(db, QStringLiteral("SELECT session_id, competency_id FROM session_competency"),
            [&](const QSqlQuery &q) { f.sessionCompetencies.insert((q.value(0).toLongLong() << 32) | q.value(1).toLongLong()); });
        !s)
        return s.error();
    // What erasures left: counted like the others, without ratings or sessions.
    if (Status s
        = Sql::forEachRow(db, QStringLiteral("SELECT id, centre_id, field_id, province_id, surveyed FROM erased_teacher"),
            [&](const QSqlQuery &q) {
                erasedIndex.insert(q.value(0).toInt(), int(f.teachers.size()));
                f.teachers.push_back(
                    Teacher { q.value(1).toInt(), q.value(2).toInt(), q.value(3).toInt(), q.value(4).toInt() == 1, true, {} });
            });
        !s)
        return s.error();
    if (Status s = Sql::forEachRow(db,
            QStringLiteral("SELECT erased_teacher_id, partner_id, status, cancel_reason, hours_planned, hours_attended, "
                           "training_answers, training_sum, teacher_answers, teacher_sum FROM erased_placement"),
            [&](const QSqlQuery &q) {
                Placement p;
                p.teacher = erasedIndex.value(q.value(0).toInt());
                p.partnerId = q.value(1).toInt();
                p.status = q.value(2).toString();
                p.cancelReason = q.value(3).toString();
                p.hoursPlanned = q.value(4).toDouble();
                p.hoursAttended = q.value(5).toDouble();
                p.trainingAnswers = q.value(6).toInt();
                p.trainingSum = q.value(7).toDouble();
                p.trainingRespondent = p.trainingAnswers > 0 ? 1 : 0;
                p.teacherAnswers = q.value(8).toInt();
                p.teacherSum = q.value(9).toDouble();
                p.teacherRespondent = p.teacherAnswers > 0 ? 1 : 0;
                f.placements.push_back(p);
            });
        !s)
        return s.error();
    return f;
}

} // namespace kopru::quality
