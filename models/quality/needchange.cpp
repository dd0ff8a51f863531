// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/quality/needchange.h"

#include <cmath>

namespace kopru::quality {

namespace {

struct Moments
{
    int n = 0;
    double mean = NeedChange::kNaN;
    double variance = NeedChange::kNaN; // sample variance (n - 1)
};

Moments moments(const std::vector<double> &values)
{
    Moments m;
    m.n = int(values.size());
    if (m.n == 0)
        return m;
    double sum = 0;
    for (double v : values)
        sum += v;
    m.mean = sum / m.n;
    if (m.n >= 2) {
        double squares = 0;
        for (double v : values)
            squares += (v - m.mean) * (v - m.mean);
        m.variance = squares / (m.n - 1);
    }
    return m;
}

} // namespace

double tQuantile975(double df)
{
    // Exact to three decimals for 1-30 degrees of freedom.
    static const double table[] = { 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042 };
    if (!(df >= 1))
        return NeedChange::kNaN;
    const int whole = int(std::floor(df));
    if (whole <= 30)
        return table[whole - 1];
    // Cornish-Fisher expansion around the normal quantile (error < 0.001 above 30).
    const double z = 1.959963984540054, d = whole;
    return z + (z * z * z + z) / (4 * d) + (5 * std::pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * d * d);
}

NeedChange computeNeedChange(const std::vector<NeedPair> &answers)
{
    NeedChange result;
    std::vector<double> differences, pairedBefore, pairedAfter, before, after;
    for (const NeedPair &a : answers) {
        const bool hasBefore = !std::isnan(a.before), hasAfter = !std::isnan(a.after);
        if (hasBefore)
            before.push_back(a.before);
        if (hasAfter)
            after.push_back(a.after);
        if (hasBefore && hasAfter) {
            differences.push_back(a.after - a.before);
            pairedBefore.push_back(a.before);
            pairedAfter.push_back(a.after);
        }
    }
    result.pairs = int(differences.size());
    if (differences.size() >= 2) {
        result.paired = true;
        const Moments d = moments(differences);
        result.n = result.nBefore = result.nAfter = d.n;
        result.before = moments(pairedBefore).mean;
        result.after = moments(pairedAfter).mean;
        result.change = d.mean;
        const double half = tQuantile975(d.n - 1) * std::sqrt(d.variance / d.n);
        result.ciLow = d.mean - half;
        result.ciHigh = d.mean + half;
        return result;
    }
    const Moments b = moments(before), a = moments(after);
    result.nBefore = b.n;
    result.nAfter = a.n;
    result.n = b.n + a.n;
    result.before = b.mean;
    result.after = a.mean;
    result.change = a.mean - b.mean; // NaN when a round has no answer
    if (b.n >= 2 && a.n >= 2) {
        const double vb = b.variance / b.n, va = a.variance / a.n;
        const double se = std::sqrt(vb + va);
        if (se > 0) {
            // Welch-Satterthwaite degrees of freedom.
            const double df = (vb + va) * (vb + va) / (vb * vb / (b.n - 1) + va * va / (a.n - 1));
            const double half = tQuantile975(df) * se;
            result.ciLow = result.change - half;
            result.ciHigh = result.change + half;
        } else {
            result.ciLow = result.ciHigh = result.change;
        }
    }
    return result;
}

} // namespace kopru::quality
