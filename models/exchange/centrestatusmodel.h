// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/querytablemodel.h"

namespace kopru {

struct CentreStatusEntry
{
    int centreId = 0;
    QString name;
    int lastReceived = 0;
    QString receivedAt; // UTC
    int lastSent = 0, acknowledged = 0;
    int openConflicts = 0;
};

// For the national office: one row per centre with where the exchange with
// it stands — the last package received from it (number, when), the last
// package sent to it and the highest of those it acknowledged, and the open
// items of the review list that concern it. Read-only; reload() after a
// package; reloads itself after a decision on the review list.
class CentreStatusModel final : public QueryTableModel<CentreStatusEntry>
{
    Q_OBJECT
public:
    enum Column { Centre, LastReceived, ReceivedAt, LastSent, Acknowledged, OpenConflicts, ColumnCount };
    using Entry = CentreStatusEntry;

    explicit CentreStatusModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    const Entry &entry(int row) const { return m_rows.at(std::size_t(row)); }

private:
    QString selectSql() const override;
    void addRow(const QSqlQuery &q) override;
    QStringList headers() const override;
};

} // namespace kopru
