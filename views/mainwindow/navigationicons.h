// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

class QStyle;

namespace kopru {

// The icon shown beside a page in the navigation (standard style icons).
QIcon navigationIcon(const QString &pageName, const QStyle *style);

} // namespace kopru
