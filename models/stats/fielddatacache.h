// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/stats/needstatistics.h"

#include <QSqlDatabase>
#include <QString>
#include <map>
#include <memory>

namespace kopru::stats {

// FieldData of the fields visited, so that switching back to a field reads
// nothing again. Every get() first checks whether the database changed since
// the data were loaded — through this connection or any other, e.g. another
// process or, on a server, another user (SqlDialect::changeStamp) — and if
// so drops everything. clear() drops everything too (a new database, a refresh).
class FieldDataCache
{
public:
    // The data of field `code` (case-insensitive) of survey `round` (0: the
    // field's latest), loaded if not held or out of date.
    Expected<std::shared_ptr<const FieldData>> get(QSqlDatabase db, const QString &code, int round = 0);
    void clear();
    // Fields held (for tests).
    int size() const { return int(m_fields.size()); }

private:
    struct Stamp
    {
        QString connection;
        QString changes; // SqlDialect::changeStamp
        bool operator==(const Stamp &o) const { return connection == o.connection && changes == o.changes; }
    };
    static Expected<Stamp> stampOf(QSqlDatabase db);

    Stamp m_stamp;
    std::map<QString, std::shared_ptr<const FieldData>> m_fields; // by upper-case code, "#round" after it unless latest
};

} // namespace kopru::stats
