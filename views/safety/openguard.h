// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <functional>
#include <memory>

class QAction;
class QMenu;
class QString;
class QWidget;

namespace kopru {

class Database;
struct IntegrityReport;

// Opens a database for the GUI, explaining problems to the user and offering
// the choices that make sense:
//  - missing or unreadable file, newer schema: a message;
//  - on a network share or in a cloud-sync folder: a warning;
//  - read-only file: opened read-only, with a message;
//  - open in another Köprü window (its "<db>.lock"): says who has it and
//    offers to open it read-only;
//  - older schema: an automatic backup, then the upgrade;
//  - damaged (PRAGMA quick_check and the domain checks fail): restore a
//    backup / open read-only / cancel (askAboutDamage), unless `check` is
//    Later: then the caller runs the check;
//  - then an automatic backup (skipped when the newest one is current), unless
//    `backup` is Later: then the caller makes it.
// The main window passes Later for both and has them done in the background
// (BackgroundBackup), so that a large database shows at once.
// Returns nullptr when nothing was opened. The lock is held by this process
// until releaseDatabaseLock() (or the process ends).
enum class BackupOnOpen { Now, Later };
enum class CheckOnOpen { Now, Later };
std::unique_ptr<Database> openDatabaseInteractive(
    const QString &path, QWidget *parent, BackupOnOpen backup = BackupOnOpen::Now, CheckOnOpen check = CheckOnOpen::Now);

// `path` failed its integrity check (`report`): the "Damaged Database"
// message, offering to restore one of its backups (when it has any) or to
// open it read-only.
enum class DamageChoice { Close, ReadOnly, Restore };
DamageChoice askAboutDamage(const QString &path, QWidget *parent, const IntegrityReport &report);

// Opens `path` read-only; a message and nullptr when it cannot be.
std::unique_ptr<Database> openDatabaseReadOnly(const QString &path, QWidget *parent);

// The warning that the automatic backup on opening `path` failed (the user
// may go on working).
void reportBackupOnOpenFailure(const QString &path, QWidget *parent, const Status &failure);

// Releases the single-instance lock this process holds for `path`; call after
// closing the database so that another Köprü window may open it.
void releaseDatabaseLock(const QString &path);

// Adds "Restore Backup…" to a File menu. `currentPath` returns the open
// database (empty: none, the user is asked for the file), `closeDatabase`
// closes it, `reopen` opens a path again (e.g. MainWindow::openFile).
QAction *addRestoreBackupAction(QMenu *fileMenu, QWidget *window, std::function<QString()> currentPath,
    std::function<void()> closeDatabase, std::function<bool(const QString &)> reopen);

} // namespace kopru
