// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/exchange/attachedpackage.h"

#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace kopru {

// A package file beside a database, the part PackageSource (receiving) and
// PackageTarget (packing) share. On a file the package is attached to the
// database's connection as schema `pkg` (AttachedPackage); a server cannot
// attach a file, so the package gets an SQLite connection of its own
// (PackageStaging::openFile) and its rows travel through temporary tables.
class PackageFile final
{
public:
    PackageFile(QSqlDatabase db, const QString &path, bool readOnly);
    ~PackageFile();
    PackageFile(const PackageFile &) = delete;
    PackageFile &operator=(const PackageFile &) = delete;

    const Status &status() const { return m_status; }
    // Attached to the database's connection (a file) rather than opened on its own (a server).
    bool attached() const { return m_attach; }
    QSqlDatabase database() const { return m_db; }
    // The connection and schema in which the package file's own tables are read and written.
    QSqlDatabase file() const;
    QString schema() const;
    // "pkg." or "temp.pkg_": what the SQL on the database prefixes a package table's name with.
    QString prefix() const;
    // Detaches or closes the package (the file can then be removed).
    Status close();

private:
    QSqlDatabase m_db;
    bool m_attach = false;
    std::unique_ptr<AttachedPackage> m_attached;
    QString m_connectionName;
    Status m_status;
};

} // namespace kopru
