// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/importlookups.h"

#include "models/db/sql.h"
#include "models/domain/turkishtext.h"

#include <QSqlQuery>

namespace kopru {

QString ImportLookups::key(const QString &text)
{
    return TurkishText::looseKey(text);
}

Status ImportLookups::load(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (Status s = Sql::prepare(q, QStringLiteral("SELECT id, name FROM province")); !s || !(s = Sql::run(q)))
        return s;
    while (q.next())
        m_provinces.insert(key(q.value(1).toString()), q.value(0).toInt());
    // Spellings met in files: "Afyon", "K.Maraş", "Maraş", "Antep", "Urfa", "Izmit".
    const std::pair<const char *, int> aliases[]
        = { { "afyon", 3 }, { "kmaras", 46 }, { "maras", 46 }, { "antep", 27 }, { "urfa", 63 }, { "izmit", 41 }, { "icel", 33 } };
    for (auto [alias, plate] : aliases)
        m_provinces.insert(QLatin1String(alias), plate);

    if (Status s = Sql::prepare(q, QStringLiteral("SELECT id, code, name_tr, name_en FROM field")); !s || !(s = Sql::run(q)))
        return s;
    while (q.next()) {
        const int id = q.value(0).toInt();
        m_fieldCodes.insert(id, q.value(1).toString());
        for (int c = 3; c >= 1; --c) // the code wins over a name that loose-matches it
            m_fields.insert(key(q.value(c).toString()), id);
    }
    if (Status s = Sql::prepare(q, QStringLiteral("SELECT id, name FROM centre")); !s || !(s = Sql::run(q)))
        return s;
    while (q.next())
        m_centres.insert(key(q.value(1).toString()), q.value(0).toInt());

    if (Status s = Sql::prepare(q, QStringLiteral("SELECT id, field_id, code FROM competency ORDER BY id"));
        !s || !(s = Sql::run(q)))
        return s;
    while (q.next()) {
        const QString code = q.value(2).toString();
        auto &list = m_competencies[key(code)];
        if (list.isEmpty())
            m_codes << code;
        list.append({ q.value(0).toLongLong(), q.value(1).toInt(), code });
    }
    if (Status s = Sql::prepare(q, QStringLiteral("SELECT national_id, id, field_id, province_id FROM teacher"));
        !s || !(s = Sql::run(q)))
        return s;
    while (q.next())
        m_teachers.insert(q.value(0).toString(), Teacher { q.value(1).toLongLong(), q.value(2).toInt(), q.value(3).toInt() });
    if (Status s = Sql::prepare(q, QStringLiteral("SELECT id, name, province_id, district FROM school"));
        !s || !(s = Sql::run(q)))
        return s;
    while (q.next()) {
        const QString nameAndPlate = key(q.value(1).toString()) + QLatin1Char('|') + q.value(2).toString();
        m_schools.insert(nameAndPlate + QLatin1Char('|') + key(q.value(3).toString()), q.value(0).toLongLong());
        m_schoolsByName[nameAndPlate].append(q.value(0).toLongLong());
    }
    if (Status s = Sql::prepare(q, QStringLiteral("SELECT id, name, province_id, address FROM partner ORDER BY id"));
        !s || !(s = Sql::run(q)))
        return s;
    while (q.next())
        m_partners[key(q.value(1).toString())].append(
            Partner { q.value(0).toLongLong(), q.value(2).toInt(), key(q.value(3).toString()) });
    return {};
}

int ImportLookups::province(const QString &text) const
{
    bool number = false;
    const int plate = text.trimmed().toInt(&number);
    if (number)
        return plate >= 1 && plate <= 81 ? plate : 0;
    return m_provinces.value(key(text));
}

int ImportLookups::field(const QString &text) const
{
    return m_fields.value(key(text));
}

int ImportLookups::centre(const QString &text) const
{
    bool number = false;
    const int id = text.trimmed().toInt(&number);
    if (number)
        return std::find(m_centres.cbegin(), m_centres.cend(), id) != m_centres.cend() ? id : 0;
    return m_centres.value(key(text));
}

qint64 ImportLookups::competencyIn(int fieldId, const QString &code) const
{
    for (const Competency &c : m_competencies.value(key(code)))
        if (c.fieldId == fieldId)
            return c.id;
    return 0;
}

const ImportLookups::Teacher *ImportLookups::teacher(const QString &nationalId) const
{
    auto it = m_teachers.constFind(nationalId);
    return it == m_teachers.constEnd() ? nullptr : &*it;
}

qint64 ImportLookups::school(const QString &name, int plate, const QString &district) const
{
    return m_schools.value(key(name) + QLatin1Char('|') + QString::number(plate) + QLatin1Char('|') + key(district));
}

QVector<qint64> ImportLookups::partners(const QString &name, int plate, const QString &address) const
{
    QVector<qint64> out;
    const QString a = key(address);
    for (const Partner &p : m_partners.value(key(name)))
        if ((plate == 0 || p.plate == plate) && (address.isEmpty() || p.address == a))
            out << p.id;
    return out;
}

} // namespace kopru
