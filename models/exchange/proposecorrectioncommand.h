// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/editing/dbcommand.h"
#include "models/editing/rowversion.h"

#include <QVariant>

namespace kopru {

// A centre's proposal to correct one value of a teacher's identity, which
// the national office owns (docs/exchange.md, "Conflicts"): a `proposal` row
// of this centre, based on the teacher's current version, that travels up and
// becomes a `correction` item of the national office's review list. Values of
// columns that name another record (field, school, centre) are kept as that
// record's global id. Undo takes the proposal back.
// No lost update: the proposal is made only while the teacher is as the user
// saw it (`seen`: version, uid, name; without a version, as the teacher is
// when the command starts), the teacher held until the commit; redo likewise
// (the teacher as the first proposal found it); undo is refused when the
// proposal changed since. Each refusal names who changed what, and when.
class ProposeCorrectionCommand final : public DbCommand
{
public:
    ProposeCorrectionCommand(
        QSqlDatabase db, int teacherId, QString column, QVariant value, QString note, const QString &text, SeenRow seen = {});

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
    // Whether row `id` of `table` is at `expected` (held until the commit); the refusal when not.
    Status expectVersion(const QString &table, int id, const QVariant &expected, const QVariant &uid, const QString &subject);

    int m_id = 0;
    QString m_uid;
    SeenRow m_seen; // the teacher as the user saw it; after the first proposal, as it found it
    QVariant m_proposalVersion; // the proposal's version after this command's last write
};

} // namespace kopru
