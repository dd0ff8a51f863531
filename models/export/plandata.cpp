// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/export/plandata.h"

#include "models/db/sql.h"
#include "models/domain/turkishtext.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <tuple>

namespace kopru::exporting {

namespace {

// Columns of kPlanSql, in order.
enum PlanColumn {
    cPlacement,
    cTeacher,
    cNationalId,
    cFirst,
    cLast,
    cEmail,
    cPhone,
    cSchool,
    cTeacherProvince,
    cFieldCode,
    cFieldName,
    cCentreId,
    cCentreName,
    cPartnerId,
    cPartnerName,
    cAddress,
    cDistrict,
    cPartnerProvince,
    cContact,
    cContactPhone,
    cContactEmail,
    cSession,
    cStart,
    cEnd,
    cHours,
    cCapacity,
    cStatus,
    cPlacementUid,
    cSessionUid,
    cPlacementChanges,
    cSessionChanges,
    cTeacherChanges,
    cFieldNameEn
};

const char kPlanSql[] = R"sql(
SELECT p.id, t.id, t.national_id, t.first_name, t.last_name, t.email, t.phone,
       COALESCE(sc.name, ''), tp.name,
       f.code, f.name_tr, COALESCE(c.id, 0), COALESCE(c.name, ''),
       pa.id, pa.name, pa.address, pa.district, pp.name, pa.contact_person, pa.phone, pa.email,
       ts.id, ts.start_date, ts.end_date, ts.hours, ts.capacity, p.status,
       p.uid, ts.uid, p.version - 1, (ts.version - 1) + (pa.version - 1), t.version - 1,
       f.name_en
FROM placement p
JOIN teacher t ON t.id = p.teacher_id
JOIN training_session ts ON ts.id = p.session_id
JOIN partner pa ON pa.id = ts.partner_id
JOIN field f ON f.id = ts.field_id
JOIN province tp ON tp.id = t.province_id
JOIN province pp ON pp.id = pa.province_id
LEFT JOIN school sc ON sc.id = t.school_id
LEFT JOIN centre c ON c.id = COALESCE(t.centre_id,
                                      (SELECT min(cf.centre_id) FROM centre_field cf WHERE cf.field_id = ts.field_id))
WHERE (? OR p.status <> 'cancelled')
  AND (? = '' OR upper(f.code) = upper(?))
  AND (? = 0 OR c.id = ?)
  AND (? = 0 OR pa.id = ?)
)sql";

QString joinAddress(const QString &address, const QString &district, const QString &province)
{
    QStringList parts;
    for (const QString &p : { address, district, province })
        if (!p.trimmed().isEmpty())
            parts << p.trimmed();
    // "Merkez" district is implied by the province name.
    if (district == QLatin1String("Merkez"))
        parts.removeAll(district);
    return parts.join(QLatin1String(", "));
}

// The rank of each row's `field` in Turkish collation order; values that
// compare equal share a rank.
std::vector<int> collationRanks(const std::vector<PlanRow> &rows, QString PlanRow::*field)
{
    QHash<QString, int> rankOf;
    for (const PlanRow &r : rows)
        rankOf.insert(r.*field, 0);
    QStringList distinct = rankOf.keys();
    std::sort(
        distinct.begin(), distinct.end(), [](const QString &a, const QString &b) { return TurkishText::compare(a, b) < 0; });
    int rank = 0;
    for (qsizetype i = 0; i < distinct.size(); ++i) {
        if (i > 0 && TurkishText::compare(distinct.at(i - 1), distinct.at(i)) != 0)
            ++rank;
        rankOf[distinct.at(i)] = rank;
    }
    std::vector<int> ranks;
    ranks.reserve(rows.size());
    for (const PlanRow &r : rows)
        ranks.push_back(rankOf.value(r.*field));
    return ranks;
}

Expected<QHash<int, QStringList>> sessionCompetencies(QSqlDatabase db, bool includeCancelled)
{
    QSqlQuery q(db);
    if (Status s = Sql::prepare(q,
            QStringLiteral(
                "SELECT sc.session_id, co.code FROM session_competency sc JOIN competency co ON co.id = sc.competency_id "
                "WHERE sc.session_id IN (SELECT session_id FROM placement WHERE ? OR status <> 'cancelled') "
                "ORDER BY sc.session_id, co.code"));
        !s)
        return s.error();
    if (Status s = Sql::run(q, { includeCancelled }); !s)
        return s.error();
    QHash<int, QStringList> result;
    while (q.next())
        result[q.value(0).toInt()] << q.value(1).toString();
    return result;
}

} // namespace

