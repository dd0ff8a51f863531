// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/exchange/travellingtables.h"

#include <QString>

namespace kopru::PackageSql {

// SQL shared by the packer, the applier and the review list, generated from
// TravellingTables so that the three agree on every column. Table and column
// names come from that description, never from input; values are bound.

// "SELECT <package columns> FROM main.<local> t LEFT JOIN … WHERE <where>":
// the local rows of `table` in package form (references as uids). `where`
// may use the alias `t` for the local row.
QString selectLocal(const TravellingTable &table, const QString &where);

// "INSERT INTO <prefix><name>(<package columns>) " + selectLocal(…); `prefix`
// is where the package's tables are ("pkg." or "temp.pkg_", PackageTarget).
QString copyLocal(const TravellingTable &table, const QString &prefix, const QString &where);

// The local rows of a list whose parents are in <prefix><parent>, in package form.
QString copyLocalList(const TravellingList &list, const QString &prefix);

// The expression giving the owner (NULL = national) of a local row `t` of `table`.
QString ownerExpression(const TravellingTable &table, const QString &alias);

} // namespace kopru::PackageSql
