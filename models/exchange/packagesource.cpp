// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/packagesource.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"
#include "models/exchange/packagestaging.h"

namespace kopru {

PackageSource::PackageSource(QSqlDatabase db, const QString &path)
    : m_db(std::move(db))
{
    if (SqlDialect::attachesFiles(SqlDialect::backendOf(m_db))) {
        m_attach = true;
        m_attached = std::make_unique<AttachedPackage>(m_db, path);
        m_status = m_attached->status();
        return;
    }
    auto name = PackageStaging::openFile(path, true);
    if (name)
        m_connectionName = name.value();
    else
        m_status = name.error();
}

PackageSource::~PackageSource()
{
    if (Status s = close(); !s)
        qWarning("cannot close the package: %s", qPrintable(s.message()));
}

QSqlDatabase PackageSource::file() const
{
    return m_attach ? m_db : QSqlDatabase::database(m_connectionName, false);
}

QString PackageSource::schema() const
{
    return m_attach ? AttachedPackage::schema() : QStringLiteral("main");
}

QString PackageSource::prefix() const
{
    return m_attach ? AttachedPackage::schema() + QLatin1Char('.') : PackageStaging::prefix();
}

Status PackageSource::stage(const std::function<void(int)> &progress)
{
    if (m_attach || !m_status)
        return m_status;
    if (Status s = PackageStaging::create(m_db); !s)
        return s;
    return PackageStaging::fill(file(), m_db, progress);
}

Status PackageSource::close()
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
