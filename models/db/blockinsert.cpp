// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/blockinsert.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"

namespace kopru {

BlockInsert::BlockInsert(QSqlDatabase db, QString table, QStringList columns, Shared shared)
    : m_db(db)
    , m_table(std::move(table))
    , m_columns(std::move(columns))
    , m_shared(std::move(shared))
    , m_block(db)
    , m_single(db)
{ }

int BlockInsert::perRow() const
{
    return int(m_columns.size()) + (m_sharedOnce ? 0 : int(m_shared.size()));
}

Status BlockInsert::prepare()
{
    m_sharedOnce = !m_shared.isEmpty() && SqlDialect::backendOf(m_db) == SqlDialect::Backend::Sqlite;
    QStringList all = m_columns;
    for (const auto &[column, value] : m_shared)
        all << column;
    QStringList marks;
    for (int i = 0; i < perRow(); ++i)
        marks << QStringLiteral("?");
    const QString row = QLatin1Char('(') + marks.join(QLatin1Char(',')) + QLatin1Char(')');
    QString insert = QStringLiteral("INSERT INTO %1(%2) ").arg(m_table, all.join(QLatin1Char(',')));
    QString tail;
    if (m_sharedOnce) {
        // SELECT column1, …, columnN, ?, … FROM (VALUES (…), …): the shared
        // values' marks come first in the statement, so they are bound first.
        QStringList select;
        for (int i = 1; i <= int(m_columns.size()); ++i)
            select << QStringLiteral("column%1").arg(i);
        for (qsizetype i = 0; i < m_shared.size(); ++i)
            select << QStringLiteral("?");
        insert += QStringLiteral("SELECT %1 FROM (VALUES ").arg(select.join(QLatin1Char(',')));
        tail = QStringLiteral(")");
    } else {
        insert += QStringLiteral("VALUES ");
    }
    if (Status s = Sql::prepare(m_single, insert + row + tail); !s)
        return s;
    QStringList rows;
    for (int i = 0; i < kRows; ++i)
        rows << row;
    m_pending.reserve(std::size_t(kRows * perRow()));
    return Sql::prepare(m_block, insert + rows.join(QLatin1Char(',')) + tail);
}

Status BlockInsert::add(std::initializer_list<QVariant> row)
{
    Q_ASSERT(int(row.size()) == m_columns.size());
    m_pending.insert(m_pending.end(), row.begin(), row.end());
    if (!m_sharedOnce)
        for (const auto &[column, value] : m_shared)
            m_pending.push_back(value);
    if (m_pending.size() == std::size_t(kRows * perRow()))
        return flush(m_block, kRows);
    return {};
}

Status BlockInsert::finish()
{
    const int rows = perRow() == 0 ? 0 : int(m_pending.size()) / perRow();
    if (rows == 0)
        return {};
    return flush(m_single, rows);
}

Status BlockInsert::flush(QSqlQuery &q, int rows)
{
    // The block statement takes all pending rows at once, the single one a row at a time.
    const int perStatement = &q == &m_block ? rows : 1;
    const int values = perStatement * perRow();
    const int shared = m_sharedOnce ? int(m_shared.size()) : 0;
    for (int first = 0; first < rows * perRow(); first += values) {
        for (int i = 0; i < shared; ++i)
            q.bindValue(i, m_shared[i].second);
        for (int i = 0; i < values; ++i)
            q.bindValue(shared + i, m_pending[std::size_t(first + i)]);
        if (!q.exec())
            return Sql::errorOf(q);
    }
    m_pending.clear();
    return {};
}

} // namespace kopru
