// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/exchange/databaserole.h"
#include "models/exchange/packagemanifest.h"

#include <QString>

namespace kopru {

class Database;

// Makes a package for another database (docs/exchange.md): everything that
// changed since the package the receiver last acknowledged (or everything,
// `full`) and that the receiver may have, in one write transaction on the
// database (the change serial, the sequence and the log) while the file is
// written under a temporary name; the file appears complete or not at all.
class Packer final
{
public:
    struct Options
    {
        DatabaseRole receiver;
        QString outPath;
        bool full = false;
    };

    static Expected<PackageManifest> pack(Database &db, const Options &options);
};

} // namespace kopru
