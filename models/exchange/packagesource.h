// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/exchange/packagefile.h"

#include <QSqlDatabase>
#include <QString>
#include <functional>

namespace kopru {

// Where a received package's rows are for the SQL that applies them
// (docs/exchange.md, "On a server database"). On a file the package is
// attached to the database's connection as schema `pkg` (AttachedPackage).
// A server cannot attach a file: the package is opened with its own,
// read-only SQLite connection, and stage() copies its tables, in batches of
// multi-row INSERTs, into temporary tables pkg_<table> of the server session
// (with the types the columns have in the database, and the package's row
// numbers as column `rowid`); they go with the caller's transaction.
class PackageSource final
{
public:
    PackageSource(QSqlDatabase db, const QString &path);

    const Status &status() const { return m_package.status(); }
    // The connection and schema in which the package file's own tables are
    // read (its checks, manifest and digest).
    QSqlDatabase file() const { return m_package.file(); }
    QString schema() const { return m_package.schema(); }
    // Makes the rows readable by the SQL on the database at prefix(): nothing
    // to do when attached; copies them when staged (inside the caller's
    // write transaction). `progress` gets 0…100.
    Status stage(const std::function<void(int)> &progress = {});
    // "pkg." or "temp.pkg_": prefix a package table's name with it.
    QString prefix() const { return m_package.prefix(); }
    // Detaches or closes the package (the file can then be removed).
    Status close() { return m_package.close(); }

private:
    PackageFile m_package;
};

} // namespace kopru
