// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/quality/erasedcounts.h"

#include "models/db/sql.h"

namespace kopru::ErasedCounts {

Status keep(QSqlDatabase db, int teacherId)
{
    if (Status s = Sql::exec(db,
            QStringLiteral("INSERT INTO erased_teacher(centre_id, field_id, province_id, surveyed, resurveyed) "
                           "SELECT t.centre_id, t.field_id, t.province_id, "
                           "CASE WHEN EXISTS (SELECT 1 FROM need_rating r WHERE r.teacher_id = t.id AND r.round = 1) "
                           "THEN 1 ELSE 0 END, "
                           "CASE WHEN EXISTS (SELECT 1 FROM need_rating r WHERE r.teacher_id = t.id AND r.round = 2) "
                           "THEN 1 ELSE 0 END FROM teacher t WHERE t.id = ?"),
            { teacherId });
        !s)
        return s;
    // The row just made is the newest: the caller's write transaction keeps
    // other writers out.
    const QString answers = QStringLiteral("(SELECT %1(e.score) FROM evaluation_answer e JOIN evaluation_item i ON i.id = "
                                           "e.item_id WHERE e.placement_id = p.id AND i.kind = '%2')");
    return Sql::exec(db,
        QStringLiteral("INSERT INTO erased_placement(erased_teacher_id, partner_id, status, cancel_reason, hours_planned, "
                       "hours_attended, training_answers, training_sum, teacher_answers, teacher_sum, certified) "
                       "SELECT (SELECT max(id) FROM erased_teacher), s.partner_id, p.status, p.cancel_reason, s.hours, "
                       "(SELECT sum(a.hours) FROM attendance a WHERE a.placement_id = p.id), %1, coalesce(%2, 0), %3, "
                       "coalesce(%4, 0), CASE WHEN EXISTS (SELECT 1 FROM certificate c WHERE c.placement_id = p.id) "
                       "THEN 1 ELSE 0 END FROM placement p JOIN training_session s ON s.id = p.session_id "
                       "WHERE p.teacher_id = ? AND EXISTS (SELECT 1 FROM teacher WHERE id = ?)")
            .arg(answers.arg(QStringLiteral("count"), QStringLiteral("training")),
                answers.arg(QStringLiteral("sum"), QStringLiteral("training")),
                answers.arg(QStringLiteral("count"), QStringLiteral("teacher")),
                answers.arg(QStringLiteral("sum"), QStringLiteral("teacher"))),
        { teacherId, teacherId });
}

} // namespace kopru::ErasedCounts
