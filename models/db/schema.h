// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <vector>

namespace kopru::Schema {

// The schema version this program writes; kept in PRAGMA user_version.
constexpr int kCurrentVersion = 5;
// The version that brought the meta table and the database_id.
constexpr int kMetaVersion = 3;
// The version that brought global ids, owners and versions (docs/exchange.md).
constexpr int kExchangeVersion = 4;
// The version that brought attendance, outcomes, evaluations and certificates (docs/quality.md).
constexpr int kProgrammeVersion = 5;
// PRAGMA application_id of a Köprü database ("KPRU").
constexpr int kApplicationId = 0x4B505255;

// One migration step: the statements that bring a database from version
// `toVersion - 1` to `toVersion`. Steps run in order inside one transaction.
struct Step
{
    int toVersion;
    std::vector<const char *> statements;
    // The step rebuilds tables (create new, copy, drop, rename): it runs with
    // foreign keys off and legacy_alter_table on, as SQLite's procedure says.
    bool rebuildsTables = false;
    // Work SQL cannot do, run after the statements in the same transaction.
    Status (*finish)(QSqlDatabase) = nullptr;
};

const std::vector<Step> &steps();

// Step kExchangeVersion (schema_exchange.cpp).
Step exchangeStep(int toVersion);
// Step kProgrammeVersion (schema_programme.cpp).
Step programmeStep(int toVersion);

} // namespace kopru::Schema
