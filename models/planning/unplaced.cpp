// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/unplaced.h"

#include "models/db/sql.h"
#include "models/domain/turkishtext.h"
#include "models/planning/planfield.h"

#include <QCoreApplication>
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

namespace {

// Counts of points by their end-date rank, prefix sums in O(log n).
class Fenwick
{
public:
    explicit Fenwick(std::size_t size)
        : m_tree(size + 1, 0)
    { }
    void add(std::size_t at)
    {
        for (std::size_t i = at + 1; i < m_tree.size(); i += i & (~i + 1))
            ++m_tree[i];
    }
    // How many were added at ranks below `end`.
    int countBelow(std::size_t end) const
    {
        int sum = 0;
        for (std::size_t i = std::min(end, m_tree.size() - 1); i > 0; i -= i & (~i + 1))
            sum += m_tree[i];
        return sum;
    }

private:
    std::vector<int> m_tree;
};

} // namespace

std::vector<UnplacedTeacher> classify(const PlanInstance &instance, const std::vector<char> &placed)
{
    const PlanDates dates = PlanDates::of(instance);
    std::unordered_map<int, std::vector<int>> sessionsOfField, teachersOfField;
    for (std::size_t s = 0; s < instance.sessions.size(); ++s)
        sessionsOfField[instance.sessions[s].field].push_back(int(s));
    std::vector<UnplacedTeacher> result;
    std::vector<int> indexInResult(instance.teachers.size(), -1);
    for (std::size_t i = 0; i < instance.teachers.size(); ++i) {
        if (i < placed.size() && placed[i])
            continue;
        indexInResult[i] = int(result.size());
        UnplacedTeacher u;
        u.teacherId = instance.teachers[i].id;
        u.fieldId = instance.teachers[i].field;
        result.push_back(u);
        teachersOfField[instance.teachers[i].field].push_back(int(i));
    }
    for (auto &[field, teachers] : teachersOfField) {
        std::vector<int> sessions = sessionsOfField[field];
        // Sessions by start falling, teachers by the start of their dates falling:
        // when a teacher is reached, exactly the sessions that start late enough are in the trees.
        std::sort(sessions.begin(), sessions.end(),
            [&](int a, int b) { return dates.sessionStart[std::size_t(a)] > dates.sessionStart[std::size_t(b)]; });
        std::sort(teachers.begin(), teachers.end(),
            [&](int a, int b) { return dates.teacherFrom[std::size_t(a)] > dates.teacherFrom[std::size_t(b)]; });
        std::vector<int> ends;
        ends.reserve(sessions.size());
        for (int s : sessions)
            ends.push_back(dates.sessionEnd[std::size_t(s)]);
        std::sort(ends.begin(), ends.end());
        ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
        const auto endRank
            = [&ends](int end) { return std::size_t(std::lower_bound(ends.begin(), ends.end(), end) - ends.begin()); };
        Fenwick fitting(ends.size()), withPlaces(ends.size());
        std::size_t next = 0;
        for (int i : teachers) {
            const int from = dates.teacherFrom[std::size_t(i)];
            for (; next < sessions.size() && dates.sessionStart[std::size_t(sessions[next])] >= from; ++next) {
                const std::size_t s = std::size_t(sessions[next]);
                const std::size_t rank = endRank(dates.sessionEnd[s]);
                fitting.add(rank);
                if (instance.sessions[s].free > 0)
                    withPlaces.add(rank);
            }
            // Ends up to the teacher's last day: the ranks below the first end after it.
            const int to = dates.teacherTo[std::size_t(i)];
            const std::size_t below = std::size_t(std::upper_bound(ends.begin(), ends.end(), to) - ends.begin());
            UnplacedTeacher &u = result[std::size_t(indexInResult[std::size_t(i)])];
            u.sessionsInField = int(sessions.size());
            u.sessionsThatFit = fitting.countBelow(below);
            if (u.sessionsInField == 0)
                u.reason = UnplacedTeacher::Reason::NoSession;
            else if (u.sessionsThatFit == 0)
                u.reason = UnplacedTeacher::Reason::DatesUnavailable;
            else if (withPlaces.countBelow(below) == 0)
                u.reason = UnplacedTeacher::Reason::LockedElsewhere;
            else
                u.reason = UnplacedTeacher::Reason::SessionsFull;
        }
    }
    return result;
}

