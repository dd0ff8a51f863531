// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/db/schemascript.h"

#include <QSqlDatabase>
#include <QString>
#include <vector>

namespace kopru::TableContent {

struct Count
{
    QString table;
    qint64 rows = 0;
};

// The row count of every table of the schema, in the schema's order.
Expected<std::vector<Count>> counts(QSqlDatabase db, const SchemaScript &schema);

// SHA-256 (hex) of every row of every table of the schema, the same for the
// same content on either backend: tables by name, each row as its values
// (N for NULL, I<integer>, R<%.17g>, T<text>, separated by 0x1F) and the rows
// of a table sorted as such strings, so no backend's collation counts.
Expected<QString> digest(QSqlDatabase db, const SchemaScript &schema);

} // namespace kopru::TableContent
