// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/exchangelog.h"

#include "models/db/sql.h"
#include "models/exchange/exchangesql.h"

#include <QSqlQuery>

namespace kopru::ExchangeLog {

namespace {

const QString kSelect = QStringLiteral("SELECT id, role, centre_id, database_id, last_sent_seq, acked_seq, last_received_seq, "
                                       "last_received_sha, last_received_at FROM exchange_peer ");

ExchangePeer fromQuery(const QSqlQuery &q)
{
    ExchangePeer p;
    p.id = q.value(0).toInt();
    p.role
        = q.value(1).toString() == QLatin1String("centre") ? DatabaseRole::centre(q.value(2).toInt()) : DatabaseRole::national();
    p.databaseId = q.value(3).toString();
    p.lastSentSeq = q.value(4).toInt();
    p.ackedSeq = q.value(5).toInt();
    p.lastReceivedSeq = q.value(6).toInt();
    p.lastReceivedSha = q.value(7).toString();
    p.lastReceivedAt = q.value(8).toString();
    return p;
}

QString roleName(const DatabaseRole &role)
{
    return role.isCentre() ? QStringLiteral("centre") : QStringLiteral("national");
}

} // namespace

Expected<std::optional<ExchangePeer>> peer(QSqlDatabase db, const DatabaseRole &role)
{
    QSqlQuery q(db);
    if (Status s = ExchangeSql::prepare(q, kSelect + QStringLiteral("WHERE role = ? AND centre_id IS ?")); !s)
        return s.error();
    if (Status s = Sql::run(q, { roleName(role), role.ownerValue() }); !s)
        return s.error();
    if (!q.next())
        return std::optional<ExchangePeer>();
    return std::optional<ExchangePeer>(fromQuery(q));
}

Expected<ExchangePeer> ensurePeer(QSqlDatabase db, const DatabaseRole &role)
{
    auto existing = peer(db, role);
    if (!existing)
        return existing.error();
    if (existing.value())
        return *existing.value();
    if (Status s = ExchangeSql::exec(db, QStringLiteral("INSERT INTO exchange_peer(role, centre_id) VALUES (?, ?)"),
            { roleName(role), role.ownerValue() });
        !s)
        return s.error();
    auto made = peer(db, role);
    if (!made)
        return made.error();
    return *made.value();
}

Status update(QSqlDatabase db, const ExchangePeer &p)
{
    return ExchangeSql::exec(db,
        QStringLiteral("UPDATE exchange_peer SET database_id = ?, last_sent_seq = ?, acked_seq = ?, last_received_seq = ?, "
                       "last_received_sha = ?, last_received_at = ? WHERE id = ?"),
        { p.databaseId, p.lastSentSeq, p.ackedSeq, p.lastReceivedSeq, p.lastReceivedSha,
            p.lastReceivedAt.isEmpty() ? QVariant() : QVariant(p.lastReceivedAt), p.id });
}

Status record(QSqlDatabase db, int peerId, const ExchangePackageRecord &r)
{
    // A package that is made again with the same number (the first file was
    // lost before anything was applied) replaces the earlier record.
    return ExchangeSql::exec(db,
        QStringLiteral("INSERT INTO exchange_package(direction, peer_id, sequence, base_sequence, ack_sequence, serial, "
                       "full, file_name, content_sha, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT(direction, peer_id, sequence) DO UPDATE SET base_sequence = excluded.base_sequence, "
                       "ack_sequence = excluded.ack_sequence, serial = excluded.serial, full = excluded.full, "
                       "at = CURRENT_TIMESTAMP, file_name = excluded.file_name, content_sha = excluded.content_sha, "
                       "counts = excluded.counts"),
        { r.direction, peerId, r.sequence, r.baseSequence, r.ackSequence,
            r.direction == QLatin1String("sent") ? QVariant(r.serial) : QVariant(), r.full ? 1 : 0, r.fileName, r.contentSha,
            r.counts });
}

Expected<qint64> serialOf(QSqlDatabase db, int peerId, int sequence)
{
    if (sequence <= 0)
        return qint64(0);
    auto v = ExchangeSql::scalar(db,
        QStringLiteral("SELECT serial FROM exchange_package WHERE direction = 'sent' AND peer_id = ? AND sequence = ?"),
        { peerId, sequence });
    if (!v)
        return v.error();
    return v.value().isValid() ? v.value().toLongLong() : qint64(0);
}

} // namespace kopru::ExchangeLog
