// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

class QString;
class QWidget;

namespace kopru {

class Database;

// Opens a database for the GUI, explaining problems to the user (missing,
// damaged, newer version, locked by another Köprü window, read-only, on a
// network share) and offering the choices that make sense. Returns nullptr when
// nothing was opened.
std::unique_ptr<Database> openDatabaseInteractive(const QString &path, QWidget *parent);

} // namespace kopru
