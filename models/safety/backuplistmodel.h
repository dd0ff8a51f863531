// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/roles.h"
#include "models/safety/backupmanager.h"

#include <QAbstractTableModel>

namespace kopru {

// The backups of one database, newest first: date, reason, size.
class BackupListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupListModel)
public:
    enum Column { CreatedColumn, ReasonColumn, SizeColumn, ColumnCount };
    enum Role { PathRole = FirstModelRole };

    explicit BackupListModel(QObject *parent = nullptr);

    void setBackups(QList<BackupInfo> backups);
    const BackupInfo &backupAt(int row) const { return m_backups.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<BackupInfo> m_backups;
};

} // namespace kopru
