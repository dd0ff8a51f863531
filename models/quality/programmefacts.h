// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/quality/needchange.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <map>
#include <vector>

namespace kopru::quality {

// The raw facts the programme's indicators are counted from, read in one pass
// per table with plain SQL that both backends run (docs/quality.md). The
// counts a KVKK erasure left (erased_teacher, erased_placement) are read as
// teachers and placements without ratings or sessions.
struct ProgrammeFacts
{
    // One competency's needs of one teacher.
    struct CompetencyNeed
    {
        int competency = 0;
        NeedPair need;
    };
    struct Teacher
    {
        int centreId = 0; // 0 = none
        int fieldId = 0;
        int provinceId = 0;
        bool surveyed = false; // answered round 1 of the needs survey
        bool erased = false;
        // Need in rounds 1 and 2 (NaN = not given, or "not applicable") per
        // competency, ordered by competency id: a flat vector, as a teacher
        // has ~40 and the national roll-out 100,000 teachers (a map's node
        // per need cost ~600 MB and most of the page's time there).
        std::vector<CompetencyNeed> needs;
    };
    struct Placement
    {
        int teacher = 0; // index into teachers
        int sessionId = 0; // 0 for an erased teacher's placement
        QDate sessionStart; // invalid for an erased teacher's placement
        int partnerId = 0; // 0 = unknown
        QString status;
        QString cancelReason; // empty = not recorded
        double hoursPlanned = 0;
        double hoursAttended = 0;
        int trainingRespondent = 0, trainingAnswers = 0, teacherRespondent = 0, teacherAnswers = 0;
        double trainingSum = 0, teacherSum = 0;
    };
    struct Competency
    {
        QString code, titleTr, titleEn;
    };
    struct Name
    {
        QString key, nameTr, nameEn;
    };

    std::vector<Teacher> teachers;
    std::vector<Placement> placements;
    QSet<qint64> sessionCompetencies; // session id << 32 | competency id
    QHash<int, Competency> competencies;
    QHash<int, Name> centres, fields, provinces;

    static Expected<ProgrammeFacts> load(QSqlDatabase db);
    // One teacher's needs as read (a row per round, in any order) put in
    // competency order, the rounds of a competency merged into one pair.
    static void orderNeeds(std::vector<CompetencyNeed> &needs);
    bool sessionCovers(int sessionId, int competencyId) const
    {
        return sessionCompetencies.contains((qint64(sessionId) << 32) | competencyId);
    }
};

} // namespace kopru::quality
