// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QString>

namespace kopru {

// Where a server database is: postgresql://user[:password]@host[:port]/dbname
// [?sslmode=disable|allow|prefer|require|verify-ca|verify-full]
// (docs/server.md). Accepted wherever a database file is: a location that
// starts with "postgresql://" (or "postgres://") is a server database.
struct ServerUrl
{
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString database;
    QString sslMode; // empty: the client library's default (prefer)

    // Whether `location` names a server database rather than a file.
    static bool isServerUrl(const QString &location);
    // Parses `location`; a malformed URL is refused naming what is wrong.
    static Expected<ServerUrl> parse(const QString &location);

    // How a database is named in titles and menus: "kopru on dbserver" for a
    // server database (never its password), the file name for a file.
    static QString shortName(const QString &location);

    // The URL without the password, for messages, titles and the recent files.
    QString display() const;
    // The URL with the password (percent-encoded), for connecting only: never
    // shown nor stored.
    QString location() const;
    // "user@host:port/database": what a kept password belongs to.
    QString account() const;
    // QPSQL's connect options (sslmode, a connect timeout).
    QString connectOptions() const;
};

} // namespace kopru
