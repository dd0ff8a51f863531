// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QSqlDatabase>

namespace kopru {

// RAII write transaction (BEGIN IMMEDIATE): rolls back in its destructor
// unless commit() succeeded, so an early return or an exception never leaves
// half of a change behind.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // Whether BEGIN succeeded; check before writing.
    const Status &began() const { return m_began; }
    Status commit();
    void rollback();

private:
    QSqlDatabase m_db;
    Status m_began;
    bool m_active = false;
};

} // namespace kopru
