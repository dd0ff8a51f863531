// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/import/importcontext.h"
#include "models/import/scalemapping.h"

#include <QVariant>
#include <functional>
#include <optional>
#include <vector>

namespace kopru {

// Need ratings from a survey file, wide (one row per teacher, one column per
// competency) or long (teacher, competency, need[, proficiency][, round]).
// The key is teacher × competency × round: a rating already in the database
// is updated (wide files set the need only and keep the proficiency), so a
// round-2 file replaces round-2 ratings only and never touches round 1.
class NeedsPlan
{
public:
    // `scale`: the survey's own answer labels (empty: the built-in ones only).
    // `round`: the round chosen for the file (ImportOptions::round; 0 = none).
    explicit NeedsPlan(ScaleMapping scale = {}, int round = 0)
        : m_scale(std::move(scale))
        , m_round(round)
    { }
    // Validates every row and decides insert/update/skip per rating.
    Status plan(ImportContext &ctx);
    Status write(QSqlDatabase db, const std::function<bool()> &tick);
    int size() const { return int(m_ratings.size()); }

private:
    // 320,000 of these for the national survey, 3.2 million for the national
    // roll-out's: plain values, no QVariant, 24 bytes each.
    struct Rating
    {
        qint64 teacher = 0;
        qint64 competency = 0;
        int line = 0;
        qint8 round = 1; // 1 or 2
        qint8 need = 0; // 1..5; 0 = none (NULL)
        qint8 proficiency = 0; // likewise
        enum : quint8 { Insert, Update, Skip } action = Insert;
    };
    void planWide(ImportContext &ctx);
    void planLong(ImportContext &ctx);
    // The round of a row (its round column, the chosen round or 1), or an
    // error at the round cell.
    std::optional<int> roundOf(ImportContext &ctx, const SourceRow &row) const;
    Status classify(ImportContext &ctx);

    ScaleMapping m_scale;
    int m_round = 0;
    std::vector<Rating> m_ratings;
    qint64 m_existing = 0; // ratings in the database when classified
    bool m_withProficiency = false;
};

} // namespace kopru
