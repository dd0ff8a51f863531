// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/domain/nationalid.h"

#include <QCoreApplication>

namespace kopru::NationalId {

namespace {

bool allDigits(QStringView s)
{
    for (QChar c : s)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return true;
}

int digit(QStringView s, int i)
{
    return s.at(i).unicode() - '0';
}

// Check digits d10, d11 for the first nine digits.
std::pair<int, int> checkDigits(QStringView s)
{
    const int odd = digit(s, 0) + digit(s, 2) + digit(s, 4) + digit(s, 6) + digit(s, 8);
    const int even = digit(s, 1) + digit(s, 3) + digit(s, 5) + digit(s, 7);
    const int d10 = (((7 * odd - even) % 10) + 10) % 10;
    int sum = d10;
    for (int i = 0; i < 9; ++i)
        sum += digit(s, i);
    return { d10, sum % 10 };
}

} // namespace

QString problem(QStringView id)
{
    for (const QChar c : id) {
        if (!c.isDigit() || (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            continue;
        // Digits of another script: Arabic-Indic (U+0660..U+0669) and the
        // Persian/Urdu ones (U+06F0..U+06F9) come from forms typed on such
        // keyboards.
        const char16_t u = c.unicode();
        if ((u >= 0x0660 && u <= 0x0669) || (u >= 0x06F0 && u <= 0x06F9))
            return QCoreApplication::translate(
                "NationalId", "it is written with Arabic-Indic digits; write it with the digits 0 to 9");
        return QCoreApplication::translate(
            "NationalId", "it has the digit \"%1\" of another script; write it with the digits 0 to 9")
            .arg(c);
    }
    if (id.size() != 11)
        return QCoreApplication::translate("NationalId", "a national ID has 11 digits, this one has %1 characters")
            .arg(id.size());
    if (!allDigits(id))
        return QCoreApplication::translate("NationalId", "a national ID contains digits only");
    if (id.at(0) == QLatin1Char('0'))
        return QCoreApplication::translate("NationalId", "a national ID cannot start with 0");
    const auto [d10, d11] = checkDigits(id);
    if (digit(id, 9) != d10 || digit(id, 10) != d11)
        return QCoreApplication::translate("NationalId", "the check digits of the national ID do not match (mistyped?)");
    return {};
}

bool isValid(QStringView id)
{
    return problem(id).isEmpty();
}

QString withCheckDigits(QStringView nineDigits)
{
    Q_ASSERT(nineDigits.size() == 9 && allDigits(nineDigits) && nineDigits.at(0) != QLatin1Char('0'));
    const auto [d10, d11] = checkDigits(nineDigits);
    return nineDigits.toString() + QChar(u'0' + d10) + QChar(u'0' + d11);
}

} // namespace kopru::NationalId
