// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QString>

class QFileDevice;

namespace kopru::PageCopy {

// Copies a database in WAL mode byte for byte into `out`: the committed
// state, as SQLite's own page-copying backup would, for a fraction of the
// CPU of VACUUM INTO (which rebuilds every b-tree; issue #16). Köprü reaches
// SQLite only through Qt's driver, which offers no backup API, so the copy is
// made from the file:
//  1. a checkpoint (PASSIVE, on `from`, a read-write connection of the file)
//     moves every committed page from the -wal into the file;
//  2. the file is copied as it is, and its header marked as a database
//     without a -wal (as VACUUM INTO writes it).
// It is a snapshot only while nobody commits: the caller compares
// PRAGMA data_version from before step 1 with after step 2, and copies again
// if it changed (DatabaseCopy::write). Returns false, with `out` untouched,
// when the file is not in WAL mode, larger than 1 GiB (SQLite's lock bytes,
// which Windows does not let another handle read) or more than a quarter
// free pages (VACUUM INTO leaves them out), or when a reader still needs
// pages the checkpoint could not move (an older snapshot): then VACUUM INTO
// is the way.
Expected<bool> write(const QSqlDatabase &from, const QString &source, QFileDevice &out);

} // namespace kopru::PageCopy
