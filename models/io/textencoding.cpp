// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/io/textencoding.h"

#include <QStringDecoder>

namespace kopru::TextEncoding {

namespace {

// Windows-1254 bytes 0x80..0x9F. The five unassigned bytes map to the C1
// control of the same value (as the WHATWG encoding standard does), so that
// no byte is lost.
constexpr char16_t kCp1254High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x008E, 0x008F, // 88-8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x009E, 0x0178, // 98-9F
};

// ISO-8859-9 (Latin-5) is ISO-8859-1 with six Turkish letters; Windows-1254
// shares its upper half 0xA0..0xFF.
char16_t latin5(unsigned char b)
{
    switch (b) {
    case 0xD0:
        return u'Ğ';
    case 0xDD:
        return u'İ';
    case 0xDE:
        return u'Ş';
    case 0xF0:
        return u'ğ';
    case 0xFD:
        return u'ı';
    case 0xFE:
        return u'ş';
    default:
        return char16_t(b);
    }
}

QString decodeTable(const QByteArray &bytes, bool windows)
{
    QString out(bytes.size(), Qt::Uninitialized);
    QChar *d = out.data();
    for (char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80)
            *d++ = QChar(char16_t(b));
        else if (b < 0xA0)
            *d++ = QChar(windows ? kCp1254High[b - 0x80] : char16_t(b));
        else
            *d++ = QChar(latin5(b));
    }
    return out;
}

QString decodeWith(QStringConverter::Encoding e, const QByteArray &bytes)
{
    QStringDecoder decoder(e, QStringConverter::Flag::Default); // drops a BOM of its own kind
    return decoder.decode(bytes);
}

} // namespace

int bomLength(const QByteArray &bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return 3;
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        return 2;
    return 0;
}

namespace {

// The length of the UTF-8 sequence starting at `p` (strict: no overlong
// forms, no surrogates, nothing above U+10FFFF): > 0 when valid, 0 when the
// bytes end before the sequence does, -1 when invalid.
int sequenceLength(const unsigned char *p, const unsigned char *end)
{
    const unsigned char b = *p;
    if (b < 0x80)
        return 1;
    int n = 0;
    unsigned char lo = 0x80, hi = 0xBF; // range of the second byte
    if (b >= 0xC2 && b <= 0xDF) {
        n = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
        n = 2;
        if (b == 0xE0)
            lo = 0xA0;
        else if (b == 0xED)
            hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        n = 3;
        if (b == 0xF0)
            lo = 0x90;
        else if (b == 0xF4)
            hi = 0x8F;
    } else {
        return -1;
    }
    for (int i = 1; i <= n; ++i) {
        if (p + i >= end)
            return 0;
        if (p[i] < (i == 1 ? lo : 0x80) || p[i] > (i == 1 ? hi : 0xBF))
            return -1;
    }
    return n + 1;
}

} // namespace

bool isValidUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const auto *const end = p + bytes.size();
    while (p < end) {
        const int n = sequenceLength(p, end);
        if (n <= 0)
            return false;
        p += n;
    }
    return true;
}

void Utf8Census::add(const char *data, qsizetype size)
{
    QByteArray joined;
    if (!m_carry.isEmpty()) {
        joined = m_carry + QByteArray::fromRawData(data, size);
        data = joined.constData();
        size = joined.size();
        m_carry.clear();
    }
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    const auto *const end = p + size;
    while (p < end) {
        if (*p < 0x80) { // ASCII runs are most of every file
            ++p;
            continue;
        }
        const int n = sequenceLength(p, end);
        if (n == 0) {
            m_carry = QByteArray(reinterpret_cast<const char *>(p), end - p);
            return;
        }
        if (n < 0) {
            ++m_invalid;
            ++p;
        } else {
            ++m_valid;
            p += n;
        }
    }
}

void Utf8Census::finish()
{
    m_invalid += m_carry.isEmpty() ? 0 : 1;
    m_carry.clear();
}

Encoding Utf8Census::verdict() const
{
    return m_invalid == 0 || m_valid > m_invalid ? Encoding::Utf8 : Encoding::Windows1254;
}

Encoding detect(const QByteArray &bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return Encoding::Utf8;
    if (bytes.startsWith("\xFF\xFE"))
        return Encoding::Utf16LE;
    if (bytes.startsWith("\xFE\xFF"))
        return Encoding::Utf16BE;
    Utf8Census census;
    census.add(bytes.constData(), bytes.size());
    census.finish();
    return census.verdict();
}

QString decodeWindows1254(const QByteArray &bytes)
{
    return decodeTable(bytes, true);
}
QString decodeIso8859_9(const QByteArray &bytes)
{
    return decodeTable(bytes, false);
}

QByteArray encodeWindows1254(const QString &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (QChar ch : text) {
        const char16_t u = ch.unicode();
        if (u < 0x80) {
            out += char(u);
            continue;
        }
        char byte = '?';
        for (int i = 0; i < 32; ++i)
            if (kCp1254High[i] == u)
                byte = char(0x80 + i);
        for (int b = 0xA0; b <= 0xFF && byte == '?'; ++b)
            if (latin5(static_cast<unsigned char>(b)) == u)
                byte = char(b);
        out += byte;
    }
    return out;
}

QString decode(const QByteArray &bytes, Encoding encoding)
{
    if (encoding == Encoding::Auto)
        encoding = detect(bytes);
    switch (encoding) {
    case Encoding::Utf8:
        return decodeWith(QStringConverter::Utf8, bytes);
    case Encoding::Utf16LE:
        return decodeWith(QStringConverter::Utf16LE, bytes);
    case Encoding::Utf16BE:
        return decodeWith(QStringConverter::Utf16BE, bytes);
    case Encoding::Iso8859_9:
        return decodeIso8859_9(bytes);
    case Encoding::Windows1254:
    case Encoding::Auto:
        break;
    }
    return decodeWindows1254(bytes);
}

QString name(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Auto:
        return QStringLiteral("auto");
    case Encoding::Utf8:
        return QStringLiteral("utf-8");
    case Encoding::Utf16LE:
        return QStringLiteral("utf-16le");
    case Encoding::Utf16BE:
        return QStringLiteral("utf-16be");
    case Encoding::Windows1254:
        return QStringLiteral("windows-1254");
    case Encoding::Iso8859_9:
        return QStringLiteral("iso-8859-9");
    }
    return {};
}

bool fromName(const QString &text, Encoding *encoding)
{
    const QString n = text.trimmed().toLower();
    struct Alias
    {
        const char *name;
        Encoding e;
    };
    static const Alias aliases[] = {
        { "auto", Encoding::Auto },
        { "utf-8", Encoding::Utf8 },
        { "utf8", Encoding::Utf8 },
        { "utf-16le", Encoding::Utf16LE },
        { "utf-16be", Encoding::Utf16BE },
        { "windows-1254", Encoding::Windows1254 },
        { "cp1254", Encoding::Windows1254 },
        { "iso-8859-9", Encoding::Iso8859_9 },
        { "latin5", Encoding::Iso8859_9 },
    };
    for (const Alias &a : aliases)
        if (n == QLatin1String(a.name)) {
            *encoding = a.e;
            return true;
        }
    return false;
}

} // namespace kopru::TextEncoding
