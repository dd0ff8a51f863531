// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder until the page is built.
#include "pages/pageregistry.h"
#include "pages/placeholderpage.h"

#include <QCoreApplication>

namespace kopru {

Page *createPartnersPage(QUndoStack *undo, QWidget *parent)
{
    return new PlaceholderPage(QStringLiteral("partners"), QCoreApplication::translate("Navigation", "Partners & sessions"), undo, parent);
}

} // namespace kopru
