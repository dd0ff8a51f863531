// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QSqlDatabase>
#include <vector>

namespace kopru {

// For the national office: one row per centre with where the exchange with
// it stands — the last package received from it (number, when), the last
// package sent to it and the highest of those it acknowledged, and the open
// items of the review list that concern it. Read-only; reload() after a
// package or a decision.
class CentreStatusModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Centre, LastReceived, ReceivedAt, LastSent, Acknowledged, OpenConflicts, ColumnCount };

    struct Entry
    {
        int centreId = 0;
        QString name;
        int lastReceived = 0;
        QString receivedAt; // UTC
        int lastSent = 0, acknowledged = 0;
        int openConflicts = 0;
    };

    explicit CentreStatusModel(QObject *parent = nullptr);

    void setDatabase(QSqlDatabase db);
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Entry &entry(int row) const { return m_entries.at(std::size_t(row)); }
    QString lastError() const { return m_error; }

private:
    QSqlDatabase m_db;
    std::vector<Entry> m_entries;
    QString m_error;
};

} // namespace kopru
