// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <map>

namespace kopru {

// What applying a package did (or would do, in a dry run), per package table.
struct TableCounts
{
    qint64 added = 0; // rows new to this database
    qint64 updated = 0; // a newer version replaced the local one
    qint64 unchanged = 0; // this database has the version already (or a newer one, or deleted it later)
    qint64 deleted = 0; // local rows removed by tombstones
    qint64 conflicts = 0; // held back: in the review list (national office) or waiting for its decision (centre)
    qint64 refused = 0; // not the sender's to send, merged away, rejected earlier, or of an erased person
    qint64 changed() const { return added + updated + deleted; }
    bool empty() const { return added + updated + unchanged + deleted + conflicts + refused == 0; }
};

struct ApplySummary
{
    std::map<QString, TableCounts> tables; // package table → counts
    // Consequences (docs/exchange.md, "Applying a package", step 6).
    int placementsConfirmed = 0, placementsCancelled = 0; // by national plan decisions (centre)
    int recordsRekeyed = 0, recordsMerged = 0; // by aliases (centre)
    int reviewItemsOpened = 0; // conflicts found (national office)
    int erasures = 0; // KVKK erasures applied

    TableCounts &operator[](const QString &table) { return tables[table]; }
    qint64 changedRows() const
    {
        qint64 n = 0;
        for (const auto &[t, c] : tables)
            n += c.changed();
        return n;
    }
};

} // namespace kopru
