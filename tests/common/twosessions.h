// SPDX-License-Identifier: GPL-3.0-or-later
// Two users of one server database, as the live-refresh tests need them:
// window A opened as the GUI opens it (following others' changes through
// ChangeListener) and another user's session B; and the small demo file
// those tests copy to a server database per test case.
#pragma once

#include "models/db/changelistener.h"
#include "models/db/connection.h"
#include "models/db/database.h"
#include "models/demo/demogenerator.h"

#include <QtGlobal>
#include <memory>

namespace kopru::test {

// Window A: the database at `url` as the GUI opens it, following others' changes.
inline std::unique_ptr<Database> openFollowing(const QString &url)
{
    auto db = Database::open(url);
    if (!db) {
        qWarning("%s", qPrintable(db.message()));
        return nullptr;
    }
    if (Status s = ChangeListener::follow(db.value()->connection()); !s) {
        qWarning("%s", qPrintable(s.message()));
        return nullptr;
    }
    return std::move(db.value());
}

// Another user's session B on `url`.
inline std::unique_ptr<Connection> otherSession(const QString &url)
{
    auto c = Connection::open(url, Connection::Access::ReadWrite);
    if (!c) {
        qWarning("%s", qPrintable(c.message()));
        return nullptr;
    }
    return std::move(c.value());
}

// A demo file of 60 teachers and 15 partners at `path`.
inline Status makeSmallDemo(const QString &path)
{
    DemoGenerator::Options options;
    options.teachers = 60;
    options.partners = 15;
    options.minPlaces = 60;
    auto made = Database::create(path, [&options](QSqlDatabase c) -> Status {
        auto summary = DemoGenerator::generate(c, options);
        return summary ? Status() : Status(summary.error());
    });
    return made ? Status() : Status(made.error());
}

} // namespace kopru::test
