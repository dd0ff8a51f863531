// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/planinstance.h"

#include "models/db/referencedataloader.h"
#include "models/db/sql.h"
#include "models/db/sqldialect.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace kopru {

Q_LOGGING_CATEGORY(lcPlanInstance, "kopru.planner.instance", QtInfoMsg)

bool PlanInstance::eligible(const PlanTeacher &t, const PlanSession &s)
{
    if (t.field != s.field)
        return false;
    if (!t.availableFrom.isEmpty() && s.start < t.availableFrom)
        return false;
    if (!t.availableTo.isEmpty() && s.end > t.availableTo)
        return false;
    return true;
}

int PlanInstance::coveredNeed(const PlanTeacher &t, const PlanSession &s)
{
    int sum = 0;
    for (int c : s.competencies) {
        const int need = std::size_t(c) < t.needs.size() ? t.needs[std::size_t(c)] : 0;
        if (need > 1)
            sum += need - 1;
    }
    return sum;
}

int PlanInstance::roundedKm(int plateA, int plateB)
{
    static const std::vector<int> table = [] {
        std::vector<int> t(82 * 82, 0);
        for (int a = 1; a <= 81; ++a)
            for (int b = 1; b <= 81; ++b)
                t[std::size_t(a * 82 + b)] = int(std::lround(ReferenceData::distanceKm(a, b)));
        return t;
    }();
    if (plateA < 1 || plateA > 81 || plateB < 1 || plateB > 81)
        return 0;
    return table[std::size_t(plateA * 82 + plateB)];
}

namespace {

struct Loader
{
    QSqlDatabase db;
    PlanInstance &in;
    std::unordered_map<int, int> teacherIndex; // teacher id → index
    std::unordered_map<int, std::pair<int, int>> compIndex; // competency id → (field, index)

    Status competencies()
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (Status s = Sql::prepare(q, QStringLiteral("SELECT id, field_id, title_tr FROM competency ORDER BY field_id, id")); !s)
            return s;
        if (Status s = Sql::run(q); !s)
            return s;
        while (q.next()) {
            const int field = q.value(1).toInt();
            if (field < 0 || field > 100000)
                continue;
            if (std::size_t(field) >= in.competencies.size())
                in.competencies.resize(std::size_t(field) + 1);
            auto &fc = in.competencies[std::size_t(field)];
            compIndex[q.value(0).toInt()] = { field, int(fc.ids.size()) };
            fc.ids.push_back(q.value(0).toInt());
            fc.titles.push_back(q.value(2).toString());
        }
        return {};
    }

    std::size_t fieldSize(int field) const
    {
        return std::size_t(field) < in.competencies.size() ? in.competencies[std::size_t(field)].ids.size() : 0;
    }

    Status teachers()
    {
        const PlanScope &sc = in.scope;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (Status s = Sql::prepare(q,
                QStringLiteral(
                    "SELECT id, field_id, province_id, available_from, available_to FROM teacher "
                    "WHERE (? = 0 OR field_id = ?) AND (? = 0 OR centre_id = ?) AND (? = 0 OR province_id = ?) ORDER BY id"));
            !s)
            return s;
        if (Status s = Sql::run(q, { sc.fieldId, sc.fieldId, sc.centreId, sc.centreId, sc.provinceId, sc.provinceId }); !s)
            return s;
        while (q.next()) {
            PlanTeacher t;
            t.id = q.value(0).toInt();
            t.field = q.value(1).toInt();
            t.province = q.value(2).toInt();
            t.availableFrom = q.value(3).toString();
            t.availableTo = q.value(4).toString();
            t.needs.assign(fieldSize(t.field), 0);
            teacherIndex[t.id] = int(in.teachers.size());
            in.teachers.push_back(std::move(t));
        }
        return {};
    }

    std::size_t indexOfTeacher(qint64 id) const
    {
        const auto t = teacherIndex.find(int(id));
        return t == teacherIndex.end() || qint64(t->first) != id ? std::size_t(-1) : std::size_t(t->second);
    }

