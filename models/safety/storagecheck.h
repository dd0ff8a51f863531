// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace kopru {

// Where a database file lives, as far as its safety is concerned. SQLite's
// locking is unreliable on network file systems, and sync clients (OneDrive,
// Dropbox, …) may copy a file half-written or create conflicting copies.
struct StorageRisk
{
    enum class Kind { Local, NetworkShare, CloudSync };
    Kind kind = Kind::Local;
    QString detail; // file-system type, share or cloud service name

    bool isRisky() const { return kind != Kind::Local; }
    // A translated warning for the user ("… lives on a network share (cifs) …").
    QString warning(const QString &path) const;
};

namespace StorageCheck {

// The risk of the folder holding `path` (the file need not exist yet).
StorageRisk classify(const QString &path);

// The pieces, separately testable:
// \\server\share\… or //server/share/… (also \\?\UNC\server\…).
bool isUncPath(const QString &path);
// nfs, cifs, smb2, fuse.sshfs, … (QStorageInfo::fileSystemType()).
bool isNetworkFileSystem(const QByteArray &fileSystemType);
// The cloud-sync service whose folder appears in `path` ("OneDrive",
// "Dropbox", "Google Drive", "iCloud Drive", …), or an empty string.
QString cloudServiceInPath(const QString &path);

} // namespace StorageCheck

} // namespace kopru
