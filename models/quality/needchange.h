// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <limits>
#include <vector>

namespace kopru::quality {

// The change of the mean need between survey rounds 1 and 2 of one
// competency (or overall: each teacher's mean need over their competencies),
// with a 95 % confidence interval (docs/quality.md, "Need reduction").
// Paired when at least two teachers answered both rounds: before and after
// are then the means of those teachers, change the mean of their
// differences (after - before) and the interval Student's t on the
// differences. Otherwise the two rounds are independent samples: Welch's
// interval on all answers of each round. NaN where not computable.
struct NeedChange
{
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    bool paired = false;
    int n = 0; // pairs (paired) or answers of round 1 + round 2 (independent)
    int nBefore = 0, nAfter = 0;
    int pairs = 0; // teachers who answered both rounds (fewer than two: independent)
    double before = kNaN, after = kNaN, change = kNaN, ciLow = kNaN, ciHigh = kNaN;
};

// One teacher's answer(s): need in round 1 and in round 2, NaN when not given.
struct NeedPair
{
    double before = NeedChange::kNaN;
    double after = NeedChange::kNaN;
};

NeedChange computeNeedChange(const std::vector<NeedPair> &answers);

// The 0.975 quantile of Student's t with `df` degrees of freedom (df >= 1;
// non-integer df as Welch gives them is rounded down, which is conservative).
double tQuantile975(double df);

} // namespace kopru::quality
