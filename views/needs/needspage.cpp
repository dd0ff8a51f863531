// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder until the page is built.
#include "pages/pageregistry.h"
#include "pages/placeholderpage.h"

#include <QCoreApplication>

namespace kopru {

Page *createNeedsPage(QUndoStack *undo, QWidget *parent)
{
    return new PlaceholderPage(QStringLiteral("needs"), QCoreApplication::translate("Navigation", "Needs analysis"), undo, parent);
}

} // namespace kopru
