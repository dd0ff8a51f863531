// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <vector>

namespace kopru {

// Storage of the review list (review_item) and of the package rows held back
// under an item (review_parked), shared by the detection during a receive
// and the resolutions. Everything runs in the caller's transaction.
struct ReviewItem
{
    int id = 0;
    QString uid, kind, subject, centres, status, resolution, chosenUid;
    QJsonObject detail;
    int version = 0;
};

struct HeldRow
{
    QString table; // package table
    QString key; // the row's uid (lists: parent:target)
    QVariant owner;
    QJsonObject row; // package columns → values
};

namespace ReviewStore {

// The item of `kind` about `subject`, made (open, with the id derived from
// both) when there is none.
Expected<ReviewItem> ensure(QSqlDatabase db, const QString &kind, const QString &subject);
Expected<ReviewItem> byId(QSqlDatabase db, int id);
// Writes centres, status, resolution, chosen uid and detail back.
Status save(QSqlDatabase db, const ReviewItem &item);

// Holds a package row under an item (replaces an older copy of the same row).
Status hold(QSqlDatabase db, int reviewId, const HeldRow &row);
std::vector<HeldRow> heldRows(QSqlDatabase db, int reviewId, Status *status);
Status release(QSqlDatabase db, int reviewId, const QString &table, const QString &key);

// A row of a query as package JSON (column names of the query).
QJsonObject rowJson(const class QSqlQuery &query);

// ",3,5," from the owners (NULL = national office is not listed).
QString centresText(const QList<int> &centres);

} // namespace ReviewStore

} // namespace kopru
