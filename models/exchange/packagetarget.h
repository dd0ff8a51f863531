// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/exchange/packagefile.h"

#include <QSqlDatabase>
#include <QString>

namespace kopru {

// Where the packer puts a new package's rows (docs/exchange.md, "On a server
// database"). From a file the new package file is attached as schema `pkg`
// and filled with INSERT … SELECT. A server cannot attach a file: the rows
// are selected into temporary tables of the server session
// (PackageStaging) with the same SQL, and finish() copies them into the
// package file, opened with a connection of its own.
class PackageTarget final
{
public:
    PackageTarget(QSqlDatabase db, const QString &path);

    const Status &status() const { return m_package.status(); }
    // Makes the package's empty tables (in the caller's transaction).
    Status create();
    // "pkg." or "temp.pkg_": where the packer's SQL on the database fills them.
    QString prefix() const { return m_package.prefix(); }
    // After filling: the package file holds the rows (staged ones are copied).
    Status finish();
    // The connection and schema of the package file (counts, digest, manifest).
    QSqlDatabase file() const { return m_package.file(); }
    QString schema() const { return m_package.schema(); }
    // Detaches or closes the package file (it can then be renamed).
    Status close() { return m_package.close(); }

private:
    PackageFile m_package;
};

} // namespace kopru
