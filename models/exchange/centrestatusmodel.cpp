// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/centrestatusmodel.h"

#include "models/exchange/exchangelogmodel.h"
#include "models/itemmodels/roles.h"

#include <QSqlQuery>

namespace kopru {

CentreStatusModel::CentreStatusModel(QObject *parent)
    : QueryTableModel(ColumnCount, QStringLiteral("review_item"), parent)
{ }

QString CentreStatusModel::selectSql() const
{
    return QStringLiteral("SELECT c.id, c.name, coalesce(e.last_received_seq, 0), coalesce(e.last_received_at, ''), "
                          "coalesce(e.last_sent_seq, 0), coalesce(e.acked_seq, 0), "
                          "(SELECT count(*) FROM review_item r WHERE r.status = 'open' AND r.centres LIKE '%,' || c.id || ',%') "
                          "FROM centre c LEFT JOIN exchange_peer e ON e.role = 'centre' AND e.centre_id = c.id ORDER BY c.id");
}

void CentreStatusModel::addRow(const QSqlQuery &q)
{
    m_rows.push_back({ q.value(0).toInt(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toString(), q.value(4).toInt(),
        q.value(5).toInt(), q.value(6).toInt() });
}

QVariant CentreStatusModel::data(const QModelIndex &index, int role) const
{
    const Entry *row = rowAt(index);
    if (!row)
        return {};
    const Entry &e = *row;
    if (role == CentreIdRole)
        return e.centreId;
    if (role == Qt::TextAlignmentRole)
        return index.column() == Centre || index.column() == ReceivedAt ? QVariant()
                                                                        : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole)
        switch (index.column()) {
        case Centre:
            return e.centreId;
        case LastReceived:
            return e.lastReceived;
        case ReceivedAt:
            return e.receivedAt;
        case LastSent:
            return e.lastSent;
        case Acknowledged:
            return e.acknowledged;
        case OpenConflicts:
            return e.openConflicts;
        default:
            return {};
        }
    if (role != Qt::DisplayRole)
        return {};
    auto sequence = [](int n) { return n > 0 ? QVariant(n) : QVariant(QStringLiteral("—")); };
    switch (index.column()) {
    case Centre:
        return tr("%1. %2").arg(e.centreId).arg(e.name);
    case LastReceived:
        return sequence(e.lastReceived);
    case ReceivedAt:
        return e.receivedAt.isEmpty() ? tr("never") : localTimeText(e.receivedAt);
    case LastSent:
        return sequence(e.lastSent);
    case Acknowledged:
        return sequence(e.acknowledged);
    case OpenConflicts:
        return e.openConflicts;
    default:
        return {};
    }
}

QStringList CentreStatusModel::headers() const
{
    return { tr("Centre"), tr("Last received"), tr("Received at"), tr("Last sent"), tr("Acknowledged"), tr("Open conflicts") };
}

} // namespace kopru
