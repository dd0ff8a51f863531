// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/reviewstore.h"

#include "models/db/sql.h"
#include "models/exchange/exchangesql.h"
#include "models/exchange/globalid.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <QSqlQuery>
#include <QSqlRecord>
#include <algorithm>

namespace kopru::ReviewStore {

namespace {

const QString kSelect
    = QStringLiteral("SELECT id, uid, kind, subject, centres, status, resolution, chosen_uid, detail, version FROM review_item ");

ReviewItem fromQuery(const QSqlQuery &q)
{
    ReviewItem r;
    r.id = q.value(0).toInt();
    r.uid = q.value(1).toString();
    r.kind = q.value(2).toString();
    r.subject = q.value(3).toString();
    r.centres = q.value(4).toString();
    r.status = q.value(5).toString();
    r.resolution = q.value(6).toString();
    r.chosenUid = q.value(7).toString();
    r.detail = QJsonDocument::fromJson(q.value(8).toString().toUtf8()).object();
    r.version = q.value(9).toInt();
    return r;
}

Expected<ReviewItem> one(QSqlDatabase db, const QString &where, std::initializer_list<QVariant> bindings)
{
    QSqlQuery q(db);
    if (Status s = ExchangeSql::prepare(q, kSelect + where); !s)
        return s.error();
    if (Status s = Sql::run(q, bindings); !s)
        return s.error();
    if (!q.next())
        return ReviewItem {};
    return fromQuery(q);
}

// An empty text, never NULL (the columns are NOT NULL DEFAULT '').
QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

// An integer from either backend (a server's BIGINT arrives as an unsigned
// 64-bit value when it is not negative).
bool isInteger(const QVariant &v)
{
    switch (v.metaType().id()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return true;
    default:
        return false;
    }
}

} // namespace

Expected<ReviewItem> ensure(QSqlDatabase db, const QString &kind, const QString &subject)
{
    auto found = one(db, QStringLiteral("WHERE kind = ? AND subject = ?"), { kind, subject });
    if (!found || found.value().id > 0)
        return found;
    if (Status s = ExchangeSql::exec(db, QStringLiteral("INSERT INTO review_item(uid, kind, subject) VALUES (?, ?, ?)"),
            { GlobalId::forReviewItem(kind, subject), kind, subject });
        !s)
        return s.error();
    return one(db, QStringLiteral("WHERE kind = ? AND subject = ?"), { kind, subject });
}

Expected<ReviewItem> byId(QSqlDatabase db, int id)
{
    return one(db, QStringLiteral("WHERE id = ?"), { id });
}

Status save(QSqlDatabase db, const ReviewItem &item)
{
    return ExchangeSql::exec(db,
        QStringLiteral("UPDATE review_item SET centres = ?, status = ?, resolution = ?, chosen_uid = ?, detail = ? WHERE id = ?"),
        { nonNull(item.centres), nonNull(item.status), nonNull(item.resolution), nonNull(item.chosenUid),
            QString::fromUtf8(QJsonDocument(item.detail).toJson(QJsonDocument::Compact)), item.id });
}

Status hold(QSqlDatabase db, int reviewId, const HeldRow &row)
{
    return ExchangeSql::exec(db,
        QStringLiteral("INSERT INTO review_parked(review_id, table_name, uid, owner_centre_id, row_json) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT(review_id, table_name, uid) DO UPDATE SET owner_centre_id = excluded.owner_centre_id, "
                       "row_json = excluded.row_json"),
        { reviewId, row.table, row.key, row.owner, QString::fromUtf8(QJsonDocument(row.row).toJson(QJsonDocument::Compact)) });
}

std::vector<HeldRow> heldRows(QSqlDatabase db, int reviewId, Status *status)
{
    std::vector<HeldRow> rows;
    QSqlQuery q(db);
    *status = ExchangeSql::prepare(q,
        QStringLiteral("SELECT table_name, uid, owner_centre_id, row_json FROM review_parked WHERE review_id = ? "
                       "ORDER BY table_name, uid"));
    if (*status)
        *status = Sql::run(q, { reviewId });
    while (*status && q.next())
        rows.push_back({ q.value(0).toString(), q.value(1).toString(), q.value(2),
            QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object() });
    return rows;
}

Status release(QSqlDatabase db, int reviewId, const QString &table, const QString &key)
{
    return ExchangeSql::exec(db, QStringLiteral("DELETE FROM review_parked WHERE review_id = ? AND table_name = ? AND uid = ?"),
        { reviewId, table, key });
}

QJsonObject rowJson(const QSqlQuery &query)
{
    QJsonObject o;
    const QSqlRecord rec = query.record();
    for (int i = 0; i < rec.count(); ++i) {
        const QVariant v = query.value(i);
        if (v.isNull())
            o.insert(rec.fieldName(i), QJsonValue());
        else if (isInteger(v))
            o.insert(rec.fieldName(i), v.toLongLong());
        else if (v.metaType().id() == QMetaType::Double)
            o.insert(rec.fieldName(i), v.toDouble());
        else
            o.insert(rec.fieldName(i), v.toString());
    }
    return o;
}

QString centresText(const QList<int> &centres)
{
    QList<int> sorted = centres;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    QString text = QStringLiteral(",");
    for (int c : sorted)
        if (c > 0)
            text += QString::number(c) + QLatin1Char(',');
    return text;
}

} // namespace kopru::ReviewStore
