// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/editing/dbcommand.h"
#include "models/exchange/reviewstore.h"

#include <QStringList>
#include <utility>
#include <vector>

namespace kopru {

// The national office's decision on an item of the review list (docs/exchange.md,
// "Conflicts: the review list"), as an undoable command on the undo stack:
//  - duplicate_teacher / duplicate_partner: Keep (the chosen registration is
//    applied with what depends on it; the others stay rejected), Merge (the
//    chosen record stays — a held registration is applied first — and every
//    other registration becomes an alias of it: what depended on them follows
//    it), Reject (all held registrations rejected; the survey's record stays);
//  - capacity: KeepAll (the partner agreed), RejectPlacements (the chosen
//    placements get a plan decision "rejected"; their centre cancels them);
//  - correction: Adopt (the national office makes the change), Reject.
// The item and everything the decision changed travel down with the next
// packages. Undo puts the item, the held rows and the records back as they
// were (best before the next package is made: a centre that received a merge
// has already re-keyed its record).
// No lost update (docs/server.md, "Several users at once"): the item is
// decided only while it is at the version the user saw (`seenVersion`; when
// not given, the version it has when the decision starts), held until the
// commit, so two users cannot decide it at once; undo is refused when the
// item — or, for an adopted correction, the teacher — changed since the
// decision, and redo when the item changed since the undo.
class ResolveReviewCommand final : public DbCommand
{
public:
    enum class Action { Keep, Merge, Reject, KeepAll, RejectPlacements, Adopt };

    ResolveReviewCommand(QSqlDatabase db, int reviewId, Action action, QString chosenUid, QStringList placements,
        const QString &text, QVariant seenVersion = {});

    // The actions that fit an item of `kind`.
    static QList<Action> actionsFor(const QString &kind);
    // The value of review_item.resolution for an action.
    static QString code(Action action);
    // Translated name of an action ("Keep one", "Merge", …).
    static QString title(Action action);

protected:
    Status apply() override;
    Status revert() override;
    void announce() override;

private:
    Status resolveDuplicate(const ReviewItem &item);
    Status resolveCapacity(const ReviewItem &item);
    Status resolveCorrection(const ReviewItem &item);
    // Whether row `id` of `table` is at `expected`; the refusal naming who changed it when not.
    Status expectVersion(const QString &table, qint64 id, const QVariant &expected, const QString &subject);
    // Keeps the version of row `id` of `table` now as what the next undo or redo expects.
    Status keepVersion(const QString &table, qint64 id);

    int m_reviewId;
    Action m_action;
    QString m_chosen;
    QStringList m_placements;

    // What apply() changed, for revert().
    QVariantList m_itemBefore; // centres, status, resolution, chosen_uid, detail, resolved_at, resolved_by
    std::vector<HeldRow> m_heldBefore;
    std::vector<std::pair<QString, QString>> m_added; // (local table, uid) inserted
    QStringList m_aliases; // alias uids made
    std::vector<std::pair<QString, QVariant>> m_decisionsBefore; // placement uid → the decision it had (invalid: none)
    QString m_adoptedColumn;
    qint64 m_adoptedTeacher = 0;
    QVariant m_adoptedBefore;
    QVariant m_seenVersion; // the item's version when the user decided
    bool m_wrote = false; // applied or reverted once: the versions kept are expected
};

} // namespace kopru
