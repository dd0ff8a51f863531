// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>

class QIODevice;

namespace kopru {

// Read-only access to the entries of a zip archive (an .xlsx workbook) with
// the system minizip (Debian: libminizip1). libxlsxwriter, which writes the
// XLSX exports, links the same minizip, so one process holds one zip library
// with one set of zipOpen/unzOpen symbols (see docs/export.md, "XLSX").
//
// minizip reads through our own I/O callbacks over a QIODevice (the bytes in
// memory, or a QFile), never through its fopen64: on Windows fopen64 takes a
// path in the local 8-bit code page, which cannot name every file (a Turkish
// folder name on a Western-European Windows), while QFile opens any path.
class ZipReader
{
public:
    enum class Status {
        Ok,
        NotAZip, // the archive cannot be opened (no zip directory)
        Missing, // no entry of that name
        TooLarge, // the entry unpacks to more than the limit
        Damaged, // unreadable data or a bad checksum
    };

    // Reads from `bytes` (kept, implicitly shared).
    explicit ZipReader(const QByteArray &bytes);
    // Reads from the file at `path` (opened with QFile when the reader opens).
    explicit ZipReader(const QString &path);
    ~ZipReader();
    ZipReader(const ZipReader &) = delete;
    ZipReader &operator=(const ZipReader &) = delete;

    // Opens the archive: Ok or NotAZip (also when the file cannot be opened;
    // errorString() then says why).
    Status open();
    QString errorString() const;

    // Reads the entry `name` (e.g. "xl/workbook.xml"; compared without regard
    // to ASCII case, as Office does) into `out`, refusing entries that unpack
    // to more than `maxBytes` (zip bombs).
    Status read(const QString &name, QByteArray *out, qint64 maxBytes = kDefaultMaxBytes);

    // Streams the entry `name` instead of reading it whole: on Ok, entry() is
    // a sequential device giving its bytes until its end. Reading stops with
    // an error after `maxBytes` (entryStatus() is then TooLarge) or at
    // damaged data or a bad checksum (Damaged). Valid until the next call.
    Status openEntry(const QString &name, qint64 maxBytes = kDefaultMaxBytes);
    QIODevice *entry();
    Status entryStatus() const;

    // The names of all entries, in archive order (empty when not open).
    QStringList entryNames();

    static constexpr qint64 kDefaultMaxBytes = 256LL * 1024 * 1024;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// One entry of the zip file at `path`; errors name the file and the entry.
Expected<QByteArray> readZipEntry(const QString &path, const QString &name);

} // namespace kopru
