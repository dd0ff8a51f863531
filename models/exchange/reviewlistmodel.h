// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/exchange/resolvereviewcommand.h"
#include "models/itemmodels/querytablemodel.h"

#include <QJsonObject>
#include <vector>

namespace kopru {

struct ReviewListEntry
{
    int id = 0;
    QString kind, subject, centres, status, resolution, chosenUid;
    QJsonObject detail;
    QString description; // translated: who or what the conflict is about
};

// The review list (review_item): conflicts the national office decides
// (docs/exchange.md, "Conflicts: the review list"), open ones first. Each row
// knows the decisions that fit it (ResolveReviewCommand::actionsFor) and the
// records or placements to choose from. Read-only; reloads itself when an
// undo command announces a change of review_item.
class ReviewListModel final : public QueryTableModel<ReviewListEntry>
{
    Q_OBJECT
public:
    enum Column { Kind, Subject, Centres, Status, Resolution, ColumnCount };
    using Item = ReviewListEntry;

    // A record (duplicate: a registration or the national office's own) or a
    // placement (capacity) a decision can choose.
    struct Choice
    {
        QString uid;
        QString label;
    };

    explicit ReviewListModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    const Item &item(int row) const { return m_rows.at(std::size_t(row)); }
    // The row of the item with this id, -1 when there is none.
    int rowOf(int reviewId) const;
    int openCount() const;

    // The decisions that fit the item of `row` (none when it is resolved).
    QList<ResolveReviewCommand::Action> actions(int row) const;
    // What a decision on the item of `row` chooses from: the records of a
    // duplicate (the national office's own first), the placements of an
    // over-used session. Empty for corrections.
    std::vector<Choice> choices(int row) const;

    // Translated name of a kind ("Same teacher twice", …).
    static QString kindTitle(const QString &kind);
    // Translated name of a stored resolution ("keep", "merge", …).
    static QString resolutionTitle(const QString &resolution);

private:
    QString selectSql() const override;
    void addRow(const QSqlQuery &q) override;
    void rowsLoaded() override;
    QStringList headers() const override;

    QString describe(const Item &item) const;
    QString centreName(int id) const;
};

} // namespace kopru