    // Competency id → (field, index) from a flat table when the ids are dense (a demo or an import), else the hash.
    std::vector<std::pair<int, int>> compById;
    const std::pair<int, int> *competency(qint64 id) const
    {
        if (!compById.empty()) {
            if (id < 0 || id >= qint64(compById.size()) || compById[std::size_t(id)].first < 0)
                return nullptr;
            return &compById[std::size_t(id)];
        }
        const auto c = compIndex.find(int(id));
        return c == compIndex.end() || qint64(c->first) != id ? nullptr : &c->second;
    }

    Status ratings()
    {
        int maxId = 0;
        for (const auto &[id, fc] : compIndex)
            maxId = std::max(maxId, id);
        if (maxId < 4 * int(compIndex.size()) + 1024) {
            compById.assign(std::size_t(maxId) + 1, { -1, -1 });
            for (const auto &[id, fc] : compIndex)
                if (id >= 0)
                    compById[std::size_t(id)] = fc;
        }
        qint64 minTeacher = 0, maxTeacher = 0;
        if (Status s = Sql::forEachRow(db, QStringLiteral("SELECT min(id), max(id) FROM teacher"),
                [&](const QSqlQuery &q) {
                    minTeacher = q.value(0).toLongLong();
                    maxTeacher = q.value(1).toLongLong();
                });
            !s)
            return s;
        int minComp = 0;
        for (const auto &[id, fc] : compIndex)
            minComp = std::min(minComp, id);
        const qint64 comps = qint64(maxId) + 1;
        // One packed value per rating fits in 63 bits: ((teacher × comps + competency) × 128 + round) × 8 + need.
        if (minComp >= 0 && minTeacher >= 0 && maxTeacher < (qint64(1) << 30) && comps < (qint64(1) << 22))
            return packedRatings(comps);
        return latestRatings();
    }

    // The ratings in one packed integer column (issue #16): at 100,000
    // teachers there are ~4 million ratings, and reading each as four
    // QVariant columns cost more than SQLite's own scan. Only rows that can
    // matter are read: a need above 1, or any rating of a later survey
    // round (which overrides an earlier one, also by "not applicable" or 1;
    // a round-1 rating of 1 or none counts 0 like no rating at all). The
    // latest round of each teacher × competency counts. SQLite sends the
    // rows in the order of the primary key at no cost (its scan order), so
    // the last row of a teacher × competency is its latest round and the
    // round need not be packed (clamping it cost a third of SQLite's work
    // on the query); PostgreSQL would sort them, so there the round is packed
    // and compared. Either way the teacher is looked up once per run of rows.
    Status packedRatings(qint64 comps)
    {
        const bool oneField = in.scope.fieldId != 0;
        const bool inKeyOrder = SqlDialect::backendOf(db) == SqlDialect::Backend::Sqlite;
        const QString round
            = inKeyOrder ? QString() : QStringLiteral(" * 128 + CASE WHEN r.round > 127 THEN 127 ELSE r.round END");
        const QString packed
            = QStringLiteral("((CAST(r.teacher_id AS BIGINT) * %1 + r.competency_id)%2) * 8 + coalesce(r.need, 0)")
                  .arg(comps)
                  .arg(round);
        const QString order = inKeyOrder ? QStringLiteral(" ORDER BY r.teacher_id, r.competency_id, r.round") : QString();
        const QString sql = oneField
            ? QStringLiteral("SELECT %1 FROM need_rating r JOIN competency c ON c.id = r.competency_id "
                             "WHERE c.field_id = ? AND (r.need > 1 OR r.round > 1)%2")
                  .arg(packed, order)
            : QStringLiteral("SELECT %1 FROM need_rating r WHERE (r.need > 1 OR r.round > 1)%2").arg(packed, order);
        const int roundBits = inKeyOrder ? 0 : 7;
        std::vector<std::vector<std::int8_t>> rounds(inKeyOrder ? 0 : in.teachers.size());
        qint64 lastId = -1;
        std::size_t teacher = std::size_t(-1);
        return Sql::forEachRow(db, sql, oneField ? QVariantList { in.scope.fieldId } : QVariantList(), [&](const QSqlQuery &q) {
            const qint64 v = q.value(0).toLongLong();
            const qint64 pair = v >> (3 + roundBits);
            const qint64 id = pair / comps;
            if (id != lastId) {
                lastId = id;
                teacher = indexOfTeacher(id);
            }
            if (teacher == std::size_t(-1))
                return;
            PlanTeacher &t = in.teachers[teacher];
            const std::pair<int, int> *c = competency(pair % comps);
            if (!c || c->first != t.field)
                return;
            const std::size_t idx = std::size_t(c->second);
            if (!inKeyOrder) {
                auto &r = rounds[teacher];
                if (r.empty())
                    r.assign(t.needs.size(), 0);
                const int thisRound = int((v >> 3) & 127);
                if (thisRound < r[idx])
                    return;
                r[idx] = std::int8_t(thisRound);
            }
            t.needs[idx] = std::int8_t(std::min<qint64>(v & 7, 5));
        });
    }

