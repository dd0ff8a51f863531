// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/pageregistry.h"

#include "views/pages/page.h"

namespace kopru {

std::vector<Page *> createPages(QUndoStack *undo, QWidget *parent)
{
    return {
        createOverviewPage(undo, parent),
        createTeachersPage(undo, parent),
        createCompetenciesPage(undo, parent),
        createPartnersPage(undo, parent),
        createNeedsPage(undo, parent),
        createPlacementPage(undo, parent),
        createSchedulePage(undo, parent),
        createQualityPage(undo, parent),
        createExchangePage(undo, parent),
    };
}

} // namespace kopru
