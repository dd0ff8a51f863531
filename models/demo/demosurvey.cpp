// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/demo/demosurvey.h"

#include "models/db/sql.h"
#include "models/import/ratinginserter.h"

#include <algorithm>
#include <numeric>

namespace kopru {

void DemoSurvey::addTeacher(int teacherId, const std::vector<int> &competencies)
{
    m_teachers.push_back({ teacherId, &competencies, m_answers.size() });
}

void DemoSurvey::answer(int need, int proficiency)
{
    m_answers.push_back(std::uint8_t(need | proficiency << 4));
}

const DemoSurvey::Teacher *DemoSurvey::find(int teacherId) const
{
    const auto it
        = std::lower_bound(m_teachers.cbegin(), m_teachers.cend(), teacherId, [](const Teacher &t, int id) { return t.id < id; });
    return it != m_teachers.cend() && it->id == teacherId ? &*it : nullptr;
}

std::vector<std::pair<int, int>> DemoSurvey::firstRound(int teacherId) const
{
    std::vector<std::pair<int, int>> needs;
    const Teacher *t = find(teacherId);
    if (!t)
        return needs;
    needs.reserve(t->competencies->size());
    for (std::size_t k = 0; k < t->competencies->size(); ++k)
        needs.emplace_back((*t->competencies)[k], m_answers[t->first + k] & 0x0F);
    return needs;
}

void DemoSurvey::addSecondRound(int teacherId, std::vector<std::uint8_t> needs)
{
    m_secondRound[teacherId] = std::move(needs);
}

Expected<qint64> DemoSurvey::write(QSqlDatabase db) const
{
    const qint64 total = qint64(m_answers.size())
        + std::accumulate(m_secondRound.cbegin(), m_secondRound.cend(), qint64(0),
            [](qint64 sum, const auto &round) { return sum + qint64(round.second.size()); });
    auto existing = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM need_rating"));
    if (!existing)
        return existing.error();
    RatingInserter rating(db);
    if (Status s = rating.begin(total, existing.value().toLongLong()); !s)
        return s.error();
    // Key order (teacher, competency, round): every row goes at the end of the table's tree.
    qint64 written = 0;
    for (const Teacher &t : m_teachers) {
        const auto second = m_secondRound.find(t.id);
        const std::vector<std::uint8_t> *round2 = second == m_secondRound.cend() ? nullptr : &second->second;
        for (std::size_t k = 0; k < t.competencies->size(); ++k) {
            const int competency = (*t.competencies)[k];
            const std::uint8_t a = m_answers[t.first + k];
            if (Status s = rating.add({ t.id, competency, 1, a & 0x0F, a >> 4, 0 }); !s)
                return s.error();
            ++written;
            if (!round2 || k >= round2->size())
                continue;
            if (Status s = rating.add({ t.id, competency, 2, (*round2)[k], 0, 0 }); !s)
                return s.error();
            ++written;
        }
    }
    if (Status s = rating.finish(); !s)
        return s.error();
    return written;
}

} // namespace kopru
