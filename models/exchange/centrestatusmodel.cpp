// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/centrestatusmodel.h"

#include "models/editing/changenotifier.h"
#include "models/exchange/exchangelogmodel.h"
#include "models/itemmodels/roles.h"

#include <QSqlError>
#include <QSqlQuery>

namespace kopru {

CentreStatusModel::CentreStatusModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    connect(ChangeNotifier::instance(), &ChangeNotifier::tableChanged, this, [this](const QString &table) {
        if (table == QLatin1String("review_item"))
            reload();
    });
}

void CentreStatusModel::setDatabase(QSqlDatabase db)
{
    m_db = std::move(db);
    reload();
}

void CentreStatusModel::reload()
{
    beginResetModel();
    m_entries.clear();
    m_error.clear();
    if (m_db.isValid() && m_db.isOpen()) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral(
                "SELECT c.id, c.name, coalesce(e.last_received_seq, 0), coalesce(e.last_received_at, ''), "
                "coalesce(e.last_sent_seq, 0), coalesce(e.acked_seq, 0), "
                "(SELECT count(*) FROM review_item r WHERE r.status = 'open' AND r.centres LIKE '%,' || c.id || ',%') "
                "FROM centre c LEFT JOIN exchange_peer e ON e.role = 'centre' AND e.centre_id = c.id ORDER BY c.id")))
            m_error = q.lastError().text();
        while (q.next())
            m_entries.push_back({ q.value(0).toInt(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toString(),
                q.value(4).toInt(), q.value(5).toInt(), q.value(6).toInt() });
    }
    endResetModel();
}

int CentreStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int CentreStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CentreStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries[std::size_t(index.row())];
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

QVariant CentreStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Centre:
        return tr("Centre");
    case LastReceived:
        return tr("Last received");
    case ReceivedAt:
        return tr("Received at");
    case LastSent:
        return tr("Last sent");
    case Acknowledged:
        return tr("Acknowledged");
    case OpenConflicts:
        return tr("Open conflicts");
    default:
        return {};
    }
}

} // namespace kopru
