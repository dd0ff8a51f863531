// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/transaction.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"

namespace kopru {

Transaction::Transaction(QSqlDatabase db, Mode mode)
    : m_db(std::move(db))
{
    m_began = Sql::exec(m_db, SqlDialect::beginStatement(SqlDialect::backendOf(m_db), mode == Mode::Write));
    m_active = m_began.ok();
}

Transaction::~Transaction()
{
    rollback();
}

Status Transaction::commit()
{
    if (!m_active)
        return m_began.ok() ? Status::failure(QStringLiteral("transaction already finished")) : m_began;
    Status s = Sql::exec(m_db, QStringLiteral("COMMIT"));
    if (s)
        m_active = false;
    else
        rollback();
    return s;
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    (void)Sql::exec(m_db, QStringLiteral("ROLLBACK"));
}

} // namespace kopru
