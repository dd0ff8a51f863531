// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace kopru::NationalId {

// TC Kimlik No check: 11 digits, first not 0, d10 and d11 checksums.
// Foreign nationals' numbers (starting 99) follow the same rule.
bool isValid(QStringView id);

// A translated reason why `id` is not valid, or an empty string when it is.
QString problem(QStringView id);

// Completes 9 leading digits (first not 0) with the two check digits.
QString withCheckDigits(QStringView nineDigits);

} // namespace kopru::NationalId
