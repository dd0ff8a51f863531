// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>
#include <vector>

namespace kopru {

// Reference names the entity tables show instead of ids: provinces, pilot
// fields (in the UI language), centres and schools. Loaded once per database
// with one query per table, so that item models join names in memory and
// data() never queries.
class Lookups final
{
public:
    struct Item
    {
        int id = 0;
        QString name;
    };

    Status load(QSqlDatabase db);

    QString provinceName(int id) const { return m_provinceNames.value(id); }
    QString fieldName(int id) const { return m_fieldNames.value(id); }
    QString fieldCode(int id) const { return m_fieldCodes.value(id); }
    QString centreName(int id) const { return m_centreNames.value(id); }
    QString schoolName(int id) const { return m_schoolNames.value(id); }
    int fieldIdOfCode(const QString &code) const;

    // Sorted by name with Turkish collation (provinces by name, fields by name).
    const std::vector<Item> &provinces() const { return m_provinces; }
    const std::vector<Item> &fields() const { return m_fields; }
    const std::vector<Item> &centres() const { return m_centres; }

    // The same lists as QVariantList of QVariantList{id, name} (for ChoicesRole).
    QVariantList provinceChoices() const { return choices(m_provinces); }
    QVariantList fieldChoices() const { return choices(m_fields); }
    QVariantList centreChoices() const { return choices(m_centres); }

    // True when the UI language is Turkish (field names in Turkish, else English).
    static bool turkishUi();

private:
    static QVariantList choices(const std::vector<Item> &items);

    std::vector<Item> m_provinces, m_fields, m_centres;
    QHash<int, QString> m_provinceNames, m_fieldNames, m_fieldCodes, m_centreNames, m_schoolNames;
};

} // namespace kopru
