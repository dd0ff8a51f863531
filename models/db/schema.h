// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace kopru::Schema {

// The schema version this program writes; kept in PRAGMA user_version.
constexpr int kCurrentVersion = 3;
// The version that brought the meta table and the database_id.
constexpr int kMetaVersion = 3;
// PRAGMA application_id of a Köprü database ("KPRU").
constexpr int kApplicationId = 0x4B505255;

// One migration step: the statements that bring a database from version
// `toVersion - 1` to `toVersion`. Steps run in order inside one transaction.
struct Step
{
    int toVersion;
    std::vector<const char *> statements;
};

const std::vector<Step> &steps();

} // namespace kopru::Schema
