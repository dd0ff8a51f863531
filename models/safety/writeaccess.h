// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/db/database.h"
#include "models/safety/instancelock.h"

#include <memory>

namespace kopru {

class BackupManager;

// A database opened for writing by a command (kopru-cli import, plan,
// restore …), with the database's lock held until it is destroyed.
struct WriteSession
{
    std::unique_ptr<InstanceLock> lock; // declared first: released last
    std::unique_ptr<Database> db;
};

// Why openForWriting() refused.
enum class WriteRefusal {
    InUse, // another Köprü program holds the lock: try again later
    NotUsable, // missing, not a Köprü database, newer schema, read-only
    Damaged, // fails SQLite's quick_check: restore a backup
    NoBackup, // the upgrade of an older file needs a backup that failed
};

// What a command does before it writes into a database file, in this order:
//  1. takes the database's lock ("<db>.lock", InstanceLock): refused while
//     another Köprü program — the GUI, another kopru-cli — holds it, naming
//     that program;
//  2. checks the file without changing it (DatabaseFile::verify with
//     quick_check): anything but an undamaged Köprü database of a schema this
//     program knows is refused and left exactly as it was; a damaged one is
//     refused with the file named and the restore offered;
//  3. backs up a file of an older schema (BackupManager::backupBeforeMigration),
//  4. opens it for writing, which upgrades an older file keeping its identity.
// Errors name the file; `refusal` (optional) tells which step refused.
//
// `check`: OpenCheck::ByBackup leaves out step 2's quick_check for a
// caller that makes the automatic backup before it writes anything and lets
// that backup stand for the check (BackupManager::backupProvingSound; only
// kopru-cli plan, where reading the 200 MB file a third time cost 1.5 s of
// 7; docs/data-safety.md). Only a file in WAL mode is left unchecked here
// (opening another one for writing switches it to WAL, a write); a file of
// an older schema is checked by its migration backup before the upgrade
// writes, and a file that SQLite cannot even open is still told apart as
// Damaged.
enum class OpenCheck { QuickCheck, ByBackup };
Expected<WriteSession> openForWriting(
    const QString &path, BackupManager &backups, WriteRefusal *refusal = nullptr, OpenCheck check = OpenCheck::QuickCheck);

} // namespace kopru
