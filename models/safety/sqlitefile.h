// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace kopru {

// A short-lived SQLite connection to a file that is not (or not yet) opened as
// a Database: a backup to verify, a file to copy before its migration. It
// never migrates or changes the file when opened read-only, and removes its
// connection in the destructor.
class SqliteFile final
{
public:
    enum class Mode { ReadOnly, ReadWrite };

    SqliteFile() = default;
    ~SqliteFile();
    SqliteFile(const SqliteFile &) = delete;
    SqliteFile &operator=(const SqliteFile &) = delete;

    Status open(const QString &path, Mode mode = Mode::ReadOnly);
    void close();
    QSqlDatabase connection() const;

    // Checks that `path` is an undamaged Köprü database this program can open:
    // SQLite's quick_check passes, the application id is Köprü's and the
    // schema version is not newer than this program's. Changes nothing.
    static Status verify(const QString &path);
    // PRAGMA user_version of `path` (read-only), or an Error.
    static Expected<int> schemaVersion(const QString &path);

private:
    QString m_name;
};

} // namespace kopru
