// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/certificates/certificatescope.h"
#include "models/core/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <vector>

namespace kopru::certificates {

// What issueCertificates did.
struct IssueSummary
{
    int issued = 0; // new certificates (a new number and code)
    int reissued = 0; // existing ones issued again (number and code kept)
    std::vector<int> placementIds; // every placement certified, in the order of printing
};

// How many certificates issueCertificates(scope) would make.
struct IssuePreview
{
    int completed = 0; // completed placements in the scope
    int alreadyIssued = 0; // of which a certificate exists (re-issued)
};

// Issues the certificates of the completed placements of `scope` in one write
// transaction: a placement without a certificate gets a new number
// "KPR-<year>-<centre>-<sequence>" (certificatenumber.h; the sequence counts
// per year of issue and centre) and a new verification code; an existing
// certificate keeps both, its issued_at becomes `at` and its issue_count
// grows by one. A list of placements (CertificateScope::placements) is
// refused as a whole, nothing written, when one of them is unknown or not
// completed; an unknown session or centre is refused too. `at` defaults to now.
Expected<IssueSummary> issueCertificates(QSqlDatabase db, const CertificateScope &scope, QDateTime at = {});

Expected<IssuePreview> previewIssue(QSqlDatabase db, const CertificateScope &scope);

} // namespace kopru::certificates
