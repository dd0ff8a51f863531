// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace kopru {

// SplitMix64: a tiny generator whose sequence is identical on every platform
// and standard library (std::uniform_int_distribution is not).
class Random
{
public:
    explicit Random(std::uint64_t seed)
        : m_state(seed)
    { }

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n).
    int below(int n) { return n <= 0 ? 0 : int(next() % std::uint64_t(n)); }
    // Uniform in [lo, hi].
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    // Uniform in [0, 1).
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }
    // Index drawn with the given non-negative weights.
    int weighted(const std::vector<double> &weights)
    {
        double total = 0;
        for (double w : weights)
            total += w;
        double r = unit() * total;
        for (int i = 0; i < int(weights.size()); ++i) {
            r -= weights[std::size_t(i)];
            if (r < 0)
                return i;
        }
        return int(weights.size()) - 1;
    }
    template <typename T> const T &pick(const std::vector<T> &v) { return v[std::size_t(below(int(v.size())))]; }

private:
    std::uint64_t m_state;
};

} // namespace kopru
