// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/exchange/databaserole.h"

#include <QSqlDatabase>
#include <QString>
#include <map>

namespace kopru {

// The manifest of a package (docs/exchange.md, "Packages"): who made it, for
// whom, where it stands in the sequence between the two, what it holds and
// the SHA-256 of its content. Kept as key/value rows in the package's
// `manifest` table.
struct PackageManifest
{
    // The package file format this program writes and reads.
    static constexpr int kFormat = 1;
    // PRAGMA application_id of a package file ("KPKG"): a package is never
    // opened as a database, nor a database received as a package.
    static constexpr int kApplicationId = 0x4B504B47;

    int format = kFormat;
    int schemaVersion = 0;
    QString senderDatabaseId;
    DatabaseRole sender;
    QString receiverDatabaseId; // empty until the sender has heard from the receiver
    DatabaseRole receiver;
    int sequence = 0; // this package's number from sender to receiver
    int baseSequence = 0; // the sender's package the content continues from (0 = everything)
    int ackSequence = 0; // the receiver's highest package the sender applied
    bool full = false;
    QString createdAt; // UTC, ISO 8601
    QString program; // "Köprü 1.2.0"
    std::map<QString, qint64> rows; // package table → row count
    QString contentSha256;

    // Reads the manifest of a package attached as `schema`.
    static Expected<PackageManifest> read(QSqlDatabase db, const QString &schema);
    // Writes it (the manifest table must be empty).
    Status write(QSqlDatabase db, const QString &schema) const;

    qint64 totalRows() const;
};

} // namespace kopru
