// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/querytablemodel.h"

#include "models/editing/changenotifier.h"

#include <QSqlError>
#include <QSqlQuery>

namespace kopru {

QueryTableModelBase::QueryTableModelBase(int columnCount, const QString &reloadOnTable, QObject *parent)
    : QAbstractTableModel(parent)
    , m_columnCount(columnCount)
{
    if (!reloadOnTable.isEmpty())
        connect(ChangeNotifier::instance(), &ChangeNotifier::tableChanged, this, [this, reloadOnTable](const QString &table) {
            if (table == reloadOnTable)
                reload();
        });
}

void QueryTableModelBase::setDatabase(QSqlDatabase db)
{
    m_db = std::move(db);
    reload();
}

void QueryTableModelBase::reload()
{
    beginResetModel();
    clearRows();
    m_error.clear();
    if (m_db.isValid() && m_db.isOpen()) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.exec(selectSql()))
            m_error = q.lastError().text();
        while (q.next())
            addRow(q);
        q.finish();
        rowsLoaded();
    }
    endResetModel();
}

int QueryTableModelBase::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columnCount;
}

QVariant QueryTableModelBase::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QStringList titles = headers();
    return section >= 0 && section < titles.size() ? QVariant(titles.at(section)) : QVariant();
}

} // namespace kopru
