// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/certificates/certificatecontent.h"

#include "models/certificates/certificatenumber.h"
#include "models/db/sql.h"

#include <QSqlQuery>

namespace kopru::certificates {

namespace {

// The competencies a session covered: its own, else the partner's in its field.
Expected<std::vector<CoveredCompetency>> competenciesOf(QSqlDatabase db, int sessionId)
{
    std::vector<CoveredCompetency> out;
    const auto add = [&](const QSqlQuery &q) {
        out.push_back({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString() });
    };
    if (Status s = Sql::forEachRow(db,
            QStringLiteral("SELECT c.code, c.title_tr, c.title_en FROM session_competency sc JOIN competency c ON c.id = "
                           "sc.competency_id WHERE sc.session_id = ? ORDER BY c.code"),
            { sessionId }, add);
        !s)
        return s.error();
    if (!out.empty())
        return out;
    if (Status s = Sql::forEachRow(db,
            QStringLiteral("SELECT c.code, c.title_tr, c.title_en FROM training_session ts JOIN partner_competency pc ON "
                           "pc.partner_id = ts.partner_id JOIN competency c ON c.id = pc.competency_id AND c.field_id = "
                           "ts.field_id WHERE ts.id = ? ORDER BY c.code"),
            { sessionId }, add);
        !s)
        return s.error();
    return out;
}

} // namespace

Expected<std::vector<CertificateContent>> loadCertificates(QSqlDatabase db, const CertificateScope &scope)
{
    QVariantList bindings;
    const QString sql
        = QStringLiteral("SELECT p.id, ce.number, ce.verification_code, t.first_name, t.last_name, f.code, f.name_tr, "
                         "f.name_en, pa.name, pp.name, ts.id, ts.start_date, ts.end_date, p.completed_on, ts.hours, "
                         "(SELECT sum(a.hours) FROM attendance a WHERE a.placement_id = p.id), "
                         "(SELECT count(*) FROM attendance a WHERE a.placement_id = p.id), cn.id, cn.name, cp.name, "
                         "ce.first_issued_at, ce.issued_at, ce.issue_count ")
        + completedPlacementsSql(scope, &bindings,
            QStringLiteral("JOIN certificate ce ON ce.placement_id = p.id JOIN field f ON f.id = ts.field_id "
                           "JOIN partner pa ON pa.id = ts.partner_id LEFT JOIN province pp ON pp.id = pa.province_id "
                           "LEFT JOIN centre cn ON cn.id = ")
                + centreOfPlacementSql() + QStringLiteral(" LEFT JOIN province cp ON cp.id = cn.province_id"))
        + QStringLiteral(" ORDER BY ts.start_date, ts.id, t.last_name, t.first_name, p.id");
    std::vector<CertificateContent> out;
    const Status read = Sql::forEachRow(db, sql, bindings, [&](const QSqlQuery &q) {
        CertificateContent c;
        c.placementId = q.value(0).toInt();
        c.number = q.value(1).toString();
        c.code = q.value(2).toString();
        c.teacherName = q.value(3).toString() + QLatin1Char(' ') + q.value(4).toString();
        c.fieldCode = q.value(5).toString();
        c.fieldTr = q.value(6).toString();
        c.fieldEn = q.value(7).toString();
        c.partnerName = q.value(8).toString();
        c.partnerProvince = q.value(9).toString();
        c.sessionId = q.value(10).toInt();
        c.start = QDate::fromString(q.value(11).toString(), Qt::ISODate);
        c.end = QDate::fromString(q.value(12).toString(), Qt::ISODate);
        c.completedOn = QDate::fromString(q.value(13).toString(), Qt::ISODate);
        c.hoursPlanned = q.value(14).toDouble();
        c.attendanceRecorded = q.value(16).toInt() > 0;
        c.hoursAttended = c.attendanceRecorded ? q.value(15).toDouble() : c.hoursPlanned;
        c.centreId = q.value(17).toInt();
        c.centreName = q.value(18).toString();
        c.centreProvince = q.value(19).toString();
        c.firstIssuedAt = q.value(20).toString();
        c.issuedAt = q.value(21).toString();
        c.issueCount = q.value(22).toInt();
        out.push_back(std::move(c));
    });
    if (!read)
        return read.error();
    for (CertificateContent &c : out) {
        auto competencies = competenciesOf(db, c.sessionId);
        if (!competencies)
            return competencies.error();
        c.competencies = std::move(competencies.value());
    }
    return out;
}

Expected<Verification> verifyCertificate(QSqlDatabase db, const QString &number, const QString &code)
{
    Verification v;
    QVariant placement, stored;
    const Status read
        = Sql::forEachRow(db, QStringLiteral("SELECT placement_id, verification_code FROM certificate WHERE number = ?"),
            { normaliseNumber(number) }, [&](const QSqlQuery &q) {
                placement = q.value(0);
                stored = q.value(1);
            });
    if (!read)
        return read.error();
    if (!placement.isValid())
        return v;
    if (stored.toString() != normaliseCode(code)) {
        v.outcome = Verification::Outcome::WrongCode;
        return v;
    }
    auto content = loadCertificates(db, CertificateScope::placements({ placement.toInt() }));
    if (!content)
        return content.error();
    if (content.value().empty()) {
        v.outcome = Verification::Outcome::NotCompleted;
        return v;
    }
    v.outcome = Verification::Outcome::Valid;
    v.content = std::move(content.value().front());
    return v;
}

} // namespace kopru::certificates
