// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace kopru::charts {

// The source rows in reverse order. Horizontal bar charts draw their first
// category at the bottom (and QBarCategoryAxis::setReverse has no effect on
// them in Qt 6.4); feeding them reversed rows puts the first row on top.
class ReversedRowsModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ReversedRowsModel(QAbstractItemModel *source, QObject *parent);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace kopru::charts
