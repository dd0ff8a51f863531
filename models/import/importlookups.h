// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

namespace kopru {

// Reference data and existing records, loaded once per import, looked up by
// the keys files use (compared with TurkishText::looseKey).
class ImportLookups
{
public:
    struct Competency
    {
        qint64 id;
        int fieldId;
        QString code;
    };
    struct Teacher
    {
        qint64 id;
        int fieldId;
        int provinceId;
    };

    Status load(QSqlDatabase db);

    // Plate code from a name ("İstanbul", "ISTANBUL", "istanbul") or a plate ("34", "6", "06"); 0 if unknown.
    int province(const QString &text) const;
    // Field id from code ("ELK") or Turkish/English name; 0 if unknown.
    int field(const QString &text) const;
    QString fieldCode(int id) const { return m_fieldCodes.value(id); }
    // Centre id from its name or id; 0 if unknown.
    int centre(const QString &text) const;
    // Competencies with this code in any field.
    QVector<Competency> competencies(const QString &code) const { return m_competencies.value(key(code)); }
    QStringList competencyCodes() const { return m_codes; }
    // The competency `code` of field `fieldId`; id 0 if none.
    qint64 competencyIn(int fieldId, const QString &code) const;
    const Teacher *teacher(const QString &nationalId) const;
    // School id by name, province and district; 0 if none.
    qint64 school(const QString &name, int plate, const QString &district) const;
    // Schools of that name in a province, whatever their district.
    QVector<qint64> schools(const QString &name, int plate) const
    {
        return m_schoolsByName.value(key(name) + QLatin1Char('|') + QString::number(plate));
    }
    // Partner ids by name (+ province, + address when given).
    QVector<qint64> partners(const QString &name, int plate, const QString &address) const;

    static QString key(const QString &text);

private:
    QHash<QString, int> m_provinces, m_fields, m_centres;
    QHash<int, QString> m_fieldCodes;
    QHash<QString, QVector<Competency>> m_competencies;
    QStringList m_codes;
    QHash<QString, Teacher> m_teachers;
    QHash<QString, qint64> m_schools;
    QHash<QString, QVector<qint64>> m_schoolsByName;
    struct Partner
    {
        qint64 id;
        int plate;
        QString address;
    };
    QHash<QString, QVector<Partner>> m_partners;
};

} // namespace kopru
