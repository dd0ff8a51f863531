// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/lookups.h"

#include "models/db/sql.h"
#include "models/domain/turkishtext.h"

#include <QLocale>
#include <QSqlQuery>
#include <algorithm>

namespace kopru {

namespace {

Status readPairs(QSqlDatabase db, const QString &sql, std::vector<Lookups::Item> *items, QHash<int, QString> *names)
{
    QSqlQuery q(db);
    if (Status s = Sql::prepare(q, sql); !s)
        return s;
    if (Status s = Sql::run(q); !s)
        return s;
    while (q.next()) {
        const Lookups::Item item { q.value(0).toInt(), q.value(1).toString() };
        names->insert(item.id, item.name);
        if (items)
            items->push_back(item);
    }
    if (items)
        std::sort(items->begin(), items->end(),
            [](const Lookups::Item &a, const Lookups::Item &b) { return TurkishText::compare(a.name, b.name) < 0; });
    return {};
}

} // namespace

bool Lookups::turkishUi()
{
    return QLocale().language() == QLocale::Turkish;
}

Status Lookups::load(QSqlDatabase db)
{
    *this = Lookups();
    const QString fieldSql
        = turkishUi() ? QStringLiteral("SELECT id, name_tr FROM field") : QStringLiteral("SELECT id, name_en FROM field");
    if (Status s = readPairs(db, QStringLiteral("SELECT id, name FROM province"), &m_provinces, &m_provinceNames); !s)
        return s;
    if (Status s = readPairs(db, fieldSql, &m_fields, &m_fieldNames); !s)
        return s;
    if (Status s = readPairs(db, QStringLiteral("SELECT id, code FROM field"), nullptr, &m_fieldCodes); !s)
        return s;
    if (Status s = readPairs(db, QStringLiteral("SELECT id, name FROM centre"), &m_centres, &m_centreNames); !s)
        return s;
    return readPairs(db, QStringLiteral("SELECT id, name FROM school"), nullptr, &m_schoolNames);
}

int Lookups::fieldIdOfCode(const QString &code) const
{
    for (auto it = m_fieldCodes.cbegin(); it != m_fieldCodes.cend(); ++it)
        if (it.value().compare(code, Qt::CaseInsensitive) == 0)
            return it.key();
    return 0;
}

QVariantList Lookups::choices(const std::vector<Item> &items)
{
    QVariantList out;
    out.reserve(qsizetype(items.size()));
    for (const Item &item : items)
        out.append(QVariant(QVariantList { item.id, item.name }));
    return out;
}

} // namespace kopru
