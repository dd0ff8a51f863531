// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/attachedpackage.h"

#include "models/db/sql.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAttach, "kopru.exchange.attach")

namespace kopru {

AttachedPackage::AttachedPackage(QSqlDatabase db, const QString &path)
    : m_db(std::move(db))
{
    m_status = Sql::exec(m_db, QStringLiteral("ATTACH DATABASE ? AS pkg"), { path });
    m_attached = m_status.ok();
}

AttachedPackage::~AttachedPackage()
{
    if (m_attached)
        if (Status s = detach(); !s)
            qCWarning(lcAttach) << "cannot detach the package:" << s.message();
}

Status AttachedPackage::detach()
{
    if (!m_attached)
        return {};
    Status s = Sql::exec(m_db, QStringLiteral("DETACH DATABASE pkg"));
    m_attached = !s.ok();
    return s;
}

} // namespace kopru
