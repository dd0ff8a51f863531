// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/exchange/applysummary.h"
#include "models/exchange/packagemanifest.h"

#include <QString>
#include <functional>

namespace kopru {

class Database;

// Receives a package (docs/exchange.md, "Packages" and "Applying a
// package"): the file is copied to a private temporary file, checked —
// an SQLite file of the package kind, undamaged (quick_check), its manifest
// readable, its format and schema not newer than this program's, its content
// the one its SHA-256 names, made for this database by a sender this database
// knows (or meets for the first time), next in sequence — and then applied in
// one write transaction, after a backup. Every refusal is an Error naming the
// package file and saying that the database was not changed.
class Receiver final
{
public:
    struct Options
    {
        bool dryRun = false; // apply, report, roll back
        bool backup = true; // a backup before writing (BackupManager, reason "receive")
        std::function<void(int percent)> progress;
    };
    enum class Outcome {
        Applied,
        DryRun, // applied and rolled back: the summary is exact, nothing changed
        AlreadyReceived, // this very package was applied before: nothing to do
    };
    struct Result
    {
        Outcome outcome = Outcome::Applied;
        PackageManifest manifest;
        ApplySummary summary;
        bool newSender = false; // the first package from this database: it is registered
        QString receivedAt; // AlreadyReceived: when it was applied
    };

    // Checks only (no write): what receive() would refuse, and the manifest.
    static Expected<PackageManifest> inspect(Database &db, const QString &packagePath);
    static Expected<Result> receive(Database &db, const QString &packagePath, const Options &options);
};

} // namespace kopru
