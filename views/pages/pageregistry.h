// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

class QUndoStack;
class QWidget;

namespace kopru {

class Database;
class Page;

// Page factories, one per page, each defined beside its page.
Page *createOverviewPage(QUndoStack *undo, QWidget *parent);
Page *createTeachersPage(QUndoStack *undo, QWidget *parent);
Page *createCompetenciesPage(QUndoStack *undo, QWidget *parent);
Page *createPartnersPage(QUndoStack *undo, QWidget *parent);
Page *createNeedsPage(QUndoStack *undo, QWidget *parent);
Page *createPlacementPage(QUndoStack *undo, QWidget *parent);
Page *createSchedulePage(QUndoStack *undo, QWidget *parent);
Page *createQualityPage(QUndoStack *undo, QWidget *parent);
Page *createExchangePage(QUndoStack *undo, QWidget *parent);

// All pages in navigation order.
std::vector<Page *> createPages(QUndoStack *undo, QWidget *parent);

// Dialog entry points of the File menu, each defined beside its dialog.
// They report whether data changed (so pages refresh).
bool runImportWizard(Database *db, QWidget *parent);
void runExportDialog(Database *db, QWidget *parent);

} // namespace kopru
