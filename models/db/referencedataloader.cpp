// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/referencedataloader.h"

#include "models/db/referencedata.h"
#include "models/db/sql.h"

#include <QSqlQuery>
#include <cmath>

namespace kopru::ReferenceData {

Status load(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (Status s = Sql::prepare(q, QStringLiteral("INSERT OR IGNORE INTO province(id, name, lat, lon) VALUES (?, ?, ?, ?)")); !s)
        return s;
    for (const auto &p : ref::kProvinces)
        if (Status s = Sql::run(q, { p.plate, QString::fromUtf8(p.name), p.lat, p.lon }); !s)
            return s;

    if (Status s = Sql::prepare(q, QStringLiteral("INSERT OR IGNORE INTO field(id, code, name_tr, name_en) VALUES (?, ?, ?, ?)"));
        !s)
        return s;
    int fieldId = 0;
    for (const auto &f : ref::kFields)
        if (Status s
            = Sql::run(q, { ++fieldId, QString::fromUtf8(f.code), QString::fromUtf8(f.nameTr), QString::fromUtf8(f.nameEn) });
            !s)
            return s;

    if (Status s
        = Sql::prepare(q, QStringLiteral("INSERT OR IGNORE INTO centre(id, name, province_id, district) VALUES (?, ?, ?, ?)"));
        !s)
        return s;
    for (const auto &c : ref::kCentres)
        if (Status s = Sql::run(q, { c.id, QString::fromUtf8(c.name), c.provincePlate, QString::fromUtf8(c.district) }); !s)
            return s;

    if (Status s = Sql::prepare(q,
            QStringLiteral("INSERT OR IGNORE INTO centre_field(centre_id, field_id) "
                           "SELECT ?, id FROM field WHERE code = ?"));
        !s)
        return s;
    for (const auto &c : ref::kCentres) {
        const QStringList codes = QString::fromUtf8(c.fieldCodes).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString &code : codes)
            if (Status s = Sql::run(q, { c.id, code.trimmed() }); !s)
                return s;
    }
    return {};
}

double distanceKm(int plateA, int plateB)
{
    if (plateA < 1 || plateA > 81 || plateB < 1 || plateB > 81)
        return -1;
    const auto &a = ref::kProvinces[std::size_t(plateA - 1)];
    const auto &b = ref::kProvinces[std::size_t(plateB - 1)];
    constexpr double kDeg = 3.14159265358979323846 / 180.0;
    constexpr double kEarthRadiusKm = 6371.0;
    const double dLat = (b.lat - a.lat) * kDeg, dLon = (b.lon - a.lon) * kDeg;
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2)
        + std::cos(a.lat * kDeg) * std::cos(b.lat * kDeg) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

} // namespace kopru::ReferenceData
