// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace kopru {

// What a database is in the national programme: the national office or one
// centre (docs/exchange.md, "What a database is"). Kept in the meta table
// (`role`, `centre_id`); a database without a role counts as the national
// office. A centre database owns its partners, sessions, placements and what
// it records about its teachers; the national office owns the rest.
class DatabaseRole final
{
public:
    enum class Kind { National, Centre };

    DatabaseRole() = default;
    static DatabaseRole national() { return DatabaseRole(); }
    static DatabaseRole centre(int centreId);

    // "national", "centre:3" or "3" (a centre's id); anything else is an error.
    static Expected<DatabaseRole> parse(const QString &text);
    // The role stored in `db` (national when none is stored).
    static Expected<DatabaseRole> read(QSqlDatabase db);
    // Whether `db` has a role stored (databases made before the exchange have not).
    static Expected<bool> isStored(QSqlDatabase db);
    // Stores this role (in the caller's transaction, if any).
    Status write(QSqlDatabase db) const;
    // Gives a database its role once, before its first package (a database
    // made before the exchange existed): in one write transaction the role is
    // stored and what the database made — partners, sessions, placements,
    // schools, the teachers it registered — becomes its own (a centre's, or
    // the national office's). Refused when packages were made or received.
    static Status assign(QSqlDatabase db, const DatabaseRole &role);

    Kind kind() const { return m_kind; }
    bool isNational() const { return m_kind == Kind::National; }
    bool isCentre() const { return m_kind == Kind::Centre; }
    // The centre's id, 0 for the national office.
    int centreId() const { return m_centreId; }
    // The owner_centre_id of what this database owns: NULL (national) or the id.
    QVariant ownerValue() const;
    // Whether a row with owner_centre_id `owner` (NULL = national) is this database's.
    bool owns(const QVariant &owner) const;

    // "national" or "centre:3": the form of the CLI, of modified_by and of packages.
    QString code() const;
    // Translated: "National office" or "Centre 3".
    QString displayName() const;
    // What a user calls it: "National office" or the centre's name as `db`
    // knows it ("Gazi MTAL"); displayName() when `db` has no such centre.
    QString displayName(QSqlDatabase db) const;

    bool operator==(const DatabaseRole &o) const { return m_kind == o.m_kind && m_centreId == o.m_centreId; }
    bool operator!=(const DatabaseRole &o) const { return !(*this == o); }

private:
    Kind m_kind = Kind::National;
    int m_centreId = 0;
};

} // namespace kopru
