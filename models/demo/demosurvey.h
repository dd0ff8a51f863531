// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kopru {

// The demo's need ratings, held in memory (one byte per rating) while the
// rest of the data set is made, and written at the end in the table's key
// order in one bulk load (RatingInserter). The first programme reads the
// first round from here and adds its second round here, so that no rating
// is read back from the database or inserted at a random place of the
// table's tree: at 80,000 teachers the 3.2 million ratings are larger than
// the bulk write's page cache, and every later random insert or look-up
// cost a read and a write of a page (docs/benchmarks.md, "How cost grows").
class DemoSurvey final
{
public:
    // A teacher's first-round answers follow with answer(), one per
    // competency of `competencies` (ascending ids), in that order. Teachers
    // come in ascending id order.
    void addTeacher(int teacherId, const std::vector<int> &competencies);
    // need, proficiency: 1..5, 0 for none.
    void answer(int need, int proficiency);

    // The first-round needs of a teacher, (competency, need or 0), by competency.
    std::vector<std::pair<int, int>> firstRound(int teacherId) const;
    // The second round of a teacher: one need (or 0) per competency of its first round, in the same order.
    void addSecondRound(int teacherId, std::vector<std::uint8_t> needs);

    // Writes both rounds, inside the caller's write transaction. Returns the
    // number of ratings written.
    Expected<qint64> write(QSqlDatabase db) const;

private:
    struct Teacher
    {
        int id = 0;
        const std::vector<int> *competencies = nullptr;
        std::size_t first = 0; // into m_answers
    };
    const Teacher *find(int teacherId) const;

    std::vector<Teacher> m_teachers;
    std::vector<std::uint8_t> m_answers; // need | proficiency << 4
    std::unordered_map<int, std::vector<std::uint8_t>> m_secondRound;
};

} // namespace kopru
