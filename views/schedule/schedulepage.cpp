// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder until the page is built.
#include "pages/pageregistry.h"
#include "pages/placeholderpage.h"

#include <QCoreApplication>

namespace kopru {

Page *createSchedulePage(QUndoStack *undo, QWidget *parent)
{
    return new PlaceholderPage(QStringLiteral("schedule"), QCoreApplication::translate("Navigation", "Schedule"), undo, parent);
}

} // namespace kopru
