// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/db/pragmascope.h"

namespace kopru {

// Settings of one connection for one large write transaction (an import of
// the national survey, the demo): a page cache large enough that SQLite does
// not spill pages of the open transaction to the WAL file again and again
// (measured: the 16,000-teacher demo made 4.2 million write calls with the
// default 2 MB cache), and statement journals in memory (on disk they cost
// one write call per changed page). Both are put back afterwards; neither can
// be changed inside a transaction, so create this before it begins. The cache
// is an upper bound: SQLite takes memory only for pages it holds.
//
// A write that builds an index of millions of rows again (RatingInserter's
// bulk load) asks for TempStore::Files: with temporary storage in memory,
// SQLite's sorter never writes a sorted run out; it keeps every key in one
// list of separately allocated records and merge-sorts that list, which
// misses the processor's caches at every step (CREATE INDEX over 4.3 million
// ratings: 7-10 s CPU in memory, 2.7-3.4 s with temporary files,
// docs/benchmarks.md). Statement journals then stay in memory up to SQLite's
// spill size (64 KiB) and only larger ones go to a file.
class BulkWriteScope final
{
public:
    enum class TempStore { Memory, Files };

    explicit BulkWriteScope(QSqlDatabase db, TempStore temp = TempStore::Memory)
        : m_cache(db, "cache_size", -kCacheKiB)
        , m_tempStore(db, "temp_store", temp == TempStore::Memory ? 2 /* MEMORY */ : 1 /* FILE */)
    { }

    static constexpr int kCacheKiB = 65536;

private:
    PragmaScope m_cache;
    PragmaScope m_tempStore;
};

} // namespace kopru
