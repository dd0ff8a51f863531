// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/export/exportoptions.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <vector>

namespace kopru::exporting {

// One placement of the plan with everything an export shows about it.
// The centre of a placement is the teacher's centre, or (when the teacher has
// none) the first centre coordinating the session's field.
struct PlanRow
{
    int placementId = 0;
    int teacherId = 0;
    QString nationalId;
    QString firstName;
    QString lastName;
    QString teacherEmail;
    QString teacherPhone;
    QString school;
    QString teacherProvince;
    QString fieldCode;
    QString fieldName; // Turkish name
    QString fieldNameEn; // English name
    int centreId = 0;
    QString centreName;
    int partnerId = 0;
    QString partnerName;
    QString partnerAddress; // street address, district and province
    QString contactPerson;
    QString contactPhone;
    QString contactEmail;
    int sessionId = 0;
    QDate start;
    QDate end;
    int hours = 0;
    int capacity = 0;
    QStringList competencies; // codes, sorted
    QString status; // proposed | confirmed | completed (| cancelled when asked for)
    // For calendars: the global ids of the placement and the session, and the
    // sum of the rows' changes (version − 1 of placement, session, partner and
    // teacher), which only grows when one of them changes.
    QString placementUid;
    QString sessionUid;
    int placementChanges = 0;
    int sessionChanges = 0; // session and partner
    int teacherChanges = 0;

    QString teacherName() const { return firstName + QLatin1Char(' ') + lastName; }
};

// A training session with the teachers placed in it (schedule view).
struct ScheduleSession
{
    int sessionId = 0;
    int centreId = 0;
    QString centreName;
    QString fieldCode;
    QString fieldName; // Turkish name
    QString fieldNameEn; // English name
    int partnerId = 0;
    QString partnerName;
    QString partnerAddress;
    QString contactPerson;
    QString contactPhone;
    QString contactEmail;
    QDate start;
    QDate end;
    int hours = 0;
    int capacity = 0;
    QStringList competencies;
    std::vector<const PlanRow *> attendees; // points into the PlanRow vector it was built from; never cancelled ones
    // For calendars: the session's global id, its cancelled placements (not
    // attendees) and a change count that grows with every change of the
    // session, its partner, or any of its placements and their teachers.
    QString sessionUid;
    int cancelled = 0;
    int changes = 0;
};

// The placements in `scope` whose status is not "cancelled" (with
// `includeCancelled`: all of them, for calendars that must cancel their
// events), ordered by centre, partner (Turkish collation), session start,
// teacher last and first name. An unknown field code, centre or partner is an Error.
Expected<std::vector<PlanRow>> loadPlan(QSqlDatabase db, const ExportScope &scope, bool includeCancelled = false);

// The sessions that hold at least one of `rows`, in the order of `rows`;
// cancelled rows are counted, not attendees. The result points into `rows`: keep it alive.
std::vector<ScheduleSession> groupBySession(const std::vector<PlanRow> &rows);

// Checks that the scope's field code, centre and partner exist.
Status validateScope(QSqlDatabase db, const ExportScope &scope);

} // namespace kopru::exporting
