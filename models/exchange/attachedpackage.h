// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace kopru {

// A package file attached to a database connection as schema `pkg` for the
// lifetime of this object (ATTACH cannot happen inside a transaction: make
// this before the Transaction and let it outlive it).
class AttachedPackage final
{
public:
    AttachedPackage(QSqlDatabase db, const QString &path);
    ~AttachedPackage();
    AttachedPackage(const AttachedPackage &) = delete;
    AttachedPackage &operator=(const AttachedPackage &) = delete;

    const Status &status() const { return m_status; }
    // Detaches now (the file can then be renamed or removed).
    Status detach();

    static QString schema() { return QStringLiteral("pkg"); }

private:
    QSqlDatabase m_db;
    Status m_status;
    bool m_attached = false;
};

} // namespace kopru
