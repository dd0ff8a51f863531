// SPDX-License-Identifier: GPL-3.0-or-later
// How the commands that write open their database: through
// models/safety/writeaccess.h (lock, read-only check, backup before an
// upgrade), with the refusal printed and turned into an exit code.
#pragma once

#include "app/kopru-cli/command.h"
#include "models/core/result.h"
#include "models/safety/writeaccess.h"

namespace kopru {
class BackupManager;
}

namespace kopru::cli {

// Opens `path` for writing. On refusal prints why on err (for a damaged
// database also how to go back to a backup) and sets *code: InUse while
// another Köprü program holds the database, Usage otherwise.
Expected<WriteSession> openToWrite(const QString &path, BackupManager &backups, Io &io, int *code);

// Refuses a damaged database `path` (exit Usage): `damage` and how to go
// back to one of its backups.
int refuseDamaged(Io &io, const QString &path, const Error &damage);

} // namespace kopru::cli
