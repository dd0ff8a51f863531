// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/editing/dbcommand.h"
#include "models/editing/rowversion.h"

#include <QVariant>

namespace kopru {

// Changes one column of one row (by id) from `oldValue` to `newValue`.
// The value was validated by the model before the command was made. The
// change is refused when the row is no longer at the version the user saw
// (RowVersion: the message says who changed it and when); undo and redo
// likewise check the version the command left. A table without versions:
// refused when the row no longer holds `oldValue` (undo: `newValue`).
class SetValueCommand final : public DbCommand
{
public:
    SetValueCommand(QSqlDatabase db, QString table, QString column, int id, QVariant oldValue, QVariant newValue,
        const QString &text, SeenRow seen = {});

protected:
    Status apply() override { return write(m_old, m_new); }
    Status revert() override { return write(m_new, m_old); }
    void announce() override;

private:
    Status write(const QVariant &expected, const QVariant &value);
    Status writeByValue(const QVariant &expected, const QVariant &value);

    QString m_table, m_column;
    int m_id;
    QVariant m_old, m_new;
    SeenRow m_seen; // version: the row's version before the next apply or revert
    bool m_wrote = false;
};

} // namespace kopru
