// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QSqlDatabase>

namespace kopru {

// RAII transaction: rolls back in its destructor unless commit() succeeded,
// so an early return or an exception never leaves half of a change behind.
//
// A Write transaction (BEGIN IMMEDIATE) takes the database's write lock at
// once: a writer that reads, validates and writes inside one never works on
// a state another writer has changed meanwhile (no lost update). When
// another program holds the lock beyond the busy timeout, began() says so
// ("being written by another program; try again"), naming the file.
// A Read transaction (BEGIN DEFERRED) reads one consistent state.
class Transaction
{
public:
    enum class Mode { Write, Read };

    explicit Transaction(QSqlDatabase db, Mode mode = Mode::Write);
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
