// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace kopru::exporting {

// Keeps glibc's heap from shrinking while an export runs. Qt's PDF engine
// grows and frees large buffers page after page; with glibc's default trim
// threshold and top pad the heap is shrunk and grown again each time (brk
// churn), about a third of the national plan's PDF time (2.4 s → 1.5 s CPU
// with the same settings given as MALLOC_* environment variables). The
// outermost scope restores the defaults and gives the memory back. Nesting is
// allowed; other platforms: no effect.
class HeapGrowthScope
{
public:
    HeapGrowthScope()
    {
#if defined(__GLIBC__)
        if (s_depth++ == 0) {
            mallopt(M_TRIM_THRESHOLD, kKeep);
            mallopt(M_TOP_PAD, kKeep);
        }
#endif
    }
    ~HeapGrowthScope()
    {
#if defined(__GLIBC__)
        if (--s_depth == 0) {
            mallopt(M_TRIM_THRESHOLD, kDefault);
            mallopt(M_TOP_PAD, kDefault);
            if (s_giveBack)
                malloc_trim(0);
        }
#endif
    }
    // kopru-cli ends right after its export: giving the memory back page by
    // page first (malloc_trim, ~500 madvise calls) would only cost time.
    static void setGiveBackMemory(bool giveBack)
    {
        s_giveBack = giveBack;
    }

    HeapGrowthScope(const HeapGrowthScope &) = delete;
    HeapGrowthScope &operator=(const HeapGrowthScope &) = delete;

private:
    static constexpr int kKeep = 64 * 1024 * 1024;
    static constexpr int kDefault = 128 * 1024; // glibc's documented defaults
    static inline std::atomic<int> s_depth { 0 };
    static inline std::atomic<bool> s_giveBack { true };
};

} // namespace kopru::exporting
