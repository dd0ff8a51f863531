// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QString>
#include <cstdint>
#include <vector>

namespace kopru {

// Which teachers a plan run is about: all, or one pilot field, optionally
// narrowed to one centre or one province (0 = no restriction).
struct PlanScope
{
    int fieldId = 0;
    int centreId = 0;
    int provinceId = 0;
};

struct PlanTeacher
{
    int id = 0;
    int field = 0; // field id
    int province = 0; // plate
    QString availableFrom, availableTo; // ISO dates, empty = open
    std::vector<std::int8_t> needs; // by the field's competency index; 0 = not rated / not applicable
};

struct PlanSession
{
    int id = 0;
    int field = 0;
    int partnerId = 0;
    int province = 0;
    QString start, end; // ISO dates
    int capacity = 0;
    int free = 0; // capacity − placements kept by this run (may be ≤ 0)
    std::vector<int> competencies; // indices into the field's competencies
};

// An eligible teacher–session pair (indices into the instance's vectors).
struct PlanCandidate
{
    int teacher = 0;
    int session = 0;
    int coveredNeed = 0; // Σ over the session's competencies of (need − 1), not rated = 0
    int km = 0; // great-circle km between the provinces, rounded
};

struct FieldCompetencies
{
    std::vector<int> ids;
    std::vector<QString> titles; // Turkish titles (data, not UI text)
};

// Everything the optimiser needs, read from the database in one go.
// Teachers that keep a placement (locked, confirmed or completed) are not in
// `teachers`; their places are taken out of the sessions' free capacity, as
// are the places of teachers outside the scope.
struct PlanInstance
{
    PlanScope scope;
    std::vector<PlanTeacher> teachers;
    std::vector<PlanSession> sessions;
    // Every eligible pair, grouped by teacher: filled only by buildCandidates()
    // (the full formulation, for tests and references); load() leaves it empty,
    // the optimiser prices pairs on demand (models/planning/planfield.h).
    std::vector<PlanCandidate> candidates;
    std::vector<FieldCompetencies> competencies; // by field id (index 0 unused)
    int keptInScope = 0; // teachers of the scope whose placement is kept

    // The rule of eligibility (besides free capacity): same field and the
    // session inside the availability window when one is given.
    static bool eligible(const PlanTeacher &t, const PlanSession &s);
    // Σ (need − 1) over the session's competencies.
    static int coveredNeed(const PlanTeacher &t, const PlanSession &s);
    static int roundedKm(int plateA, int plateB);

    // What load() reads: everything, or without the ratings (every need 0;
    // for those who only ask who could go where, Unplaced::load).
    enum class Needs { Read, Skip };
    static Expected<PlanInstance> load(QSqlDatabase db, const PlanScope &scope, Needs needs = Needs::Read);
    // Every eligible pair of the instance (sessions with free places only),
    // grouped by teacher, sessions in order: quadratic, for the full formulation.
    static std::vector<PlanCandidate> allCandidates(const PlanInstance &instance);
    // Fills `candidates` with allCandidates().
    void buildCandidates();
};

} // namespace kopru
