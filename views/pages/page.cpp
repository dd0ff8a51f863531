// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/page.h"

namespace kopru {

bool Page::deferWhileHidden()
{
    m_stale = !isVisible();
    return m_stale;
}

void Page::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

} // namespace kopru
