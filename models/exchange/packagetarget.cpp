// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/packagetarget.h"

#include "models/db/sql.h"
#include "models/db/transaction.h"
#include "models/exchange/exchangesql.h"
#include "models/exchange/packagestaging.h"
#include "models/exchange/travellingtables.h"

namespace kopru {

PackageTarget::PackageTarget(QSqlDatabase db, const QString &path)
    : m_package(std::move(db), path, false)
{ }

Status PackageTarget::create()
{
    if (!m_package.status())
        return m_package.status();
    if (!m_package.attached())
        return PackageStaging::create(m_package.database());
    for (const QString &statement : TravellingTables::packageSchema(prefix()))
        if (Status s = Sql::exec(m_package.database(), statement); !s)
            return s;
    return {};
}

Status PackageTarget::finish()
{
    if (m_package.attached() || !m_package.status())
        return m_package.status();
    QSqlDatabase f = file();
    Transaction tx(f);
    if (!tx.began())
        return tx.began();
    for (const QString &statement : TravellingTables::packageSchema(QStringLiteral("main.")))
        if (Status s = Sql::exec(f, statement); !s)
            return s;
    if (Status s = PackageStaging::drain(m_package.database(), f); !s)
        return s;
    return tx.commit();
}

} // namespace kopru
