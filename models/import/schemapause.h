// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <vector>

namespace kopru {

// Indexes and triggers of one table taken out for a bulk write and put back
// as they were. Each is dropped inside the caller's write transaction and its
// own SQL (as SQLite stored it) is run again by restore(), so a failed or
// cancelled write rolls the drop back together with the rows. An SQLite file
// only, like the bulk write it serves (RatingInserter).
class SchemaPause final
{
public:
    explicit SchemaPause(QSqlDatabase db)
        : m_db(db)
    { }

    // Drops the objects of `type` ("index" or "trigger") on `table` that were
    // made by SQL (not the automatic indexes of keys); with `names`, only
    // those of them. Objects that do not exist are no error.
    Status drop(const QString &type, const QString &table, const QStringList &names = {});
    // Whether the object `name` is dropped now.
    bool holds(const QString &name) const;
    // Makes the dropped objects of `type` again (empty: all), in the order
    // they were dropped.
    Status restore(const QString &type = {});

private:
    struct Object
    {
        QString type, name, sql;
    };
    QSqlDatabase m_db;
    std::vector<Object> m_dropped;
};

} // namespace kopru
