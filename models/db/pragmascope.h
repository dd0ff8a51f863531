// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>
#include <QVariant>

namespace kopru {

// Sets a PRAGMA of one connection for the lifetime of this object and puts
// back the value it had: `PragmaScope cache(db, "cache_size", -65536);`.
// Whether setting it worked is in status(); a caller for whom the setting is
// essential (secure_delete during an erasure) must check it. `name` is a
// PRAGMA name from the code, never from input.
class PragmaScope final
{
public:
    PragmaScope(QSqlDatabase db, const char *name, const QVariant &value);
    ~PragmaScope();
    PragmaScope(const PragmaScope &) = delete;
    PragmaScope &operator=(const PragmaScope &) = delete;

    const Status &status() const { return m_status; }

private:
    QSqlDatabase m_db;
    QString m_name;
    QVariant m_previous; // invalid: nothing to restore
    Status m_status;
};

} // namespace kopru
