// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QSplitter;

namespace kopru {

class Page;

// Small pieces the entity pages share.
namespace PageWiring {

// Splitter sizes kept in QSettings under "pages/<name>/splitter".
void restoreSplitter(QSplitter *splitter, const QString &pageName);
void saveSplitter(const QSplitter *splitter, const QString &pageName);

// While `page` is visible, changes announced by the undo commands make it emit
// dataModified (once per event-loop turn) and failed undo/redo steps become
// status messages. Other users' changes (ChangeNotifier::isDeliveringOthers)
// are not passed on: each page follows them itself (LiveRefresh).
void forwardChanges(Page *page);

// While `page` is visible, an edit refused because its row changed since the
// user saw it (ChangeNotifier::staleRefused: who changed it and when) is shown
// in a message box with a "Reload" choice, which reloads every model showing
// the table. Part of forwardChanges.
void offerReload(Page *page);

} // namespace PageWiring

} // namespace kopru
