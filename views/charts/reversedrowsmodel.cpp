// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charts/reversedrowsmodel.h"

namespace kopru::charts {

ReversedRowsModel::ReversedRowsModel(QAbstractItemModel *source, QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSourceModel(source);
    setDynamicSortFilter(true);
    sort(0, Qt::AscendingOrder);
}

bool ReversedRowsModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    return left.row() > right.row();
}

} // namespace kopru::charts
