// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/packagesource.h"

#include "models/exchange/packagestaging.h"

namespace kopru {

PackageSource::PackageSource(QSqlDatabase db, const QString &path)
    : m_package(std::move(db), path, true)
{ }

Status PackageSource::stage(const std::function<void(int)> &progress)
{
    if (m_package.attached() || !m_package.status())
        return m_package.status();
    if (Status s = PackageStaging::create(m_package.database()); !s)
        return s;
    return PackageStaging::fill(file(), m_package.database(), progress);
}

} // namespace kopru
