// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace kopru::TaxNumber {

// A partner's tax number: the 10-digit Vergi Kimlik No (VKN) with its check
// digit, or — for a sole proprietor — the owner's 11-digit TC Kimlik No
// (checked by NationalId). Optional on a partner; unique when given.
//
// VKN rule, digits d0..d9 from the left: for i = 0..8, t = (d_i + 9 − i) mod 10,
// p = t·2^(9−i) mod 9, and p = 9 when t ≠ 0 and p = 0; the check digit is
// d9 = (10 − (Σp mod 10)) mod 10. 4540536920 and 1234567890 are valid.
bool isValid(QStringView number);

// A translated reason why `number` is not a valid tax number, or an empty
// string when it is.
QString problem(QStringView number);

// The VKN check digit of nine leading digits (for tests and demo data).
int vknCheckDigit(QStringView nineDigits);

} // namespace kopru::TaxNumber
