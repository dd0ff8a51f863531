// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charts/reversedrowsmodel.h"

namespace kopru::charts {

ReversedRowsModel::ReversedRowsModel(QAbstractItemModel *source, QObject *parent, int valueRole)
    : QSortFilterProxyModel(parent)
    , m_valueRole(valueRole)
{
    setSourceModel(source);
    setDynamicSortFilter(true);
    sort(0, Qt::AscendingOrder);
}

QVariant ReversedRowsModel::data(const QModelIndex &index, int role) const
{
    return QSortFilterProxyModel::data(index, role == Qt::DisplayRole ? m_valueRole : role);
}

bool ReversedRowsModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    return left.row() > right.row();
}

} // namespace kopru::charts