Status validateScope(QSqlDatabase db, const ExportScope &scope)
{
    auto check = [&](const char *sql, const QVariant &value, const QString &message) -> Status {
        auto found = Sql::scalar(db, QLatin1String(sql), { value });
        if (!found)
            return found.error();
        if (!found.value().isValid())
            return Status::failure(message);
        return {};
    };
    if (!scope.fieldCode.isEmpty())
        if (Status s = check("SELECT id FROM field WHERE upper(code) = upper(?)", scope.fieldCode,
                QCoreApplication::translate("Export", "unknown field code %1").arg(scope.fieldCode));
            !s)
            return s;
    if (scope.centreId != 0)
        if (Status s = check("SELECT id FROM centre WHERE id = ?", scope.centreId,
                QCoreApplication::translate("Export", "unknown centre %1").arg(scope.centreId));
            !s)
            return s;
    if (scope.partnerId != 0)
        if (Status s = check("SELECT id FROM partner WHERE id = ?", scope.partnerId,
                QCoreApplication::translate("Export", "unknown partner %1").arg(scope.partnerId));
            !s)
            return s;
    return {};
}

Expected<std::vector<PlanRow>> loadPlan(QSqlDatabase db, const ExportScope &scope, bool includeCancelled)
{
    if (Status s = validateScope(db, scope); !s)
        return s.error();
    auto competencies = sessionCompetencies(db, includeCancelled);
    if (!competencies)
        return competencies.error();

    QSqlQuery q(db);
    if (Status s = Sql::prepare(q, QLatin1String(kPlanSql)); !s)
        return s.error();
    // A null QString binds as NULL, and NULL = '' is not true: bind an empty string.
    // includeCancelled binds as a boolean: the first condition is one on a server (SQLite takes it as 1 or 0).
    const QString fieldCode = scope.fieldCode.isNull() ? QStringLiteral("") : scope.fieldCode;
    if (Status s = Sql::run(
            q, { includeCancelled, fieldCode, fieldCode, scope.centreId, scope.centreId, scope.partnerId, scope.partnerId });
        !s)
        return s.error();
    std::vector<PlanRow> rows;
    while (q.next()) {
        PlanRow r;
        r.placementId = q.value(cPlacement).toInt();
        r.teacherId = q.value(cTeacher).toInt();
        r.nationalId = q.value(cNationalId).toString();
        r.firstName = q.value(cFirst).toString();
        r.lastName = q.value(cLast).toString();
        r.teacherEmail = q.value(cEmail).toString();
        r.teacherPhone = q.value(cPhone).toString();
        r.school = q.value(cSchool).toString();
        r.teacherProvince = q.value(cTeacherProvince).toString();
        r.fieldCode = q.value(cFieldCode).toString();
        r.fieldName = q.value(cFieldName).toString();
        r.fieldNameEn = q.value(cFieldNameEn).toString();
        r.centreId = q.value(cCentreId).toInt();
        r.centreName = q.value(cCentreName).toString();
        r.partnerId = q.value(cPartnerId).toInt();
        r.partnerName = q.value(cPartnerName).toString();
        r.partnerAddress
            = joinAddress(q.value(cAddress).toString(), q.value(cDistrict).toString(), q.value(cPartnerProvince).toString());
        r.contactPerson = q.value(cContact).toString();
        r.contactPhone = q.value(cContactPhone).toString();
        r.contactEmail = q.value(cContactEmail).toString();
        r.sessionId = q.value(cSession).toInt();
        r.start = QDate::fromString(q.value(cStart).toString(), Qt::ISODate);
        r.end = QDate::fromString(q.value(cEnd).toString(), Qt::ISODate);
        r.hours = q.value(cHours).toInt();
        r.capacity = q.value(cCapacity).toInt();
        r.status = q.value(cStatus).toString();
        r.placementUid = q.value(cPlacementUid).toString();
        r.sessionUid = q.value(cSessionUid).toString();
        r.placementChanges = q.value(cPlacementChanges).toInt();
        r.sessionChanges = q.value(cSessionChanges).toInt();
        r.teacherChanges = q.value(cTeacherChanges).toInt();
        r.competencies = competencies.value().value(r.sessionId);
        rows.push_back(std::move(r));
    }
    if (q.lastError().isValid() && q.lastError().type() != QSqlError::NoError)
        return Sql::errorOf(q);

    // Ordered by centre, partner, session start, teacher name (Turkish
    // collation). Each distinct name is ranked once and the rows are sorted by
    // the ranks: the same order as comparing the names row against row, at a
    // fraction of the cost (~65,000 collation compares for the national plan).
    const std::vector<int> centre = collationRanks(rows, &PlanRow::centreName);
    const std::vector<int> partner = collationRanks(rows, &PlanRow::partnerName);
    const std::vector<int> last = collationRanks(rows, &PlanRow::lastName);
    const std::vector<int> first = collationRanks(rows, &PlanRow::firstName);
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
        const PlanRow &a = rows[i], &b = rows[j];
        return std::tie(centre[i], partner[i], a.partnerId, a.start, a.sessionId, last[i], first[i], a.placementId)
            < std::tie(centre[j], partner[j], b.partnerId, b.start, b.sessionId, last[j], first[j], b.placementId);
    });
    std::vector<PlanRow> sorted;
    sorted.reserve(rows.size());
    for (std::size_t i : order)
        sorted.push_back(std::move(rows[i]));
    rows = std::move(sorted);
    return rows;
}

