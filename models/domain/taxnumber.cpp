// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/domain/taxnumber.h"

#include "models/domain/nationalid.h"

#include <QCoreApplication>

namespace kopru::TaxNumber {

namespace {

bool allDigits(QStringView s)
{
    for (QChar c : s)
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    return true;
}

} // namespace

int vknCheckDigit(QStringView nineDigits)
{
    Q_ASSERT(nineDigits.size() >= 9 && allDigits(nineDigits.left(9)));
    int sum = 0;
    for (int i = 0; i < 9; ++i) {
        const int t = (nineDigits.at(i).unicode() - '0' + 9 - i) % 10;
        int p = (t * (1 << (9 - i))) % 9;
        if (t != 0 && p == 0)
            p = 9;
        sum += p;
    }
    return (10 - sum % 10) % 10;
}

QString problem(QStringView number)
{
    if (!allDigits(number))
        return QCoreApplication::translate("TaxNumber", "a tax number contains digits only");
    if (number.size() == 11) {
        const QString personal = NationalId::problem(number);
        return personal.isEmpty()
            ? QString()
            : QCoreApplication::translate("TaxNumber", "an 11-digit tax number is a sole proprietor's national ID: %1")
                  .arg(personal);
    }
    if (number.size() != 10)
        return QCoreApplication::translate("TaxNumber", "a tax number has 10 digits (11 for a sole proprietor), this one has %1")
            .arg(number.size());
    if (number.at(9).unicode() - '0' != vknCheckDigit(number))
        return QCoreApplication::translate("TaxNumber", "the check digit of the tax number does not match (mistyped?)");
    return {};
}

bool isValid(QStringView number)
{
    return problem(number).isEmpty();
}

} // namespace kopru::TaxNumber
