// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/exchange/databaserole.h"

#include <QSqlDatabase>
#include <cstdint>
#include <functional>
#include <optional>

namespace kopru {

// Builds a realistic, deterministic national-scale data set into a database
// that holds the reference data: schools, teachers with checksum-valid
// synthetic national IDs, ~40 competencies per field, a need rating for every
// teacher × competency of their field, partners (with valid tax numbers),
// sessions. Same options → identical database. Everything happens in one
// transaction, with the rollback journal in memory on an SQLite file: a
// failed run rolls back, but a run killed half-way may leave the database
// damaged. The demo goes into a new database only (it refuses one that
// holds teachers or partners), and Database::create builds that under a
// temporary name, so the file appears complete or not at all.
//
// With an exchange role (docs/exchange.md, "Demo") the whole programme is
// generated from the seed and the database keeps the part that role holds,
// with the same global ids, versions and times as every other database built
// from that seed: the national office the catalogue, the schools, the survey
// (teachers, ratings); centre N the same catalogue and schools, its teachers
// with their ratings and the availability it records (its own change), its
// partners and sessions, and a plan (Planner) of its teachers. Without a role:
// the whole data set, owned by the national office, with a completed first
// programme (DemoProgramme: outcomes, attendance, evaluations, a second
// survey round for part of the teachers).
class DemoGenerator
{
public:
    struct Options
    {
        int teachers = 8000;
        int partners = 1500;
        std::uint64_t seed = 2024;
        int minPlaces = 3000; // session places in all, at least
        std::optional<DatabaseRole> role; // see above; stored in the database
        // Without a role: record the completed first programme (placements,
        // attendance, evaluations, survey round 2). Off: the survey and the
        // sessions only, nothing placed yet.
        bool programme = true;
    };
    struct Summary
    {
        int teachers = 0, competencies = 0, ratings = 0, partners = 0, sessions = 0, places = 0,
            placements = 0; // placements: of the plan or the first programme
    };

    static Expected<Summary> generate(
        QSqlDatabase db, const Options &options, const std::function<void(int percent)> &progress = {});
};

} // namespace kopru
