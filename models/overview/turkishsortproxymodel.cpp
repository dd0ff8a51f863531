// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/overview/turkishsortproxymodel.h"

#include "models/domain/turkishtext.h"

namespace kopru {

bool TurkishSortProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole()), b = right.data(sortRole());
    if (a.userType() == QMetaType::QString || b.userType() == QMetaType::QString)
        return TurkishText::compare(a.toString(), b.toString()) < 0;
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace kopru