Status nameFields(QSqlDatabase db, std::vector<UnplacedTeacher> &teachers)
{
    std::unordered_map<int, QString> codes;
    if (Status s = Sql::forEachRow(db, QStringLiteral("SELECT id, code FROM field"),
            [&](const QSqlQuery &q) { codes[q.value(0).toInt()] = q.value(1).toString(); });
        !s)
        return s;
    for (UnplacedTeacher &u : teachers)
        u.fieldCode = codes[u.fieldId];
    std::sort(teachers.begin(), teachers.end(), [](const UnplacedTeacher &a, const UnplacedTeacher &b) {
        return a.fieldCode != b.fieldCode ? a.fieldCode < b.fieldCode : a.teacherId < b.teacherId;
    });
    return {};
}

Expected<std::vector<UnplacedTeacher>> reasons(QSqlDatabase db, const PlanScope &scope)
{
    // The instance holds the scope's teachers without a kept placement, and
    // the sessions' places left after the kept placements. The needs play no
    // part here: not read (at 100,000 teachers ~4 million ratings, 2 s).
    auto instance = PlanInstance::load(db, scope, PlanInstance::Needs::Skip);
    if (!instance)
        return instance.error();
    std::unordered_map<int, std::size_t> indexOf;
    indexOf.reserve(instance->teachers.size());
    for (std::size_t i = 0; i < instance->teachers.size(); ++i)
        indexOf.emplace(instance->teachers[i].id, i);
    std::vector<char> placed(instance->teachers.size(), 0);
    if (Status s = Sql::forEachRow(db, QStringLiteral("SELECT teacher_id FROM placement WHERE status <> 'cancelled'"),
            [&](const QSqlQuery &q) {
                const auto it = indexOf.find(q.value(0).toInt());
                if (it != indexOf.end())
                    placed[it->second] = 1;
            });
        !s)
        return s.error();
    std::vector<UnplacedTeacher> result = classify(instance.value(), placed);
    if (Status s = nameFields(db, result); !s)
        return s.error();
    return result;
}

Expected<std::vector<UnplacedTeacher>> load(QSqlDatabase db, const PlanScope &scope)
{
    auto listed = reasons(db, scope);
    if (!listed)
        return listed.error();
    std::vector<UnplacedTeacher> &result = listed.value();
    std::unordered_map<int, std::size_t> indexOf;
    indexOf.reserve(result.size());
    for (std::size_t i = 0; i < result.size(); ++i)
        indexOf.emplace(result[i].teacherId, i);
    if (Status s = Sql::forEachRow(db,
            QStringLiteral("SELECT t.id, t.national_id, t.first_name || ' ' || t.last_name, p.name FROM teacher t "
                           "JOIN province p ON p.id = t.province_id"),
            [&](const QSqlQuery &q) {
                const auto it = indexOf.find(q.value(0).toInt());
                if (it == indexOf.end())
                    return;
                UnplacedTeacher &u = result[it->second];
                u.nationalId = q.value(1).toString();
                u.name = q.value(2).toString();
                u.province = q.value(3).toString();
            });
        !s)
        return s.error();
    std::stable_sort(result.begin(), result.end(), [](const UnplacedTeacher &a, const UnplacedTeacher &b) {
        if (a.fieldCode != b.fieldCode)
            return a.fieldCode < b.fieldCode;
        return TurkishText::compare(a.name, b.name) < 0;
    });
    return result;
}

} // namespace kopru::Unplaced
