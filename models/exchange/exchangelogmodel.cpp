// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/exchangelogmodel.h"

#include "models/itemmodels/roles.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlQuery>
#include <QTimeZone>

namespace kopru {

QString localTimeText(const QString &utc)
{
    if (utc.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(utc, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!t.isValid())
        t = QDateTime::fromString(utc, Qt::ISODate);
    if (!t.isValid())
        return utc;
    t.setTimeZone(QTimeZone::utc());
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

ExchangeLogModel::ExchangeLogModel(QObject *parent)
    : QueryTableModel(ColumnCount, {}, parent)
{ }

QString ExchangeLogModel::selectSql() const
{
    return QStringLiteral(
        "SELECT p.direction, coalesce(e.centre_id, 0), c.name, p.at, p.sequence, p.base_sequence, p.ack_sequence, "
        "p.full, p.counts, p.file_name FROM exchange_package p JOIN exchange_peer e ON e.id = p.peer_id "
        "LEFT JOIN centre c ON c.id = e.centre_id ORDER BY p.at DESC, p.id DESC");
}

void ExchangeLogModel::addRow(const QSqlQuery &q)
{
    Entry e;
    e.sent = q.value(0).toString() == QLatin1String("sent");
    e.peerCentre = q.value(1).toInt();
    e.peerName = e.peerCentre == 0 ? tr("National office") : q.value(2).toString();
    e.at = q.value(3).toString();
    e.sequence = q.value(4).toInt();
    e.baseSequence = q.value(5).toInt();
    e.ackSequence = q.value(6).toInt();
    e.full = q.value(7).toInt() != 0;
    const QJsonObject counts = QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object();
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        if (it->isObject()) {
            const QJsonObject c = it->toObject();
            e.rows += c.value(QStringLiteral("new")).toInteger() + c.value(QStringLiteral("updated")).toInteger()
                + c.value(QStringLiteral("deleted")).toInteger();
            e.conflicts += c.value(QStringLiteral("conflicts")).toInteger();
        } else {
            e.rows += it->toInteger();
        }
    }
    e.fileName = q.value(9).toString();
    m_rows.push_back(std::move(e));
}

QVariant ExchangeLogModel::data(const QModelIndex &index, int role) const
{
    const Entry *row = rowAt(index);
    if (!row)
        return {};
    const Entry &e = *row;
    if (role == Qt::TextAlignmentRole)
        return index.column() == Sequence || index.column() == Rows || index.column() == Conflicts
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant();
    if (role == SortRole) {
        switch (index.column()) {
        case When:
            return e.at;
        case Sequence:
            return e.sequence;
        case Rows:
            return e.rows;
        case Conflicts:
            return e.conflicts;
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    if (role == Qt::ToolTipRole && index.column() == File)
        return e.fileName;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Direction:
        return e.sent ? tr("Sent") : tr("Received");
    case Peer:
        return e.peerName;
    case When:
        return localTimeText(e.at);
    case Sequence:
        return e.sequence;
    case Content:
        return e.full || e.baseSequence == 0 ? tr("Everything") : tr("Changes since package %1").arg(e.baseSequence);
    case Rows:
        return QLocale().toString(e.rows);
    case Conflicts:
        return e.sent ? QVariant() : QVariant(QLocale().toString(e.conflicts));
    case File:
        return e.fileName;
    default:
        return {};
    }
}

QStringList ExchangeLogModel::headers() const
{
    return { tr("Direction"), tr("With"), tr("When"), tr("Package"), tr("Content"), tr("Rows"), tr("Conflicts"), tr("File") };
}

} // namespace kopru
