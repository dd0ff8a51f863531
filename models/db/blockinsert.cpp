// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/blockinsert.h"

#include "models/db/sql.h"

namespace kopru {

BlockInsert::BlockInsert(QSqlDatabase db, QString table, QStringList columns)
    : m_db(db)
    , m_table(std::move(table))
    , m_columns(std::move(columns))
    , m_block(db)
    , m_single(db)
{ }

Status BlockInsert::prepare()
{
    QStringList marks;
    for (int i = 0; i < m_columns.size(); ++i)
        marks << QStringLiteral("?");
    const QString row = QLatin1Char('(') + marks.join(QLatin1Char(',')) + QLatin1Char(')');
    const QString insert = QStringLiteral("INSERT INTO %1(%2) VALUES ").arg(m_table, m_columns.join(QLatin1Char(',')));
    if (Status s = Sql::prepare(m_single, insert + row); !s)
        return s;
    QStringList rows;
    for (int i = 0; i < kRows; ++i)
        rows << row;
    m_pending.reserve(std::size_t(kRows * m_columns.size()));
    return Sql::prepare(m_block, insert + rows.join(QLatin1Char(',')));
}

Status BlockInsert::add(std::initializer_list<QVariant> row)
{
    Q_ASSERT(int(row.size()) == m_columns.size());
    m_pending.insert(m_pending.end(), row.begin(), row.end());
    if (m_pending.size() == std::size_t(kRows * m_columns.size()))
        return flush(m_block, kRows);
    return {};
}

Status BlockInsert::finish()
{
    const int rows = m_columns.isEmpty() ? 0 : int(m_pending.size()) / int(m_columns.size());
    if (rows == 0)
        return {};
    return flush(m_single, rows);
}

Status BlockInsert::flush(QSqlQuery &q, int rows)
{
    // The block statement takes all pending rows at once, the single one a row at a time.
    const int perStatement = &q == &m_block ? rows : 1;
    const int values = perStatement * int(m_columns.size());
    for (int first = 0; first < rows * int(m_columns.size()); first += values) {
        for (int i = 0; i < values; ++i)
            q.bindValue(i, m_pending[std::size_t(first + i)]);
        if (!q.exec())
            return Sql::errorOf(q);
    }
    m_pending.clear();
    return {};
}

} // namespace kopru
