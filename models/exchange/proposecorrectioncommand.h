// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/editing/dbcommand.h"

#include <QVariant>

namespace kopru {

// A centre's proposal to correct one value of a teacher's identity, which
// the national office owns (docs/exchange.md, "Conflicts"): a `proposal` row
// of this centre, based on the teacher's current version, that travels up and
// becomes a `correction` item of the national office's review list. Values of
// columns that name another record (field, school, centre) are kept as that
// record's global id. Undo takes the proposal back.
class ProposeCorrectionCommand final : public DbCommand
{
public:
    ProposeCorrectionCommand(QSqlDatabase db, int teacherId, QString column, QVariant value, QString note, const QString &text);

    // The teacher columns a correction may name.
    static QStringList columns();
    int proposalId() const { return m_id; }

protected:
    Status apply() override;
    Status revert() override;
    void announce() override;

private:
    int m_teacherId;
    QString m_column;
    QVariant m_value;
    QString m_note;
    int m_id = 0;
    QString m_uid;
};

} // namespace kopru
