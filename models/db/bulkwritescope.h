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
class BulkWriteScope final
{
public:
    explicit BulkWriteScope(QSqlDatabase db)
        : m_cache(db, "cache_size", -kCacheKiB)
        , m_tempStore(db, "temp_store", 2 /* MEMORY */)
    { }

    static constexpr int kCacheKiB = 65536;

private:
    PragmaScope m_cache;
    PragmaScope m_tempStore;
};

} // namespace kopru
