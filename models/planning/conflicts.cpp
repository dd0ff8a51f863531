// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/conflicts.h"

#include "models/db/schemamacros.h"
#include "models/db/sql.h"

#include <QCoreApplication>
#include <QDate>
#include <QSqlQuery>
#include <QStringList>
#include <algorithm>
#include <utility>

namespace kopru::Conflicts {

namespace {

QString date(const QVariant &iso)
{
    return QDate::fromString(iso.toString(), Qt::ISODate).toString(QStringLiteral("dd.MM.yyyy"));
}

// " AND column IN (?, …)" and its values; none for no scope (every row).
struct Filter
{
    QString sql;
    QVariantList values;
    Filter() = default;
    Filter(const char *column, const QList<int> &ids)
    {
        for (int id : ids)
            values << id;
        sql = ids.isEmpty() ? QStringLiteral(" AND 0")
                            : QStringLiteral(" AND %1 IN (%2)").arg(QLatin1String(column), Sql::marks(ids.size()));
    }
};

Status overCapacity(QSqlDatabase db, const Filter &filter, std::vector<PlanConflict> &out)
{
    return Sql::forEachRow(db,
        QStringLiteral("SELECT s.id, p.name, s.start_date, s.capacity, c.placed FROM " KOPRU_PLACED_PER_SESSION " c "
                       "JOIN training_session s ON s.id = c.session_id JOIN partner p ON p.id = s.partner_id "
                       "WHERE c.placed > s.capacity%1 ORDER BY s.id")
            .arg(filter.sql),
        filter.values, [&out](const QSqlQuery &q) {
            out.push_back({ PlanConflict::OverCapacity, q.value(0).toInt(), 0, 0,
                QCoreApplication::translate("Conflicts", "%1, session of %2: %3 teachers placed, capacity %4")
                    .arg(q.value(1).toString(), date(q.value(2)))
                    .arg(q.value(4).toInt())
                    .arg(q.value(3).toInt()) });
        });
}

Status dateOverlap(QSqlDatabase db, const Filter &filter, std::vector<PlanConflict> &out)
{
    return Sql::forEachRow(db,
        QStringLiteral(
            "SELECT a.id, a.teacher_id, t.first_name || ' ' || t.last_name, sa.start_date, sb.start_date, b.session_id "
            "FROM placement a JOIN placement b ON b.teacher_id = a.teacher_id AND b.id > a.id "
            "JOIN training_session sa ON sa.id = a.session_id JOIN training_session sb ON sb.id = b.session_id "
            "JOIN teacher t ON t.id = a.teacher_id "
            "WHERE a.status <> 'cancelled' AND b.status <> 'cancelled' AND sa.start_date <= sb.end_date AND sb.start_date <= "
            "sa.end_date%1 ORDER BY a.id, b.session_id")
            .arg(filter.sql),
        filter.values, [&out](const QSqlQuery &q) {
            out.push_back({ PlanConflict::DateOverlap, q.value(5).toInt(), q.value(1).toInt(), q.value(0).toInt(),
                QCoreApplication::translate("Conflicts", "%1 is placed in two sessions at the same time (from %2 and from %3)")
                    .arg(q.value(2).toString(), date(q.value(3)), date(q.value(4))) });
        });
}

Status perPlacement(QSqlDatabase db, const Filter &filter, std::vector<PlanConflict> &out)
{
    return Sql::forEachRow(db,
        QStringLiteral(
            "SELECT x.id, x.teacher_id, x.session_id, t.first_name || ' ' || t.last_name, p.name, "
            "t.field_id <> s.field_id, tf.code, sf.code, "
            "(s.start_date < coalesce(t.available_from, s.start_date) OR s.end_date > coalesce(t.available_to, s.end_date)), "
            "t.available_from, t.available_to, s.start_date, s.end_date "
            "FROM placement x JOIN teacher t ON t.id = x.teacher_id JOIN training_session s ON s.id = x.session_id "
            "JOIN partner p ON p.id = s.partner_id JOIN field tf ON tf.id = t.field_id JOIN field sf ON sf.id = s.field_id "
            "WHERE x.status <> 'cancelled' AND (t.field_id <> s.field_id OR s.start_date < coalesce(t.available_from, "
            "s.start_date) "
            "OR s.end_date > coalesce(t.available_to, s.end_date))%1 ORDER BY x.id")
            .arg(filter.sql),
        filter.values, [&out](const QSqlQuery &q) {
            const int id = q.value(0).toInt(), teacher = q.value(1).toInt(), session = q.value(2).toInt();
            const QString name = q.value(3).toString(), partner = q.value(4).toString();
            if (q.value(5).toInt())
                out.push_back({ PlanConflict::FieldMismatch, session, teacher, id,
                    QCoreApplication::translate("Conflicts", "%1 (field %2) is placed at %3 in a session of field %4")
                        .arg(name, q.value(6).toString(), partner, q.value(7).toString()) });
            if (q.value(8).toInt()) {
                const QString from = q.value(9).isNull() ? QStringLiteral("…") : date(q.value(9));
                const QString to = q.value(10).isNull() ? QStringLiteral("…") : date(q.value(10));
                out.push_back({ PlanConflict::TeacherUnavailable, session, teacher, id,
                    QCoreApplication::translate("Conflicts", "%1 is available %2 – %3, the session at %4 runs %5 – %6")
                        .arg(name, from, to, partner, date(q.value(11)), date(q.value(12))) });
            }
        });
}

} // namespace

bool comesBefore(const PlanConflict &a, const PlanConflict &b)
{
    if (a.kind != b.kind)
        return a.kind < b.kind;
    if (a.kind == PlanConflict::OverCapacity)
        return a.sessionId < b.sessionId;
    return std::pair(a.placementId, a.sessionId) < std::pair(b.placementId, b.sessionId);
}

Expected<std::vector<PlanConflict>> detect(QSqlDatabase db)
{
    std::vector<PlanConflict> out;
    if (Status s = overCapacity(db, {}, out); !s)
        return s.error();
    if (Status s = dateOverlap(db, {}, out); !s)
        return s.error();
    if (Status s = perPlacement(db, {}, out); !s)
        return s.error();
    std::stable_sort(out.begin(), out.end(), comesBefore);
    return out;
}

Expected<std::vector<PlanConflict>> detectWithin(QSqlDatabase db, const ConflictScope &scope)
{
    std::vector<PlanConflict> out;
    // On the grouped column: SQLite then counts only these sessions'
    // placements (the condition goes into the subquery) instead of all.
    if (Status s = overCapacity(db, Filter("c.session_id", scope.sessions), out); !s)
        return s.error();
    if (Status s = dateOverlap(db, Filter("a.teacher_id", scope.teachers), out); !s)
        return s.error();
    if (Status s = perPlacement(db, Filter("x.id", scope.placements), out); !s)
        return s.error();
    std::stable_sort(out.begin(), out.end(), comesBefore);
    return out;
}

QString kindName(PlanConflict::Kind kind)
{
    switch (kind) {
    case PlanConflict::OverCapacity:
        return QCoreApplication::translate("Conflicts", "Over capacity");
    case PlanConflict::DateOverlap:
        return QCoreApplication::translate("Conflicts", "Overlapping dates");
    case PlanConflict::FieldMismatch:
        return QCoreApplication::translate("Conflicts", "Field mismatch");
    case PlanConflict::TeacherUnavailable:
        return QCoreApplication::translate("Conflicts", "Teacher unavailable");
    }
    return {};
}

} // namespace kopru::Conflicts

namespace kopru {

bool ConflictScope::holds(const PlanConflict &c) const
{
    switch (c.kind) {
    case PlanConflict::OverCapacity:
        return sessions.contains(c.sessionId);
    case PlanConflict::DateOverlap:
        return teachers.contains(c.teacherId);
    case PlanConflict::FieldMismatch:
    case PlanConflict::TeacherUnavailable:
        return placements.contains(c.placementId);
    }
    return false;
}

} // namespace kopru
