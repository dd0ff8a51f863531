// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/domain/turkishtext.h"

#include <QVarLengthArray>
#include <algorithm>
#include <iterator>

namespace kopru::TurkishText {

namespace {

// Rank of each lower-case letter in the Turkish alphabet (q, w, x placed as in
// the Latin alphabet). Characters not listed sort after letters by code point.
constexpr char16_t kAlphabet[] = u"abcçdefgğhıijklmnoöpqrsştuüvwxyz";

// letterRank() of every code point below 0x180 (all letters of kAlphabet and
// â î û are), made once: sorting 100,000 names asks for millions of ranks.
struct LetterRanks
{
    signed char rank[0x180];
    LetterRanks()
    {
        std::fill(std::begin(rank), std::end(rank), static_cast<signed char>(-1));
        for (int i = 0; kAlphabet[i]; ++i)
            rank[kAlphabet[i]] = static_cast<signed char>(i);
        rank[u'â'] = rank[u'a'];
        rank[u'î'] = rank[u'i'];
        rank[u'û'] = rank[u'u'];
    }
};
int letterRank(char16_t c)
{
    static const LetterRanks ranks;
    return c < std::size(ranks.rank) ? ranks.rank[c] : -1;
}

char16_t lowerChar(char16_t c)
{
    if (c == u'I')
        return u'ı';
    if (c == u'İ')
        return u'i';
    return QChar::toLower(c);
}

} // namespace

QString toLower(QStringView s)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        if (c == QLatin1Char('I'))
            out += QChar(u'ı');
        else if (c == QChar(u'İ'))
            out += QLatin1Char('i');
        else if (c.unicode() == 0x0307 && !out.isEmpty() && out.back() == QLatin1Char('i'))
            continue; // combining dot above after i (from a decomposed İ)
        else
            out += c.toLower();
    }
    return out;
}

QString toUpper(QStringView s)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        if (c == QLatin1Char('i'))
            out += QChar(u'İ');
        else if (c == QChar(u'ı'))
            out += QLatin1Char('I');
        else
            out += c.toUpper();
    }
    return out;
}

QString searchKey(QStringView s)
{
    return toLower(s).simplified();
}

namespace {

// The letter without its diacritic (ç→c ğ→g ı→i î→i ö→o ş→s ü→u û→u â→a), for
// lower-case input; any other character unchanged.
char16_t withoutDiacritic(char16_t c)
{
    switch (c) {
    case u'ç':
        return u'c';
    case u'ğ':
        return u'g';
    case u'ı':
    case u'î':
        return u'i';
    case u'ö':
        return u'o';
    case u'ş':
        return u's';
    case u'ü':
    case u'û':
        return u'u';
    case u'â':
        return u'a';
    default:
        return c;
    }
}

} // namespace

QString looseKey(QStringView s)
{
    const QString lower = toLower(s);
    QString out;
    out.reserve(lower.size());
    for (QChar c : lower) {
        if (c.isLetterOrNumber())
            out += QChar(withoutDiacritic(c.unicode()));
    }
    return out;
}

QString asciiKey(QStringView s)
{
    return asciiKeyOfSearchKey(searchKey(s));
}

QString asciiKeyOfSearchKey(QStringView key)
{
    QString out(key.size(), Qt::Uninitialized);
    QChar *to = out.data();
    for (QChar c : key)
        *to++ = QChar(withoutDiacritic(c.unicode()));
    return out;
}

int compare(QStringView a, QStringView b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const char16_t ca = lowerChar(a.at(i).unicode());
        const char16_t cb = lowerChar(b.at(j).unicode());
        const bool da = QChar::isDigit(ca), db = QChar::isDigit(cb);
        if (da && db) { // numeric runs compare by value
            qsizetype ei = i, ej = j;
            while (ei < a.size() && a.at(ei).isDigit())
                ++ei;
            while (ej < b.size() && b.at(ej).isDigit())
                ++ej;
            QStringView na = a.mid(i, ei - i), nb = b.mid(j, ej - j);
            while (na.size() > 1 && na.front() == QLatin1Char('0'))
                na = na.mid(1);
            while (nb.size() > 1 && nb.front() == QLatin1Char('0'))
                nb = nb.mid(1);
            if (na.size() != nb.size())
                return na.size() < nb.size() ? -1 : 1;
            if (const int c = na.compare(nb))
                return c;
            i = ei;
            j = ej;
            continue;
        }
        if (ca != cb) {
            const int ra = letterRank(ca), rb = letterRank(cb);
            if (ra >= 0 && rb >= 0 && ra != rb)
                return ra < rb ? -1 : 1;
            if (ra >= 0 && rb < 0)
                return QChar::isLetter(cb) ? -1 : (QChar::isDigit(cb) || cb < u'0' ? 1 : -1);
            if (rb >= 0 && ra < 0)
                return QChar::isLetter(ca) ? 1 : (QChar::isDigit(ca) || ca < u'0' ? -1 : 1);
            if (ra < 0 && rb < 0) {
                // A digit beside another character (not a digit): as the
                // ASCII digits sort by code point, so that digits of other
                // scripts do not break the order's transitivity.
                if (da != db) {
                    const char16_t other = da ? cb : ca;
                    return (other < u'0') == da ? 1 : -1;
                }
                return ca < cb ? -1 : 1;
            }
        }
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    if (j < b.size())
        return -1;
    return 0;
}

namespace {

// Units of a sortKey(), in their order: characters below '0' (code + 1),
// a run of digits (kDigitRun, its length in two units, its digits without
// leading zeros), a letter of the alphabet (kFirstLetter + its rank), any
// other character (kOther, its code). Every element starts with a unit of its
// class and has a fixed or stated length, so keys compare element by element.
constexpr char16_t kDigitRun = 0x31;
constexpr char16_t kFirstLetter = 0x32;
constexpr char16_t kOther = kFirstLetter + 0x30;

} // namespace

QString sortKey(QStringView s)
{
    // Built in a local buffer and copied once (sorting makes a key per row).
    QVarLengthArray<char16_t, 128> key;
    for (qsizetype i = 0; i < s.size();) {
        const char16_t c = lowerChar(s.at(i).unicode());
        if (QChar::isDigit(c)) {
            qsizetype end = i;
            while (end < s.size() && s.at(end).isDigit())
                ++end;
            qsizetype first = i;
            while (end - first > 1 && s.at(first) == QLatin1Char('0'))
                ++first;
            const qsizetype length = end - first;
            key.append(kDigitRun);
            key.append(char16_t(quint64(length) >> 16));
            key.append(char16_t(length & 0xffff));
            key.append(s.utf16() + first, length);
            i = end;
            continue;
        }
        if (const int rank = letterRank(c); rank >= 0)
            key.append(char16_t(kFirstLetter + rank));
        else if (c < u'0')
            key.append(char16_t(c + 1));
        else {
            key.append(kOther);
            key.append(c);
        }
        ++i;
    }
    return QString(reinterpret_cast<const QChar *>(key.constData()), key.size());
}

int compareKeys(QStringView a, QStringView b)
{
    // Code unit by code unit, a shorter key that begins another first: what
    // QStringView::compare does when case-sensitive (with SIMD where it can).
    const int c = a.compare(b, Qt::CaseSensitive);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

} // namespace kopru::TurkishText
