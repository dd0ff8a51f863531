// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/unplaced.h"

#include "models/db/sql.h"
#include "models/domain/turkishtext.h"
#include "models/planning/planfield.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <algorithm>
#include <unordered_map>

namespace kopru::Unplaced {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(Unplaced)
};

} // namespace

QString reasonText(UnplacedTeacher::Reason reason)
{
    switch (reason) {
    case UnplacedTeacher::Reason::NoSession:
        return Text::tr("no session in the field");
    case UnplacedTeacher::Reason::DatesUnavailable:
        return Text::tr("no session within the teacher's available dates");
    case UnplacedTeacher::Reason::LockedElsewhere:
        return Text::tr("the sessions that fit are full of locked or confirmed placements");
    case UnplacedTeacher::Reason::SessionsFull:
        return Text::tr("the sessions that fit are full (teachers with more need were placed)");
    }
    return {};
}

QString reasonKey(UnplacedTeacher::Reason reason)
{
    switch (reason) {
    case UnplacedTeacher::Reason::NoSession:
        return QStringLiteral("no-session");
    case UnplacedTeacher::Reason::DatesUnavailable:
        return QStringLiteral("dates-unavailable");
    case UnplacedTeacher::Reason::LockedElsewhere:
        return QStringLiteral("locked-elsewhere");
    case UnplacedTeacher::Reason::SessionsFull:
        return QStringLiteral("sessions-full");
    }
    return {};
}

Expected<std::vector<UnplacedTeacher>> load(QSqlDatabase db, const PlanScope &scope)
{
    // The instance holds the scope's teachers without a kept placement, and
    // the sessions' places left after the kept placements. The needs play no
    // part here: not read (at 100,000 teachers ~4 million ratings, 2 s).
    auto instance = PlanInstance::load(db, scope, PlanInstance::Needs::Skip);
    if (!instance)
        return instance.error();
    // Availability as date ranks: PlanInstance::eligible on integers (tens of
    // thousands of unplaced teachers × every session of their field).
    const PlanDates dates = PlanDates::of(instance.value());
    QSet<int> placed;
    {
        QSqlQuery q(db);
        if (Status s = Sql::prepare(q, QStringLiteral("SELECT teacher_id FROM placement WHERE status <> 'cancelled'")); !s)
            return s.error();
        if (Status s = Sql::run(q); !s)
            return s.error();
        while (q.next())
            placed.insert(q.value(0).toInt());
    }
    std::unordered_map<int, std::vector<std::size_t>> sessionsOfField;
    for (std::size_t s = 0; s < instance->sessions.size(); ++s)
        sessionsOfField[instance->sessions[s].field].push_back(s);

    QHash<int, UnplacedTeacher> byId;
    for (std::size_t i = 0; i < instance->teachers.size(); ++i) {
        const PlanTeacher &t = instance->teachers[i];
        if (placed.contains(t.id))
            continue;
        UnplacedTeacher u;
        u.teacherId = t.id;
        bool anyFree = false;
        const auto list = sessionsOfField.find(t.field);
        if (list != sessionsOfField.end()) {
            const int from = dates.teacherFrom[i], to = dates.teacherTo[i];
            for (std::size_t s : list->second) {
                ++u.sessionsInField;
                if (dates.sessionStart[s] >= from && dates.sessionEnd[s] <= to) {
                    ++u.sessionsThatFit;
                    anyFree = anyFree || instance->sessions[s].free > 0;
                }
            }
        }
        if (u.sessionsInField == 0)
            u.reason = UnplacedTeacher::Reason::NoSession;
        else if (u.sessionsThatFit == 0)
            u.reason = UnplacedTeacher::Reason::DatesUnavailable;
        else if (!anyFree)
            u.reason = UnplacedTeacher::Reason::LockedElsewhere;
        else
            u.reason = UnplacedTeacher::Reason::SessionsFull;
        byId.insert(t.id, u);
    }

    QSqlQuery q(db);
    if (Status s = Sql::prepare(q,
            QStringLiteral("SELECT t.id, t.national_id, t.first_name || ' ' || t.last_name, f.code, p.name FROM teacher t "
                           "JOIN field f ON f.id = t.field_id JOIN province p ON p.id = t.province_id"));
        !s)
        return s.error();
    if (Status s = Sql::run(q); !s)
        return s.error();
    std::vector<UnplacedTeacher> result;
    result.reserve(std::size_t(byId.size()));
    while (q.next()) {
        auto it = byId.find(q.value(0).toInt());
        if (it == byId.end())
            continue;
        it->nationalId = q.value(1).toString();
        it->name = q.value(2).toString();
        it->fieldCode = q.value(3).toString();
        it->province = q.value(4).toString();
        result.push_back(*it);
    }
    std::sort(result.begin(), result.end(), [](const UnplacedTeacher &a, const UnplacedTeacher &b) {
        if (a.fieldCode != b.fieldCode)
            return a.fieldCode < b.fieldCode;
        const int c = TurkishText::compare(a.name, b.name);
        return c != 0 ? c < 0 : a.teacherId < b.teacherId;
    });
    return result;
}

} // namespace kopru::Unplaced
