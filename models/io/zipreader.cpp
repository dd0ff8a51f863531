// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/io/zipreader.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <algorithm>
#include <minizip/unzip.h>

namespace kopru {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(ZipReader)
};

// minizip I/O callbacks over a QIODevice. The `filename` minizip hands to the
// open callback is the device itself (see ZipReader::open), so minizip never
// sees a path and never calls fopen64.
voidpf ZCALLBACK deviceOpen(voidpf, const void *filename, int mode)
{
    auto *device = static_cast<QIODevice *>(const_cast<void *>(filename));
    if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ)
        return nullptr; // read-only
    if (!device->isOpen() && !device->open(QIODevice::ReadOnly))
        return nullptr;
    return device;
}

uLong ZCALLBACK deviceRead(voidpf, voidpf stream, void *buf, uLong size)
{
    const qint64 n = static_cast<QIODevice *>(stream)->read(static_cast<char *>(buf), qint64(size));
    return n < 0 ? 0 : uLong(n);
}

uLong ZCALLBACK deviceWrite(voidpf, voidpf, const void *, uLong)
{
    return 0;
}

ZPOS64_T ZCALLBACK deviceTell(voidpf, voidpf stream)
{
    return ZPOS64_T(static_cast<QIODevice *>(stream)->pos());
}

long ZCALLBACK deviceSeek(voidpf, voidpf stream, ZPOS64_T offset, int origin)
{
    auto *device = static_cast<QIODevice *>(stream);
    qint64 base = 0;
    switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET:
        break;
    case ZLIB_FILEFUNC_SEEK_CUR:
        base = device->pos();
        break;
    case ZLIB_FILEFUNC_SEEK_END:
        base = device->size();
        break;
    default:
        return -1;
    }
    // minizip passes negative offsets from the end as huge unsigned numbers.
    const qint64 target = base + qint64(offset);
    if (target < 0 || target > device->size())
        return -1;
    return device->seek(target) ? 0 : -1;
}

int ZCALLBACK deviceClose(voidpf, voidpf stream)
{
    static_cast<QIODevice *>(stream)->close();
    return 0;
}

int ZCALLBACK deviceError(voidpf, voidpf)
{
    return 0;
}

// The current entry of an open archive as a sequential device.
class EntryDevice final : public QIODevice
{
public:
    EntryDevice(unzFile zip, qint64 maxBytes)
        : m_zip(zip)
        , m_max(maxBytes)
    {
        open(QIODevice::ReadOnly);
    }
    ~EntryDevice() override { finish(); }

    bool isSequential() const override { return true; }
    // At the end also after a failure: a reader must not wait for more data.
    bool atEnd() const override { return (m_ended || m_status != ZipReader::Status::Ok) && QIODevice::atEnd(); }
    ZipReader::Status status() const { return m_status; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_status != ZipReader::Status::Ok)
            return -1;
        if (m_ended || maxSize <= 0)
            return 0; // (unzReadCurrentFile answers 0 also when asked for nothing)
        const int n = unzReadCurrentFile(m_zip, data, unsigned(std::min<qint64>(maxSize, 1 << 20)));
        if (n < 0)
            return fail(ZipReader::Status::Damaged);
        m_read += n;
        if (m_read > m_max)
            return fail(ZipReader::Status::TooLarge);
        if (n == 0) {
            m_ended = true;
            if (!finish()) // UNZ_CRCERROR: the data does not match its checksum
                return fail(ZipReader::Status::Damaged);
        }
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 fail(ZipReader::Status status)
    {
        m_status = status;
        finish();
        return -1;
    }
    bool finish()
    {
        if (m_closed)
            return true;
        m_closed = true;
        return unzCloseCurrentFile(m_zip) == UNZ_OK;
    }

    unzFile m_zip;
    qint64 m_max;
    qint64 m_read = 0;
    bool m_ended = false;
    bool m_closed = false;
    ZipReader::Status m_status = ZipReader::Status::Ok;
};

} // namespace

struct ZipReader::Private
{
    QByteArray bytes;
    QBuffer buffer;
    QFile file;
    bool fromFile = false;
    unzFile zip = nullptr;
    QString error;
    std::unique_ptr<EntryDevice> entry;

    QIODevice *device() { return fromFile ? static_cast<QIODevice *>(&file) : static_cast<QIODevice *>(&buffer); }
};

ZipReader::ZipReader(const QByteArray &bytes)
    : d(std::make_unique<Private>())
{
    d->bytes = bytes;
    d->buffer.setBuffer(&d->bytes);
}

ZipReader::ZipReader(const QString &path)
    : d(std::make_unique<Private>())
{
    d->fromFile = true;
    d->file.setFileName(path);
}

ZipReader::~ZipReader()
{
    d->entry.reset();
    if (d->zip)
        unzClose(d->zip); // closes the device through deviceClose
}

