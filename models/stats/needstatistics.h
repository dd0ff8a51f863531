// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <array>
#include <vector>

// Needs-analysis statistics of one pilot field: the field's ratings of one
// survey round (by default its latest) are read in one pass (FieldData) and
// counted in C++; two rounds are compared in roundcomparison.h.
//
// Definitions (docs/needs-analysis.md):
// - one survey round is used: the latest present in the field unless another is asked for;
// - a respondent of a competency is a rating with a need (1–5); a NULL need is
//   "not applicable" and counted separately;
// - a respondent of the field (or a group) is a teacher with at least one
//   rating row in the field and round, "not applicable" included;
// - supply of a competency = sum of the capacities of the field's sessions
//   that cover it (session_competency);
// - breakdown groups (provinces, centres) with fewer than kMinGroupRespondents
//   respondents are suppressed: their values are not reported.
namespace kopru::stats {

constexpr int kScaleSize = 5;
constexpr int kHighNeed = 4; // need >= 4 counts as high need
constexpr int kMinGroupRespondents = 5;

struct RoundComparison; // roundcomparison.h

// Counts of one set of ratings.
struct RatingCounts
{
    std::array<int, kScaleSize> distribution {}; // [0] = need 1 … [4] = need 5
    int notApplicable = 0;

    // need 1–5, or 0 for "not applicable".
    void add(int need, int count);
    int respondents() const;
    int highNeedCount() const;
    // NaN when there are no respondents.
    double meanNeed() const;
    double highNeedShare() const;
};

struct CompetencyStats
{
    int id = 0;
    QString code;
    QString titleTr;
    QString titleEn;
    QString unit;
    RatingCounts ratings;
    int supply = 0; // session places covering the competency
    // In a province/centre scope: fewer than kMinGroupRespondents respondents,
    // so the ratings are withheld (left empty).
    bool suppressed = false;

    // Title in the UI language (Turkish title when no English one exists).
    QString displayTitle() const;
};

// What the statistics are restricted to (the page's optional filter).
struct Scope
{
    enum class Kind { All, Province, Centre };
    Kind kind = Kind::All;
    int id = 0; // province plate or centre id
};

struct FieldStats
{
    int fieldId = 0;
    QString code;
    QString nameTr;
    QString nameEn;
    QStringList centres; // centres coordinating the field
    Scope scope;
    QString scopeName; // province or centre name, empty for All
    int round = 0; // survey round used, 0 = no ratings
    int teachers = 0; // teachers of the field (in scope)
    int respondents = 0; // teachers with at least one rating
    bool suppressed = false; // a filtered scope with too few respondents
    std::vector<CompetencyStats> competencies; // by mean need, descending (NaN last), then code

    QString displayName() const;
    RatingCounts overall() const; // all ratings of the field together
};

// One province or centre of a breakdown.
struct GroupStats
{
    int id = 0;
    QString name;
    int teachers = 0;
    int respondents = 0;
    bool suppressed = false; // respondents < kMinGroupRespondents: values hidden
    RatingCounts overall; // empty when suppressed
    // Per competency (same order as FieldStats::competencies); a cell with
    // fewer than kMinGroupRespondents respondents is suppressed too.
    std::vector<RatingCounts> perCompetency;
    std::vector<bool> competencySuppressed;
};

struct Breakdown
{
    enum class Kind { Province, Centre };
    Kind kind = Kind::Province;
    std::vector<GroupStats> groups; // groups with at least one teacher of the field, by name (Turkish order)
};

// A pilot field known to the database.
struct FieldInfo
{
    int id = 0;
    QString code;
    QString nameTr;
    QString nameEn;
    QString displayName() const;
};

Expected<std::vector<FieldInfo>> listFields(QSqlDatabase db);

// A province or centre that has teachers of a field (for a scope filter).
struct ScopeOption
{
    Scope scope;
    QString name;
    int teachers = 0;
};
// Provinces then centres with teachers of `fieldId`, each by name (Turkish order).
Expected<std::vector<ScopeOption>> listScopeOptions(QSqlDatabase db, int fieldId);

// Everything the needs analysis of one field reads, loaded at once: the field,
// its centres, competencies and supply, its teachers (province, centre) and
// every rating of its latest round, read in a single pass over the field's
// ratings (no GROUP BY: SQLite would sort ~13,000 rows for each of them).
// Statistics of any scope, the breakdowns and the scope options are then
// counted in memory, so the page can switch scope or breakdown without a query.
class FieldData
{
public:
    // An unknown code gives an Error whose message lists the valid codes.
    // `round`: the survey round to read; 0 = the field's latest.
    static Expected<FieldData> load(QSqlDatabase db, const QString &code, int round = 0);

    int fieldId() const { return m_base.fieldId; }
    const QString &code() const { return m_base.code; }
    int round() const { return m_base.round; }
    // The latest round with ratings in the field (0: none), whichever was read.
    int latestRound() const { return m_latestRound; }

    // Same as computeFieldStats(db, code, scope).
    FieldStats stats(Scope scope = {}) const;
    // Same as computeBreakdown(db, computeFieldStats(db, code), kind).
    Breakdown breakdown(Breakdown::Kind kind) const;
    // Same as listScopeOptions(db, fieldId()).
    std::vector<ScopeOption> scopeOptions() const;

private:
    friend Expected<Breakdown> computeBreakdown(QSqlDatabase db, const FieldStats &field, Breakdown::Kind kind);
    friend RoundComparison compareRounds(const FieldData &round1, const FieldData &round2, Scope scope);
    std::vector<char> inScope(Scope scope) const;
    static Expected<FieldData> load(QSqlDatabase db, const FieldInfo &field, int round);
    Breakdown breakdown(Breakdown::Kind kind, const std::vector<CompetencyStats> &order) const;

    struct Teacher
    {
        int id = 0;
        int province = 0;
        int centre = 0;
        bool hasProvince = false;
        bool hasCentre = false;
        bool responded = false; // at least one rating row in the round
    };
    struct Rating
    {
        int teacher = 0; // index into m_teachers
        int competency = 0; // index into m_base.competencies, -1 = not a competency of the field
        int need = 0; // 1–5, 0 = not applicable
    };
    FieldStats m_base; // field, centres, round, competencies with supply; no teachers or ratings yet
    int m_latestRound = 0;
    std::vector<Teacher> m_teachers;
    std::vector<Rating> m_ratings;
    QHash<int, QString> m_provinceNames;
    QHash<int, QString> m_centreNames;
};

// Statistics of field `code` (case-insensitive) within `scope`, of survey
// `round` (0: the field's latest). An unknown code gives an Error whose
// message lists the valid codes.
Expected<FieldStats> computeFieldStats(QSqlDatabase db, const QString &code, Scope scope = {}, int round = 0);

// The field's ratings broken down by province or centre of the teachers.
// `field` gives the competency order and the round.
Expected<Breakdown> computeBreakdown(QSqlDatabase db, const FieldStats &field, Breakdown::Kind kind);

} // namespace kopru::stats
