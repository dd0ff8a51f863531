// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace kopru {

// Text encodings of the files coordinators get. Windows-1254 and ISO-8859-9
// are decoded with our own tables (Qt's Windows builds have no ICU, so
// QStringDecoder cannot decode them there).
enum class Encoding { Auto, Utf8, Utf16LE, Utf16BE, Windows1254, Iso8859_9 };

namespace TextEncoding {

// Counts, over bytes read in pieces, the valid multi-byte UTF-8 sequences
// and the bytes that are not UTF-8, to tell what a file without a byte-order
// mark holds.
class Utf8Census
{
public:
    void add(const char *data, qsizetype size);
    // A sequence cut off at the very end counts as invalid.
    void finish();
    qint64 validSequences() const { return m_valid; }
    qint64 invalidBytes() const { return m_invalid; }
    // UTF-8 when no byte is invalid, and also when valid multi-byte sequences
    // outnumber the invalid bytes: a UTF-8 file with some damage (two stray
    // bytes at its end) is read as UTF-8, so that the reader reports where
    // the damage is instead of garbling every letter by reading the whole
    // file as Windows-1254. Otherwise Windows-1254, where nearly every
    // Turkish letter is a byte that cannot be UTF-8.
    Encoding verdict() const;

private:
    QByteArray m_carry; // the start of a sequence cut by the end of a piece
    qint64 m_valid = 0;
    qint64 m_invalid = 0;
};

// Detection: a byte-order mark, else Utf8Census::verdict().
Encoding detect(const QByteArray &bytes);
// Decodes `bytes` (Auto: detect first). A BOM of the chosen encoding is dropped.
QString decode(const QByteArray &bytes, Encoding encoding);
// Whether `bytes` is valid UTF-8 (no BOM needed).
bool isValidUtf8(const QByteArray &bytes);
// Table decoders, usable alone (tests compare them against other decoders).
QString decodeWindows1254(const QByteArray &bytes);
QString decodeIso8859_9(const QByteArray &bytes);
// Encodes to Windows-1254; characters it cannot hold become '?'.
QByteArray encodeWindows1254(const QString &text);
// Length of the byte-order mark at the start of `bytes` (0 when none).
int bomLength(const QByteArray &bytes);

// Stable names: "utf-8", "utf-16le", "utf-16be", "windows-1254", "iso-8859-9", "auto".
QString name(Encoding encoding);
// Parses a name (case-insensitive; also "cp1254", "utf8", "latin5"); false when unknown.
bool fromName(const QString &name, Encoding *encoding);

} // namespace TextEncoding
} // namespace kopru
