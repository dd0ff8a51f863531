// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QFile>
#include <QString>

namespace kopru {

// A file that holds personal data (a database, a backup, an export), written
// so that nobody else can read it and nobody finds half of it:
//  - created under a temporary name beside the target,
//    ".<target name>.kopru-<pid>-<random>.part", readable and writable by its
//    owner only from the first byte (0600 on POSIX; O_EXCL, never an
//    existing file);
//  - commit() flushes it to the disk and renames it to the target in one step;
//  - without commit() (an error, an early return) the destructor removes it,
//    and one left behind by a killed process is removed by the next
//    PrivateFile in the same folder (removeLeftovers), once that process is
//    gone.
// Writers that need a path (SQLite's VACUUM INTO, libxlsxwriter) write to
// temporaryPath(), which exists, empty, with the right permissions.
class PrivateFile final
{
public:
    enum class Existing {
        Replace, // an existing target is replaced (exports)
        Refuse, // an existing target is never touched (backup DB OUT)
        ReplaceEmpty, // only an empty existing target is replaced (init)
    };

    explicit PrivateFile(QString target, Existing existing = Existing::Replace);
    ~PrivateFile();
    PrivateFile(const PrivateFile &) = delete;
    PrivateFile &operator=(const PrivateFile &) = delete;

    // Creates the temporary file. Refuses early when the target exists and
    // must not be replaced.
    Status open();
    // The open temporary file, for writing.
    QFile &device() { return m_file; }
    const QString &temporaryPath() const { return m_temporary; }
    const QString &target() const { return m_target; }

    // Flushes, syncs and renames the temporary file to the target.
    Status commit();
    // Removes the temporary file (and SQLite's -journal of it).
    void discard();

    // Removes the temporary files of processes that are gone from `folder`.
    static void removeLeftovers(const QString &folder);
    // Whether `fileName` is a name this class gives its temporary files.
    static bool isTemporaryName(const QString &fileName);

private:
    QString m_target;
    Existing m_existing;
    QString m_temporary;
    QFile m_file;
    bool m_committed = false;
};

} // namespace kopru
