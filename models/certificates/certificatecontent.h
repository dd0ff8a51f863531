// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/certificates/certificatescope.h"
#include "models/core/result.h"

#include <QDate>
#include <QSqlDatabase>
#include <vector>

namespace kopru::certificates {

struct CoveredCompetency
{
    QString code, titleTr, titleEn;
};

// Everything one certificate shows, in both languages where the database
// has both (the document picks).
struct CertificateContent
{
    int placementId = 0;
    QString number, code; // the code as stored (certificatenumber.h displayCode prints it)
    QString teacherName; // "first last"
    QString fieldCode, fieldTr, fieldEn;
    QString partnerName, partnerProvince;
    int sessionId = 0;
    QDate start, end, completedOn;
    double hoursPlanned = 0; // the session's hours
    double hoursAttended = 0; // from attendance when recorded, else the session's hours
    bool attendanceRecorded = false;
    // The session's competencies, else (none recorded) the partner's in the session's field.
    std::vector<CoveredCompetency> competencies;
    int centreId = 0; // 0: none
    QString centreName, centreProvince;
    QString firstIssuedAt, issuedAt; // UTC, "yyyy-MM-dd HH:mm:ss"
    int issueCount = 0;
};

// The certificates issued for the completed placements of `scope`, in the
// order issueCertificates prints them; placements without one are left out.
Expected<std::vector<CertificateContent>> loadCertificates(QSqlDatabase db, const CertificateScope &scope);

// The answer of verifyCertificate.
struct Verification
{
    // NotCompleted: the number and code are right, but the placement is no
    // longer completed (its status was changed after the certificate was issued).
    enum class Outcome { Valid, UnknownNumber, WrongCode, NotCompleted };
    Outcome outcome = Outcome::UnknownNumber;
    CertificateContent content; // Valid: the certificate
};

// Whether a certificate `number` exists with verification code `code` (both
// as typed: case, spaces and dashes of the code do not matter).
Expected<Verification> verifyCertificate(QSqlDatabase db, const QString &number, const QString &code);

} // namespace kopru::certificates
