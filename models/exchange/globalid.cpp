// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/globalid.h"

#include "models/demo/random.h"

#include <QUuid>

namespace kopru::GlobalId {

namespace {

// Köprü's namespace for name-based ids (a fixed random UUID; never change it:
// every shipped and stored name-based id depends on it).
const QUuid kNamespace(QStringLiteral("{6c1f4b1e-3a5d-4f0e-9b7a-2d8c5e1f0a93}"));

QString text(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString named(const QString &name)
{
    return text(QUuid::createUuidV5(kNamespace, name));
}

} // namespace

QString random()
{
    return text(QUuid::createUuid());
}

QString fromSeed(Random &rng)
{
    std::uint64_t hi = rng.next(), lo = rng.next();
    hi = (hi & ~std::uint64_t(0xF000)) | 0x4000; // version 4
    lo = (lo & ~(std::uint64_t(0xC) << 60)) | (std::uint64_t(0x8) << 60); // RFC 4122 variant
    uchar bytes[8];
    for (int i = 0; i < 8; ++i)
        bytes[i] = uchar(lo >> (56 - 8 * i));
    const QUuid id(uint(hi >> 32), ushort(hi >> 16), ushort(hi), bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5],
        bytes[6], bytes[7]);
    return text(id);
}

QString forField(const QString &code)
{
    return named(QStringLiteral("field:") + code);
}

QString forCentre(int centreId)
{
    return named(QStringLiteral("centre:") + QString::number(centreId));
}

QString forCompetency(const QString &fieldCode, const QString &code)
{
    return named(QStringLiteral("competency:") + fieldCode + QLatin1Char(':') + code);
}

QString forSchool(int provincePlate, const QString &district, const QString &name)
{
    return named(QStringLiteral("school:%1:").arg(provincePlate) + district + QLatin1Char(':') + name);
}

QString forReviewItem(const QString &kind, const QString &subject)
{
    return named(QStringLiteral("review:") + kind + QLatin1Char(':') + subject);
}

bool isValid(QStringView id)
{
    if (id.size() != 36)
        return false;
    for (int i = 0; i < 36; ++i) {
        const QChar c = id.at(i);
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != QLatin1Char('-'))
                return false;
        } else if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f')))) {
            return false;
        }
    }
    return true;
}

} // namespace kopru::GlobalId
