// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/certificates/certificatenumber.h"

#include <QRandomGenerator>

namespace kopru::certificates {

// 32 symbols: a draw with bounded(32) has no bias.
const char kCodeAlphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

QString numberPrefix(int year, int centreId)
{
    return QStringLiteral("KPR-%1-%2-").arg(year).arg(centreId, 3, 10, QLatin1Char('0'));
}

QString certificateNumber(int year, int centreId, int sequence)
{
    return numberPrefix(year, centreId) + QStringLiteral("%1").arg(sequence, 5, 10, QLatin1Char('0'));
}

QString newVerificationCode()
{
    constexpr int symbols = int(sizeof(kCodeAlphabet)) - 1;
    QString code;
    code.reserve(kCodeLength);
    for (int i = 0; i < kCodeLength; ++i)
        code += QLatin1Char(kCodeAlphabet[QRandomGenerator::system()->bounded(symbols)]);
    return code;
}

QString normaliseCode(const QString &typed)
{
    QString code;
    for (const QChar c : typed)
        if (!c.isSpace() && c != QLatin1Char('-'))
            code += c.toUpper();
    return code;
}

QString normaliseNumber(const QString &typed)
{
    return typed.trimmed().toUpper();
}

QString displayCode(const QString &code)
{
    return code.size() == kCodeLength ? code.left(kCodeLength / 2) + QLatin1Char('-') + code.mid(kCodeLength / 2) : code;
}

} // namespace kopru::certificates
