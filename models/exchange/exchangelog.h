// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/exchange/databaserole.h"

#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace kopru {

// The other databases this one exchanges packages with (exchange_peer) and
// every package made or applied (exchange_package). Sequence numbers count
// per direction between two databases (docs/exchange.md, "Sequence and
// acknowledgement rules").
struct ExchangePeer
{
    int id = 0;
    DatabaseRole role;
    QString databaseId; // empty until a package from it was applied
    int lastSentSeq = 0; // the last package this database made for it
    int ackedSeq = 0; // the highest of those it has applied (from its own packages)
    int lastReceivedSeq = 0; // L: the highest of its packages applied here
    QString lastReceivedSha;
    QString lastReceivedAt;
};

struct ExchangePackageRecord
{
    QString direction; // "sent" or "received"
    int sequence = 0, baseSequence = 0, ackSequence = 0;
    qint64 serial = 0; // sent: the change serial the package was made at
    bool full = false;
    QString fileName, contentSha, counts; // counts: JSON {table: rows}
};

namespace ExchangeLog {

// The peer with this role, if this database knows it.
Expected<std::optional<ExchangePeer>> peer(QSqlDatabase db, const DatabaseRole &role);
// The peer with this role, made when missing (inside the caller's transaction).
Expected<ExchangePeer> ensurePeer(QSqlDatabase db, const DatabaseRole &role);
// Writes the peer's counters and database id back.
Status update(QSqlDatabase db, const ExchangePeer &peer);
// Records a package made or applied.
Status record(QSqlDatabase db, int peerId, const ExchangePackageRecord &package);
// The change serial of the package this database sent to `peerId` with
// `sequence` (0 when unknown: then everything is "changed since").
Expected<qint64> serialOf(QSqlDatabase db, int peerId, int sequence);

} // namespace ExchangeLog

} // namespace kopru
