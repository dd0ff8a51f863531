// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/editing/dbcommand.h"

#include <QVariantMap>

namespace kopru {

// Inserts one row into `table` (column → value); undo deletes it again and
// redo re-inserts it with the same id and the same global id (uid), so later
// commands keep pointing at it and the record keeps its identity (a redo is
// the same record coming back, never a new one: docs/exchange.md).
class InsertRowCommand final : public DbCommand
{
public:
    InsertRowCommand(QSqlDatabase db, QString table, QVariantMap values, const QString &text);

    // The id of the inserted row (0 before the first execute()).
    int insertedId() const { return m_id; }

protected:
    Status apply() override;
    Status revert() override;
    void announce() override;

private:
    QString m_table;
    QVariantMap m_values;
    int m_id = 0;
    QVariant m_uid; // the global id the first insert got (tables that have one)
};

} // namespace kopru