std::vector<ScheduleSession> groupBySession(const std::vector<PlanRow> &rows)
{
    std::vector<ScheduleSession> sessions;
    QHash<int, std::size_t> index;
    for (const PlanRow &r : rows) {
        auto it = index.find(r.sessionId);
        if (it == index.end()) {
            ScheduleSession s;
            s.sessionId = r.sessionId;
            s.centreId = r.centreId;
            s.centreName = r.centreName;
            s.fieldCode = r.fieldCode;
            s.fieldName = r.fieldName;
            s.fieldNameEn = r.fieldNameEn;
            s.partnerId = r.partnerId;
            s.partnerName = r.partnerName;
            s.partnerAddress = r.partnerAddress;
            s.contactPerson = r.contactPerson;
            s.contactPhone = r.contactPhone;
            s.contactEmail = r.contactEmail;
            s.start = r.start;
            s.end = r.end;
            s.hours = r.hours;
            s.capacity = r.capacity;
            s.competencies = r.competencies;
            s.sessionUid = r.sessionUid;
            s.changes = r.sessionChanges;
            it = index.insert(r.sessionId, sessions.size());
            sessions.push_back(std::move(s));
        }
        ScheduleSession &s = sessions[it.value()];
        // Each placement adds one, so a new placement raises the count too.
        s.changes += r.placementChanges + r.teacherChanges + 1;
        if (r.status == QLatin1String("cancelled"))
            ++s.cancelled;
        else
            s.attendees.push_back(&r);
    }
    return sessions;
}

} // namespace kopru::exporting
