// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/safety/storagecheck.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStorageInfo>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace kopru {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kopru::StorageRisk", text);
}

// The nearest existing folder of `path` (QStorageInfo needs an existing path).
QString existingFolder(const QString &path)
{
    QFileInfo info(path);
    QDir dir = info.isDir() ? QDir(info.absoluteFilePath()) : info.absoluteDir();
    while (!dir.exists() && !dir.isRoot())
        if (!dir.cdUp())
            break;
    return dir.absolutePath();
}

#ifdef Q_OS_WIN
bool isRemoteDrive(const QString &folder)
{
    const QString root = QStorageInfo(folder).rootPath();
    if (root.isEmpty())
        return false;
    const std::wstring native
        = QDir::toNativeSeparators(root.endsWith(QLatin1Char('/')) ? root : root + QLatin1Char('/')).toStdWString();
    return GetDriveTypeW(native.c_str()) == DRIVE_REMOTE;
}
#endif

} // namespace

QString StorageRisk::warning(const QString &path) const
{
    switch (kind) {
    case Kind::Local:
        return {};
    case Kind::NetworkShare:
        return tr("The database %1 lives on a network share (%2). Köprü works best with a file on this computer: "
                  "file locking over the network is unreliable and the file can be damaged if the connection drops. "
                  "Copy it to a local folder to work on it.")
            .arg(QDir::toNativeSeparators(path), detail);
    case Kind::CloudSync:
        return tr("The database %1 lives in a %2 folder. Sync services can upload a half-written file or create "
                  "conflicting copies while Köprü is writing. Pause syncing while you work, or keep the database in a "
                  "local folder and rely on Köprü's automatic backups.")
            .arg(QDir::toNativeSeparators(path), detail);
    }
    return {};
}

namespace StorageCheck {

bool isUncPath(const QString &path)
{
    static const QRegularExpression unc(
        QStringLiteral(R"(^(\\\\|//)(\?[\\/]UNC[\\/])?[^\\/?]+[\\/][^\\/]+)"), QRegularExpression::CaseInsensitiveOption);
    if (path.startsWith(QLatin1String("\\\\?\\")) && !path.startsWith(QLatin1String("\\\\?\\UNC\\"), Qt::CaseInsensitive))
        return false; // \\?\C:\… is a long local path
    if (path.startsWith(QLatin1String("\\\\.\\")))
        return false; // device namespace
    return unc.match(path).hasMatch();
}

bool isNetworkFileSystem(const QByteArray &fileSystemType)
{
    const QByteArray t = fileSystemType.toLower();
    static const char *const exact[] = { "nfs", "nfs4", "cifs", "smb", "smbfs", "smb2", "smb3", "ncpfs", "afs", "coda", "9p",
        "ceph", "glusterfs", "lustre", "davfs", "webdav", "afpfs", "sshfs" };
    for (const char *name : exact)
        if (t == name)
            return true;
    // FUSE clients of remote storage: fuse.sshfs, fuse.rclone, fuse.davfs2, fuse.glusterfs, fuse.s3fs …
    static const char *const fuseRemote[] = { "sshfs", "rclone", "davfs", "glusterfs", "s3fs", "gcsfuse", "smb", "curlftpfs" };
    if (t.startsWith("fuse.")) {
        const QByteArray sub = t.mid(5);
        for (const char *name : fuseRemote)
            if (sub.startsWith(name))
                return true;
    }
    return false;
}

QString cloudServiceInPath(const QString &path)
{
    struct Service
    {
        const char *pattern; // matched against one path component, case-insensitive
        const char *name;
    };
    static const Service services[] = {
        { R"(^onedrive( - .*)?$)", "OneDrive" },
        { R"(^dropbox( \(.*\))?$)", "Dropbox" },
        { R"(^(google ?drive|my drive|drive partagés|shared drives|ortak drive'lar|drive'ım)$)", "Google Drive" },
        { R"(^(icloud ?drive|com~apple~clouddocs|mobile documents)$)", "iCloud Drive" },
        { R"(^yandex\.disk$)", "Yandex.Disk" },
        { R"(^pcloud ?drive$)", "pCloud" },
        { R"(^megasync$)", "MEGA" },
    };
    // Both separators on every platform: a Windows path may be checked anywhere.
    static const QRegularExpression separators(QStringLiteral(R"([\\/])"));
    const QStringList parts = path.split(separators, Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        for (const Service &s : services) {
            const QRegularExpression re(QString::fromUtf8(s.pattern), QRegularExpression::CaseInsensitiveOption);
            if (re.match(part).hasMatch())
                return QString::fromLatin1(s.name);
        }
    }
    return {};
}

StorageRisk classify(const QString &path)
{
    if (isUncPath(path))
        return { StorageRisk::Kind::NetworkShare, QStringLiteral("SMB") };
    const QString folder = existingFolder(path);
    const QStorageInfo storage(folder);
    if (storage.isValid() && isNetworkFileSystem(storage.fileSystemType()))
        return { StorageRisk::Kind::NetworkShare, QString::fromUtf8(storage.fileSystemType()) };
#ifdef Q_OS_WIN
    if (isRemoteDrive(folder))
        return { StorageRisk::Kind::NetworkShare, QStorageInfo(folder).rootPath() };
#endif
    if (const QString service = cloudServiceInPath(QFileInfo(path).absoluteFilePath()); !service.isEmpty())
        return { StorageRisk::Kind::CloudSync, service };
    return {};
}

} // namespace StorageCheck

} // namespace kopru