    // The general way, for ids beyond the packing: four columns a rating.
    Status latestRatings()
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        const bool oneField = in.scope.fieldId != 0;
        const QString sql = oneField ? QStringLiteral("SELECT r.teacher_id, r.competency_id, r.round, r.need FROM need_rating r "
                                                      "JOIN competency c ON c.id = r.competency_id WHERE c.field_id = ?")
                                     : QStringLiteral("SELECT r.teacher_id, r.competency_id, r.round, r.need FROM need_rating r");
        if (Status s = Sql::prepare(q, sql); !s)
            return s;
        if (Status s = oneField ? Sql::run(q, { in.scope.fieldId }) : Sql::run(q); !s)
            return s;
        // The latest survey round of each teacher × competency counts.
        std::vector<std::vector<std::int8_t>> round(in.teachers.size());
        while (q.next()) {
            const auto t = teacherIndex.find(q.value(0).toInt());
            if (t == teacherIndex.end())
                continue;
            const std::pair<int, int> *c = competency(q.value(1).toLongLong());
            PlanTeacher &teacher = in.teachers[std::size_t(t->second)];
            if (!c || c->first != teacher.field)
                continue;
            const std::size_t idx = std::size_t(c->second);
            auto &r = round[std::size_t(t->second)];
            if (r.empty())
                r.assign(teacher.needs.size(), 0);
            const int thisRound = std::min(q.value(2).toInt(), 127);
            if (thisRound < r[idx])
                continue;
            r[idx] = std::int8_t(thisRound);
            const QVariant need = q.value(3);
            teacher.needs[idx] = need.isNull() ? 0 : std::int8_t(std::clamp(need.toInt(), 0, 5));
        }
        return {};
    }

    Status sessions()
    {
        const int field = in.scope.fieldId;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (Status s = Sql::prepare(q,
                QStringLiteral("SELECT s.id, s.field_id, s.partner_id, p.province_id, s.start_date, s.end_date, s.capacity "
                               "FROM training_session s JOIN partner p ON p.id = s.partner_id "
                               "WHERE p.active = 1 AND (? = 0 OR s.field_id = ?) ORDER BY s.id"));
            !s)
            return s;
        if (Status s = Sql::run(q, { field, field }); !s)
            return s;
        std::unordered_map<int, int> sessionIndex;
        while (q.next()) {
            PlanSession s;
            s.id = q.value(0).toInt();
            s.field = q.value(1).toInt();
            s.partnerId = q.value(2).toInt();
            s.province = q.value(3).toInt();
            s.start = q.value(4).toString();
            s.end = q.value(5).toString();
            s.capacity = s.free = q.value(6).toInt();
            sessionIndex[s.id] = int(in.sessions.size());
            in.sessions.push_back(std::move(s));
        }
        QSqlQuery sc(db);
        sc.setForwardOnly(true);
        if (Status s = Sql::prepare(sc,
                QStringLiteral("SELECT session_id, competency_id FROM session_competency ORDER BY session_id, competency_id"));
            !s)
            return s;
        if (Status s = Sql::run(sc); !s)
            return s;
        while (sc.next()) {
            const auto s = sessionIndex.find(sc.value(0).toInt());
            const auto c = compIndex.find(sc.value(1).toInt());
            if (s == sessionIndex.end() || c == compIndex.end())
                continue;
            PlanSession &session = in.sessions[std::size_t(s->second)];
            if (c->second.first == session.field)
                session.competencies.push_back(c->second.second);
        }

        // Placements that stay: every placement of a teacher outside the
        // scope, and the locked, confirmed and completed ones inside it, and
        // those another database owns (the national office's or a centre's).
        QSqlQuery p(db);
        p.setForwardOnly(true);
        if (Status s = Sql::prepare(p,
                QStringLiteral("SELECT teacher_id, session_id, status, locked, owner_centre_id IS NOT DISTINCT FROM (SELECT "
                               "CAST(value AS INTEGER) "
                               "FROM meta WHERE key = 'centre_id') FROM placement WHERE status <> 'cancelled'"));
            !s)
            return s;
        if (Status s = Sql::run(p); !s)
            return s;
        std::vector<char> keeps(in.teachers.size(), 0);
        while (p.next()) {
            const auto t = teacherIndex.find(p.value(0).toInt());
            const bool replaced = t != teacherIndex.end() && p.value(2).toString() == QLatin1String("proposed")
                && p.value(3).toInt() == 0 && p.value(4).toInt() == 1;
            if (replaced)
                continue;
            if (t != teacherIndex.end())
                keeps[std::size_t(t->second)] = 1;
            const auto s = sessionIndex.find(p.value(1).toInt());
            if (s != sessionIndex.end())
                --in.sessions[std::size_t(s->second)].free;
        }
        std::vector<PlanTeacher> remaining;
        remaining.reserve(in.teachers.size());
        for (std::size_t i = 0; i < in.teachers.size(); ++i) {
            if (keeps[i])
                ++in.keptInScope;
            else
                remaining.push_back(std::move(in.teachers[i]));
        }
        in.teachers = std::move(remaining);
        return {};
    }
};

} // namespace

