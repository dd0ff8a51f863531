// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/safety/purge.h"

#include "models/db/pragmascope.h"
#include "models/db/sql.h"
#include "models/db/transaction.h"
#include "models/exchange/erasure.h"

#include <QCoreApplication>

namespace kopru {

Status purgeTeacher(QSqlDatabase db, int teacherId)
{
    // Deleted content is overwritten with zeros, so the erased teacher does
    // not linger in the file's free pages. Without it the erasure would not
    // be one: refuse rather than delete half-heartedly.
    const PragmaScope secureDelete(db, "secure_delete", 1);
    if (!secureDelete.status())
        return secureDelete.status();
    // Counting, deleting and logging in one write transaction: no other
    // writer can add a rating of the teacher in between.
    Transaction tx(db);
    if (!tx.began())
        return tx.began();
    auto exists = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM teacher WHERE id = ?"), { teacherId });
    if (!exists)
        return exists.error();
    if (exists.value().toInt() == 0)
        return Status::failure(QCoreApplication::translate("Purge", "there is no teacher with id %1").arg(teacherId));
    auto ratings = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM need_rating WHERE teacher_id = ?"), { teacherId });
    auto placements = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM placement WHERE teacher_id = ?"), { teacherId });
    if (!ratings || !placements)
        return Status::failure(QCoreApplication::translate("Purge", "cannot count the teacher's data"));
    // The teacher with everything of the person; the erasure tombstone takes
    // the erasure to the other end of the national exchange (docs/exchange.md).
    if (Status s = Erasure::eraseTeacher(db, teacherId); !s)
        return s;
    const QString details = QStringLiteral("teacher_id=%1 ratings=%2 placements=%3")
                                .arg(teacherId)
                                .arg(ratings.value().toInt())
                                .arg(placements.value().toInt());
    if (Status s
        = Sql::exec(db, QStringLiteral("INSERT INTO audit_log(action, details) VALUES ('purge_teacher', ?)"), { details });
        !s)
        return s;
    return tx.commit();
}

} // namespace kopru
