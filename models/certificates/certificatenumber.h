// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace kopru::certificates {

// The length of a verification code and its alphabet: digits and capital
// letters without the ones read alike (0/O, 1/I).
constexpr int kCodeLength = 10;
extern const char kCodeAlphabet[];

// "KPR-<year>-<centre>-" : the part of a number shared by a year and a
// centre (the centre's id, three digits; 000 when the placement has none).
QString numberPrefix(int year, int centreId);
// numberPrefix followed by the sequence, five digits: "KPR-2026-007-00012".
QString certificateNumber(int year, int centreId, int sequence);

// A new verification code from the operating system's secure random source
// (QRandomGenerator::system()).
QString newVerificationCode();
// A code as typed (lower case, spaces, dashes): upper case, separators removed.
QString normaliseCode(const QString &typed);
// A number as typed: trimmed, upper case.
QString normaliseNumber(const QString &typed);
// The code as printed: two groups of five ("ABCDE-FGHJK").
QString displayCode(const QString &code);

} // namespace kopru::certificates
