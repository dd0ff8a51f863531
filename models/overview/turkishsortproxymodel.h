// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace kopru {

// Sorts text with Turkish collation (TurkishText::compare, no ICU) and
// numbers numerically, reading the source model's sortRole().
class TurkishSortProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TurkishSortProxyModel(QObject *parent = nullptr)
        : QSortFilterProxyModel(parent)
    { }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace kopru
