// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace kopru::charts {

// The source rows in reverse order. Horizontal bar charts draw their first
// category at the bottom (and QBarCategoryAxis::setReverse has no effect on
// them in Qt 6.4); feeding them reversed rows puts the first row on top.
// Model mappers read Qt::DisplayRole only: a source that displays formatted
// text and keeps its numbers in another role (EditRole) names that role as
// `valueRole`, and the display reads it.
class ReversedRowsModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    ReversedRowsModel(QAbstractItemModel *source, QObject *parent, int valueRole = Qt::DisplayRole);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int m_valueRole;
};

} // namespace kopru::charts
