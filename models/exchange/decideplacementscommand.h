// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/editing/dbcommand.h"

#include <QList>
#include <QVariant>
#include <vector>

namespace kopru {

// The national office's plan decision on centres' placements (docs/exchange.md,
// "Plan decisions"): approved or rejected, with a note. The decisions travel
// down; the centre confirms or cancels its placement. Undo puts the earlier
// decisions back. No lost update: each decision is read and held until the
// commit (a second user deciding the same placement at once waits, then
// decides over what the first stored); undo and redo are refused when
// someone else changed a decision since this command's last write, naming
// who and when.
class DecidePlacementsCommand final : public DbCommand
{
public:
    enum class Decision { Approved, Rejected };
    DecidePlacementsCommand(QSqlDatabase db, QList<int> placementIds, Decision decision, QString note, const QString &text);

protected:
    Status apply() override;
    Status revert() override;
    void announce() override;

private:
    QList<int> m_ids;
    Decision m_decision;
    QString m_note;
    // Whether the decision on placement `id` is as this command's last write
    // left it (present at the version kept, or absent); the refusal when not.
    Status expectKept(int id);
    // Keeps the decision's version now (or that there is none) for the next undo or redo.
    Status keep(int id);

    std::vector<std::pair<int, std::pair<QVariant, QVariant>>> m_before; // id → (decision, note) it had (invalid: none)
    bool m_wrote = false;
};

} // namespace kopru
