// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder until the page is built.
#include "pages/pageregistry.h"
#include "pages/placeholderpage.h"

#include <QCoreApplication>

namespace kopru {

Page *createOverviewPage(QUndoStack *undo, QWidget *parent)
{
    return new PlaceholderPage(QStringLiteral("overview"), QCoreApplication::translate("Navigation", "Overview"), undo, parent);
}

} // namespace kopru
