// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/safety/backuplistmodel.h"

#include <QDir>
#include <QLocale>

namespace kopru {

BackupListModel::BackupListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void BackupListModel::setBackups(QList<BackupInfo> backups)
{
    beginResetModel();
    m_backups = std::move(backups);
    endResetModel();
}

int BackupListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_backups.size());
}

int BackupListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackupListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BackupInfo &b = m_backups.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CreatedColumn:
            return QLocale().toString(b.created, QLocale::ShortFormat);
        case ReasonColumn:
            return BackupManager::reasonText(b.reason);
        case SizeColumn:
            return QLocale().formattedDataSize(b.size, 1);
        }
        break;
    case Qt::EditRole: // raw values, for sorting
        switch (index.column()) {
        case CreatedColumn:
            return b.created;
        case ReasonColumn:
            return b.reason;
        case SizeColumn:
            return b.size;
        }
        break;
    case Qt::ToolTipRole:
        return QDir::toNativeSeparators(b.path);
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case PathRole:
        return b.path;
    }
    return {};
}

QVariant BackupListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CreatedColumn:
        return tr("Date", "backup");
    case ReasonColumn:
        return tr("Made", "backup reason");
    case SizeColumn:
        return tr("Size", "backup");
    }
    return {};
}

} // namespace kopru
