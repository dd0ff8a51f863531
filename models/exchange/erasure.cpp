// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/erasure.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"
#include "models/exchange/exchangesql.h"
#include "models/quality/erasedcounts.h"

#include <QSqlQuery>

namespace kopru::Erasure {

namespace {

// Copies of the person in the review list: rows held back under `uid`, and
// every item about the same national ID (another centre's registration).
Status forgetHeldCopies(QSqlDatabase db, const QString &uid, const QString &nationalId)
{
    if (Status s = ExchangeSql::exec(db,
            QStringLiteral("DELETE FROM review_parked WHERE uid = ? OR review_id IN (SELECT id FROM review_item "
                           "WHERE kind = 'duplicate_teacher' AND subject = ?)"),
            { uid, nationalId });
        !s)
        return s;
    // Held rows that named the person (placements of a held registration).
    if (Status s = ExchangeSql::exec(db,
            QStringLiteral("DELETE FROM review_parked WHERE table_name IN ('placement', 'proposal', 'teacher_record') "
                           "AND instr(row_json, ?) > 0"),
            { uid });
        !s)
        return s;
    // The item stays (the decision may have travelled) without the national ID.
    return ExchangeSql::exec(db,
        QStringLiteral("UPDATE review_item SET subject = 'erased:' || uid, status = 'resolved', resolution = 'erased', "
                       "chosen_uid = '', detail = '{}', resolved_at = CURRENT_TIMESTAMP, resolved_by = %1 "
                       "WHERE kind IN ('duplicate_teacher', 'correction') AND (subject = ? OR instr(detail, ?) > 0)")
            .arg(SqlDialect::changeLabel(SqlDialect::backendOf(db))),
        { nationalId, uid });
}

Status erase(QSqlDatabase db, const QString &uid, const QVariant &owner, int version, int teacherId, const QString &nationalId)
{
    if (Status s = forgetHeldCopies(db, uid, nationalId); !s)
        return s;
    if (Status s = ExchangeSql::exec(db,
            QStringLiteral("INSERT INTO tombstone(table_name, uid, owner_centre_id, version, erased, deleted_at, deleted_by) "
                           "VALUES ('teacher', ?, ?, ?, 1, CURRENT_TIMESTAMP, %1) ON CONFLICT(table_name, uid) DO UPDATE "
                           "SET erased = 1, version = max(tombstone.version, excluded.version), change_serial = NULL")
                .arg(SqlDialect::changeLabel(SqlDialect::backendOf(db))),
            { uid, owner, version + 1 });
        !s)
        return s;
    if (teacherId > 0) {
        // The programme's indicators keep counting the person, anonymously.
        if (Status s = ErasedCounts::keep(db, teacherId); !s)
            return s;
        // Ratings, placements (and their decisions, attendance, evaluations and
        // certificate) and proposals go with the row (ON DELETE CASCADE).
        if (Status s = ExchangeSql::exec(db, QStringLiteral("DELETE FROM teacher WHERE id = ?"), { teacherId }); !s)
            return s;
    }
    return {};
}

// The audit log keeps the fact, never the person (the uid is random).
Status logReceived(QSqlDatabase db, const QString &uid)
{
    return ExchangeSql::exec(db, QStringLiteral("INSERT INTO audit_log(action, details) VALUES ('erasure_received', ?)"),
        { QStringLiteral("teacher uid=%1").arg(uid) });
}

} // namespace

Status eraseTeacher(QSqlDatabase db, int teacherId)
{
    QSqlQuery q(db);
    if (Status s
        = ExchangeSql::prepare(q, QStringLiteral("SELECT uid, owner_centre_id, version, national_id FROM teacher WHERE id = ?"));
        !s)
        return s;
    if (Status s = Sql::run(q, { teacherId }); !s)
        return s;
    if (!q.next())
        return Status::failure(QStringLiteral("no teacher %1").arg(teacherId));
    const QString uid = q.value(0).toString(), nationalId = q.value(3).toString();
    const QVariant owner = q.value(1);
    const int version = q.value(2).toInt();
    q.finish();
    return erase(db, uid, owner, version, teacherId, nationalId);
}

Status applyErasure(QSqlDatabase db, const QString &uid)
{
    QSqlQuery q(db);
    if (Status s
        = ExchangeSql::prepare(q, QStringLiteral("SELECT id, owner_centre_id, version, national_id FROM teacher WHERE uid = ?"));
        !s)
        return s;
    if (Status s = Sql::run(q, { uid }); !s)
        return s;
    if (q.next()) {
        const int id = q.value(0).toInt();
        const QVariant owner = q.value(1);
        const int version = q.value(2).toInt();
        const QString nationalId = q.value(3).toString();
        q.finish();
        if (Status s = erase(db, uid, owner, version, id, nationalId); !s)
            return s;
        return logReceived(db, uid);
    }
    q.finish();
    // Not here as a teacher: perhaps held in the review list.
    auto nationalId = ExchangeSql::scalar(db,
        QStringLiteral("SELECT r.subject FROM review_parked p JOIN review_item r ON r.id = p.review_id "
                       "WHERE p.uid = ? AND p.table_name = 'teacher' AND r.kind = 'duplicate_teacher'"),
        { uid });
    if (!nationalId)
        return nationalId.error();
    if (!nationalId.value().isValid())
        return {}; // nothing of the person here
    if (Status s = forgetHeldCopies(db, uid, nationalId.value().toString()); !s)
        return s;
    return logReceived(db, uid);
}

} // namespace kopru::Erasure
