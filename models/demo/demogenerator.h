// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <cstdint>
#include <functional>

namespace kopru {

// Builds a realistic, deterministic national-scale data set into a database
// that holds the reference data: schools, teachers with checksum-valid
// synthetic national IDs, ~40 competencies per field, a need rating for every
// teacher × competency of their field, partners, sessions. Same options →
// identical database. Everything happens in one transaction.
class DemoGenerator
{
public:
    struct Options
    {
        int teachers = 8000;
        int partners = 1500;
        std::uint64_t seed = 2024;
        int minPlaces = 3000; // session places in all, at least
    };
    struct Summary
    {
        int teachers = 0, competencies = 0, ratings = 0, partners = 0, sessions = 0, places = 0;
    };

    static Expected<Summary> generate(
        QSqlDatabase db, const Options &options, const std::function<void(int percent)> &progress = {});
};

} // namespace kopru
