// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace kopru::ContentDigest {

// SHA-256 (hex) of the canonical serialisation of a package's content
// (docs/exchange.md, "Packages"): every table of TravellingTables::
// digestTables() in that order, rows ordered by their key, each value as a
// type tag and its text — N (NULL), I<integer>, R<%.17g>, T<bytes>:<UTF-8>,
// B<hex> — values ended by 0x1F, rows by 0x1E, tables introduced by 0x1D and
// their name. The same content gives the same digest in any database, on
// any platform.
Expected<QString> ofPackage(QSqlDatabase db, const QString &schema);

} // namespace kopru::ContentDigest
