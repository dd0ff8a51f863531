// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/io/privatefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#endif
#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace kopru {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(PrivateFile)
};

const QRegularExpression &temporaryPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(^\..+\.kopru-(\d+)-[0-9a-f]{16}\.part(-journal|-wal|-shm)?$)"));
    return re;
}

bool processIsAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (pid == QCoreApplication::applicationPid())
        return true;
#ifdef Q_OS_UNIX
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#elif defined(Q_OS_WIN)
    HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
    if (!process)
        return GetLastError() == ERROR_ACCESS_DENIED;
    DWORD code = 0;
    const bool running = GetExitCodeProcess(process, &code) && code == STILL_ACTIVE;
    CloseHandle(process);
    return running;
#else
    return true; // cannot tell: keep it
#endif
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

void syncFolder(const QString &folder)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(folder)
#endif
}

} // namespace

PrivateFile::PrivateFile(QString target, Existing existing)
    : m_target(std::move(target))
    , m_existing(existing)
{ }

PrivateFile::~PrivateFile()
{
    if (!m_committed)
        discard();
}

bool PrivateFile::isTemporaryName(const QString &fileName)
{
    return temporaryPattern().match(fileName).hasMatch();
}

void PrivateFile::removeLeftovers(const QString &folder)
{
    const QDir dir(folder);
    const QStringList names = dir.entryList({ QStringLiteral(".*.part*") }, QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : names) {
        const auto m = temporaryPattern().match(name);
        if (m.hasMatch() && !processIsAlive(m.captured(1).toLongLong()))
            QFile::remove(dir.filePath(name));
    }
}

Status PrivateFile::open()
{
    const QFileInfo target(m_target);
    const QString folder = target.absolutePath();
    if (target.exists()) {
        if (!target.isFile())
            return Error { Text::tr("there is a folder or device of that name"), m_target, 0, 0 };
        if (m_existing == Existing::Refuse || (m_existing == Existing::ReplaceEmpty && target.size() > 0))
            return Error { Text::tr("the file already exists; choose a new name"), m_target, 0, 0 };
    }
    removeLeftovers(folder);
    QString reason;
    for (int attempt = 0; attempt < 8; ++attempt) {
        const QString name = QStringLiteral(".%1.kopru-%2-%3.part")
                                 .arg(target.fileName())
                                 .arg(QCoreApplication::applicationPid())
                                 .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
        const QString path = QDir(folder).filePath(name);
#ifdef Q_OS_UNIX
        // 0600 from the start: no moment at which others could open it.
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) {
            const int error = errno;
            reason = systemError(error);
            if (error == EEXIST)
                continue;
            break;
        }
        if (!m_file.open(fd, QIODevice::ReadWrite, QFileDevice::AutoCloseHandle)) {
            ::close(fd);
            ::unlink(QFile::encodeName(path).constData());
            reason = m_file.errorString();
            break;
        }
#else
        m_file.setFileName(path);
        if (!m_file.open(QIODevice::ReadWrite | QIODevice::NewOnly)) {
            reason = m_file.errorString();
            if (QFile::exists(path))
                continue;
            break;
        }
#endif
        m_temporary = path;
        return {};
    }
    return Error { Text::tr("cannot create a file in the folder %1: %2").arg(QDir::toNativeSeparators(folder), reason), m_target,
        0, 0 };
}

Status PrivateFile::commit()
{
    if (m_temporary.isEmpty())
        return Error { Text::tr("the file was not written"), m_target, 0, 0 };
    const auto failed = [this](const QString &reason) {
        discard();
        return Status(Error { Text::tr("cannot write the file: %1").arg(reason), m_target, 0, 0 });
    };
    if (!m_file.flush())
        return failed(m_file.errorString());
#ifdef Q_OS_UNIX
    if (::fsync(m_file.handle()) != 0)
        return failed(systemError(errno));
#endif
    m_file.close();

    const QFileInfo target(m_target);
    if (m_existing != Existing::Replace && target.exists() && (m_existing == Existing::Refuse || target.size() > 0)) {
        discard();
        return Error { Text::tr("the file already exists; choose a new name"), m_target, 0, 0 };
    }
    bool renamed = false;
#ifdef Q_OS_UNIX
    if (m_existing == Existing::Refuse) {
        // link() fails when the target exists: no window in which another
        // file of that name could be replaced.
        const QByteArray from = QFile::encodeName(m_temporary), to = QFile::encodeName(target.absoluteFilePath());
        if (::link(from.constData(), to.constData()) == 0) {
            ::unlink(from.constData());
            renamed = true;
        } else if (errno == EEXIST) {
            discard();
            return Error { Text::tr("the file already exists; choose a new name"), m_target, 0, 0 };
        } // else a file system without hard links: rename below
    }
#endif
    if (!renamed) {
        std::error_code ec;
        std::filesystem::rename(QFileInfo(m_temporary).filesystemAbsoluteFilePath(), target.filesystemAbsoluteFilePath(), ec);
        if (ec)
            return failed(QString::fromStdString(ec.message()));
    }
    m_committed = true;
    syncFolder(target.absolutePath());
    return {};
}

void PrivateFile::discard()
{
    if (m_file.isOpen())
        m_file.close();
    if (m_temporary.isEmpty() || m_committed)
        return;
    for (const char *suffix : { "", "-journal", "-wal", "-shm" })
        QFile::remove(m_temporary + QLatin1String(suffix));
}

} // namespace kopru
