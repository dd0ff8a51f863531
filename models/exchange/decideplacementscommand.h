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
// decisions back.
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
    std::vector<std::pair<int, std::pair<QVariant, QVariant>>> m_before; // id → (decision, note) it had (invalid: none)
};

} // namespace kopru
