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
class Database;
} // namespace kopru

namespace kopru::cli {

// Where a command may write: a .kopru file only, or a server database too
// (docs/server.md says which commands run on a server).
enum class Place { FileOnly, FileOrServer };

// Opens `path` for writing. On refusal prints why on err (for a damaged
// database also how to go back to a backup) and sets *code: InUse while
// another Köprü program holds the database, Usage otherwise. With
// FileOrServer a postgresql:// URL is opened as it is: the server carries
// several writers at once itself (no lock file), keeps its storage sound
// (no quick_check) and has no schema upgrades (a server database of another
// schema version is refused). A file-only command refuses a URL, saying so.
// `check`: see openForWriting (only plan leaves the check to its backup).
Expected<WriteSession> openToWrite(const QString &path, BackupManager &backups, Io &io, int *code, Place place = Place::FileOnly,
    OpenCheck check = OpenCheck::QuickCheck);

// The automatic backup before a change (import, plan): made of a file; a
// server database is not copied by Köprü (pg_dump on the server), which a
// note on err says, and that is no failure.
Status backupBeforeChange(BackupManager &backups, const Database &db, const QString &reason, Io &io);

// A server URL as messages show it: without its password.
QString shownUrl(const QString &url);

// Refuses a server database `url` for a command that works on the files of a
// .kopru database only (backup, backups, restore): Köprü makes and restores
// no copies of a server database, its IT staff do with pg_dump and
// pg_restore (docs/server.md). Exit Usage; the password never shown.
int refuseServerBackups(Io &io, const QString &url);

// Refuses a damaged database `path` (exit Usage): `damage` and how to go
// back to one of its backups.
int refuseDamaged(Io &io, const QString &path, const Error &damage);

} // namespace kopru::cli
