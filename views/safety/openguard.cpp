// SPDX-License-Identifier: GPL-3.0-or-later
#include "safety/openguard.h"

#include "db/database.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace kopru {

std::unique_ptr<Database> openDatabaseInteractive(const QString &path, QWidget *parent)
{
    auto db = Database::open(path);
    if (!db) {
        QMessageBox::critical(parent, QCoreApplication::translate("OpenGuard", "Cannot open the database"), db.message());
        return nullptr;
    }
    return std::move(db.value());
}

} // namespace kopru
