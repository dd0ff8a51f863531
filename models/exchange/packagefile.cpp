// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/packagefile.h"

#include "models/db/sqldialect.h"
#include "models/exchange/packagestaging.h"

namespace kopru {

PackageFile::PackageFile(QSqlDatabase db, const QString &path, bool readOnly)
    : m_db(std::move(db))
{
    if (SqlDialect::attachesFiles(SqlDialect::backendOf(m_db))) {
        m_attach = true;
        m_attached = std::make_unique<AttachedPackage>(m_db, path);
        m_status = m_attached->status();
        return;
    }
    auto name = PackageStaging::openFile(path, readOnly);
    if (name)
        m_connectionName = name.value();
    else
        m_status = name.error();
}

PackageFile::~PackageFile()
{
    if (Status s = close(); !s)
        qWarning("cannot close the package: %s", qPrintable(s.message()));
}

QSqlDatabase PackageFile::file() const
{
    return m_attach ? m_db : QSqlDatabase::database(m_connectionName, false);
}

QString PackageFile::schema() const
{
    return m_attach ? AttachedPackage::schema() : QStringLiteral("main");
}

QString PackageFile::prefix() const
{
    return m_attach ? AttachedPackage::schema() + QLatin1Char('.') : PackageStaging::prefix();
}

Status PackageFile::close()
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
