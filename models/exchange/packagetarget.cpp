// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/packagetarget.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"
#include "models/db/transaction.h"
#include "models/exchange/exchangesql.h"
#include "models/exchange/packagestaging.h"
#include "models/exchange/travellingtables.h"

namespace kopru {

PackageTarget::PackageTarget(QSqlDatabase db, const QString &path)
    : m_db(std::move(db))
{
    if (SqlDialect::attachesFiles(SqlDialect::backendOf(m_db))) {
        m_attach = true;
        m_attached = std::make_unique<AttachedPackage>(m_db, path);
        m_status = m_attached->status();
        return;
    }
    auto name = PackageStaging::openFile(path, false);
    if (name)
        m_connectionName = name.value();
    else
        m_status = name.error();
}

PackageTarget::~PackageTarget()
{
    if (Status s = close(); !s)
        qWarning("cannot close the package: %s", qPrintable(s.message()));
}

Status PackageTarget::create()
{
    if (!m_status)
        return m_status;
    if (!m_attach)
        return PackageStaging::create(m_db);
    for (const QString &statement : TravellingTables::packageSchema(prefix()))
        if (Status s = Sql::exec(m_db, statement); !s)
            return s;
    return {};
}

QString PackageTarget::prefix() const
{
    return m_attach ? AttachedPackage::schema() + QLatin1Char('.') : PackageStaging::prefix();
}

Status PackageTarget::finish()
{
    if (m_attach || !m_status)
        return m_status;
    QSqlDatabase f = file();
    Transaction tx(f);
    if (!tx.began())
        return tx.began();
    for (const QString &statement : TravellingTables::packageSchema(QStringLiteral("main.")))
        if (Status s = Sql::exec(f, statement); !s)
            return s;
    if (Status s = PackageStaging::drain(m_db, f); !s)
        return s;
    return tx.commit();
}

QSqlDatabase PackageTarget::file() const
{
    return m_attach ? m_db : QSqlDatabase::database(m_connectionName, false);
}

QString PackageTarget::schema() const
{
    return m_attach ? AttachedPackage::schema() : QStringLiteral("main");
}

Status PackageTarget::close()
{
    if (m_attached) {
        Status s = m_attached->detach();
        m_attached.reset();
        return s;
    }
    PackageStaging::closeFile(m_connectionName);
    m_connectionName.clear();
    return {};
}

} // namespace kopru