void PlanInstance::buildCandidates()
{
    candidates = allCandidates(*this);
}

std::vector<PlanCandidate> PlanInstance::allCandidates(const PlanInstance &in)
{
    std::vector<PlanCandidate> candidates;
    const auto &sessions = in.sessions;
    const auto &teachers = in.teachers;
    std::unordered_map<int, std::vector<int>> sessionsOfField;
    for (std::size_t s = 0; s < sessions.size(); ++s)
        if (sessions[s].free > 0)
            sessionsOfField[sessions[s].field].push_back(int(s));
    for (std::size_t t = 0; t < teachers.size(); ++t) {
        const PlanTeacher &teacher = teachers[t];
        const auto list = sessionsOfField.find(teacher.field);
        if (list == sessionsOfField.end())
            continue;
        for (int s : list->second) {
            const PlanSession &session = sessions[std::size_t(s)];
            if (!eligible(teacher, session))
                continue;
            candidates.push_back({ int(t), s, coveredNeed(teacher, session), roundedKm(teacher.province, session.province) });
        }
    }
    return candidates;
}

Expected<PlanInstance> PlanInstance::load(QSqlDatabase db, const PlanScope &scope, Needs needs)
{
    PlanInstance in;
    in.scope = scope;
    Loader loader { db, in, {}, {}, {} };
    QElapsedTimer timer;
    timer.start();
    for (Status (Loader::*step)() : { &Loader::competencies, &Loader::teachers, &Loader::ratings, &Loader::sessions }) {
        if (step == &Loader::ratings && needs == Needs::Skip)
            continue;
        if (Status s = (loader.*step)(); !s)
            return s.error();
        qCDebug(lcPlanInstance) << "step" << timer.restart() << "ms";
    }
    return in;
}

} // namespace kopru
