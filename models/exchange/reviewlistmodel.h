// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/exchange/resolvereviewcommand.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QSqlDatabase>
#include <vector>

namespace kopru {

// The review list (review_item): conflicts the national office decides
// (docs/exchange.md, "Conflicts: the review list"), open ones first. Each row
// knows the decisions that fit it (ResolveReviewCommand::actionsFor) and the
// records or placements to choose from. Read-only; reloads itself when an
// undo command announces a change of review_item.
class ReviewListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Kind, Subject, Centres, Status, Resolution, ColumnCount };

    // A record (duplicate: a registration or the national office's own) or a
    // placement (capacity) a decision can choose.
    struct Choice
    {
        QString uid;
        QString label;
    };

    struct Item
    {
        int id = 0;
        QString kind, subject, centres, status, resolution, chosenUid;
        QJsonObject detail;
        QString description; // translated: who or what the conflict is about
    };

    explicit ReviewListModel(QObject *parent = nullptr);

    void setDatabase(QSqlDatabase db);
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Item &item(int row) const { return m_items.at(std::size_t(row)); }
    // The row of the item with this id, -1 when there is none.
    int rowOf(int reviewId) const;
    int openCount() const;
    QString lastError() const { return m_error; }

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
    QString describe(const Item &item) const;
    QString centreName(int id) const;

    QSqlDatabase m_db;
    std::vector<Item> m_items;
    QString m_error;
};

} // namespace kopru
