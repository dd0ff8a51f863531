// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Turkish-aware text helpers that never depend on ICU (Qt's Windows builds have
// none): case folding by explicit rules, diacritic folding, collation.
namespace kopru::TurkishText {

// Lower case with Turkish rules: I → ı, İ → i, then ordinary lower-casing.
QString toLower(QStringView s);
// Upper case with Turkish rules: i → İ, ı → I.
QString toUpper(QStringView s);

// Key for case-insensitive search: Turkish lower case, whitespace simplified.
// "IŞIK" and "ışık" give the same key; "ISIK" does not.
QString searchKey(QStringView s);

// Key for loose matching of headers and codes: Turkish lower case, diacritics
// removed (ç→c ğ→g ı→i ö→o ş→s ü→u â→a î→i û→u), punctuation and spaces dropped.
// "T.C. KİMLİK NO", "tc_kimlik_no" and "TC Kimlik No" give "tckimlikno".
QString looseKey(QStringView s);

// Key for searching from a keyboard without Turkish letters: searchKey() with
// the diacritics removed as looseKey() does, spaces and punctuation kept.
// "Kılıç", "KILIÇ" and "Kilic" all give "kilic".
QString asciiKey(QStringView s);
// asciiKey() of a text that is already a searchKey(), without folding its
// case again (the search keeps one per row).
QString asciiKeyOfSearchKey(QStringView key);

// Turkish collation: C < Ç, G < Ğ, I(ı) < İ(i), O < Ö, S < Ş, U < Ü; case-insensitive,
// digits compared numerically. Returns <0, 0, >0. Characters other than
// letters and digits sort by code point, those below '0' (space, punctuation
// such as - . ,) before digits, the others after letters; digits sort before
// letters.
int compare(QStringView a, QStringView b);

// The collation key of a text: compareKeys(sortKey(a), sortKey(b)) has the
// sign of compare(a, b) for any two texts. For sorting many values: each key
// is made once, and comparing two keys is a plain comparison of UTF-16 code
// units (no case folding, no alphabet look-up per comparison). The key is
// not meant to be shown or stored: its layout may change between versions.
QString sortKey(QStringView s);
// Compares two sortKey() values: <0, 0, >0.
int compareKeys(QStringView a, QStringView b);

} // namespace kopru::TurkishText
