// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/querytablemodel.h"

namespace kopru {

struct ExchangeLogEntry
{
    bool sent = false;
    int peerCentre = 0; // 0: the national office
    QString peerName;
    QString at; // UTC, "yyyy-MM-dd HH:mm:ss"
    int sequence = 0, baseSequence = 0, ackSequence = 0;
    bool full = false;
    qint64 rows = 0; // sent: rows in the package; received: rows changed
    qint64 conflicts = 0; // received: rows held as conflicts
    QString fileName;
};

// The packages this database made and applied (exchange_package with its
// peer), newest first: direction, the other database, when, sequence, what
// the package held and how many rows (sent: rows in it; received: rows new,
// updated, deleted and held as conflicts). Read-only; reload() after a
// package was made or received.
class ExchangeLogModel final : public QueryTableModel<ExchangeLogEntry>
{
    Q_OBJECT
public:
    enum Column { Direction, Peer, When, Sequence, Content, Rows, Conflicts, File, ColumnCount };
    using Entry = ExchangeLogEntry;

    explicit ExchangeLogModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    const Entry &entry(int row) const { return m_rows.at(std::size_t(row)); }

private:
    QString selectSql() const override;
    void addRow(const QSqlQuery &q) override;
    QStringList headers() const override;
};

// A UTC time of the database ("yyyy-MM-dd HH:mm:ss" or ISO 8601) in local
// time, short format of the UI language.
QString localTimeText(const QString &utc);

} // namespace kopru
