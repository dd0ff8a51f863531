// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/pragmascope.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"

#include <QLoggingCategory>

namespace kopru {

namespace {

Q_LOGGING_CATEGORY(lcPragma, "kopru.db.pragma")

// PRAGMA takes no bound parameters: integers are written as numbers, the
// rest quoted as an SQL string literal.
QString literal(const QVariant &value)
{
    bool isInteger = false;
    const qlonglong n = value.toLongLong(&isInteger);
    if (isInteger)
        return QString::number(n);
    return SqlDialect::textLiteral(value.toString());
}

} // namespace

PragmaScope::PragmaScope(QSqlDatabase db, const char *name, const QVariant &value)
    : m_db(std::move(db))
    , m_name(QLatin1String(name))
{
    // A server has no PRAGMAs: its own configuration decides (nothing to set or restore).
    if (!SqlDialect::hasPragmas(SqlDialect::backendOf(m_db)))
        return;
    auto previous = Sql::scalar(m_db, QStringLiteral("PRAGMA ") + m_name);
    if (!previous) {
        m_status = previous.error();
        return;
    }
    m_status = Sql::exec(m_db, QStringLiteral("PRAGMA %1 = %2").arg(m_name, literal(value)));
    if (m_status)
        m_previous = previous.value();
}

PragmaScope::~PragmaScope()
{
    if (!m_previous.isValid())
        return;
    if (Status s = Sql::exec(m_db, QStringLiteral("PRAGMA %1 = %2").arg(m_name, literal(m_previous))); !s)
        qCWarning(lcPragma) << "cannot restore PRAGMA" << m_name << ":" << s.message();
}

} // namespace kopru