ZipReader::Status ZipReader::open()
{
    if (d->zip)
        return Status::Ok;
    zlib_filefunc64_def io {};
    io.zopen64_file = deviceOpen;
    io.zread_file = deviceRead;
    io.zwrite_file = deviceWrite;
    io.ztell64_file = deviceTell;
    io.zseek64_file = deviceSeek;
    io.zclose_file = deviceClose;
    io.zerror_file = deviceError;
    io.opaque = nullptr;
    QIODevice *device = d->device();
    d->zip = unzOpen2_64(device, &io);
    if (!d->zip) {
        if (d->fromFile && d->file.error() != QFileDevice::NoError && !d->file.isOpen())
            d->error = Text::tr("cannot open the file: %1").arg(d->file.errorString());
        else
            d->error = Text::tr("not a zip archive");
        device->close();
        return Status::NotAZip;
    }
    return Status::Ok;
}

QString ZipReader::errorString() const
{
    return d->error;
}

ZipReader::Status ZipReader::openEntry(const QString &name, qint64 maxBytes)
{
    d->entry.reset();
    if (Status s = open(); s != Status::Ok)
        return s;
    if (unzLocateFile(d->zip, name.toUtf8().constData(), 2) != UNZ_OK)
        return Status::Missing;
    unz_file_info64 info {};
    if (unzGetCurrentFileInfo64(d->zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
        return Status::Damaged;
    if (info.uncompressed_size > ZPOS64_T(maxBytes))
        return Status::TooLarge;
    if (unzOpenCurrentFile(d->zip) != UNZ_OK)
        return Status::Damaged;
    d->entry = std::make_unique<EntryDevice>(d->zip, maxBytes);
    return Status::Ok;
}

QIODevice *ZipReader::entry()
{
    return d->entry.get();
}

ZipReader::Status ZipReader::entryStatus() const
{
    return d->entry ? d->entry->status() : Status::Missing;
}

ZipReader::Status ZipReader::read(const QString &name, QByteArray *out, qint64 maxBytes)
{
    out->clear();
    d->entry.reset();
    if (Status s = open(); s != Status::Ok)
        return s;
    // 2: compare names without regard to (ASCII) case.
    if (unzLocateFile(d->zip, name.toUtf8().constData(), 2) != UNZ_OK)
        return Status::Missing;
    unz_file_info64 info {};
    if (unzGetCurrentFileInfo64(d->zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
        return Status::Damaged;
    if (info.uncompressed_size > ZPOS64_T(maxBytes))
        return Status::TooLarge;
    if (unzOpenCurrentFile(d->zip) != UNZ_OK)
        return Status::Damaged;
    // The size in the header is a hint, not a promise: reserve a bounded amount.
    out->reserve(int(std::min<ZPOS64_T>(info.uncompressed_size, 16u * 1024 * 1024)));
    char chunk[65536];
    for (;;) {
        const int n = unzReadCurrentFile(d->zip, chunk, sizeof chunk);
        if (n < 0) {
            unzCloseCurrentFile(d->zip);
            out->clear();
            return Status::Damaged;
        }
        if (n == 0)
            break;
        if (out->size() + n > maxBytes) {
            unzCloseCurrentFile(d->zip);
            out->clear();
            return Status::TooLarge;
        }
        out->append(chunk, n);
    }
    if (unzCloseCurrentFile(d->zip) != UNZ_OK) { // UNZ_CRCERROR: the data does not match its checksum
        out->clear();
        return Status::Damaged;
    }
    return Status::Ok;
}

QStringList ZipReader::entryNames()
{
    d->entry.reset();
    QStringList names;
    if (open() != Status::Ok)
        return names;
    for (int rc = unzGoToFirstFile(d->zip); rc == UNZ_OK; rc = unzGoToNextFile(d->zip)) {
        char name[1024];
        unz_file_info64 info {};
        if (unzGetCurrentFileInfo64(d->zip, &info, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK)
            break;
        names << QString::fromUtf8(name, int(std::min<uLong>(info.size_filename, sizeof name - 1)));
    }
    return names;
}

Expected<QByteArray> readZipEntry(const QString &path, const QString &name)
{
    ZipReader zip(path);
    QByteArray bytes;
    switch (zip.read(name, &bytes)) {
    case ZipReader::Status::Ok:
        return bytes;
    case ZipReader::Status::NotAZip:
        return Error { zip.errorString(), path, 0, 0 };
    case ZipReader::Status::Missing:
        return Error { Text::tr("the archive has no entry %1").arg(name), path, 0, 0 };
    case ZipReader::Status::TooLarge:
        return Error { Text::tr("the entry %1 is too large").arg(name), path, 0, 0 };
    case ZipReader::Status::Damaged:
        break;
    }
    return Error { Text::tr("the entry %1 is damaged").arg(name), path, 0, 0 };
}

} // namespace kopru
