// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/certificates/certificatecontent.h"
#include "models/core/result.h"
#include "models/document/document.h"

#include <QStringList>
#include <vector>

namespace kopru::certificates {

// The certificates of participation as one A4 document, one certificate a
// page (a section each, its number and code in the page's footer), in the
// current language (QCoreApplication::translate and the default QLocale:
// hold a report::ReportLanguage to make them in another language than the
// UI's, as the dialog and kopru-cli certificates do; Turkish by default).
document::Document certificatesDocument(const std::vector<CertificateContent> &certificates);

// Writes certificatesDocument as one PDF (document::writePdf: complete or not
// at all). Returns the page count.
Expected<int> writeCertificatesPdf(const std::vector<CertificateContent> &certificates, const QString &path);

// One PDF per certificate in folder `dir` (made when missing), named after
// the certificate's number ("KPR-2027-007-00001.pdf"); an existing file of
// that name is replaced. Stops at the first error. Returns the files written.
Expected<QStringList> writeCertificateFiles(const std::vector<CertificateContent> &certificates, const QString &dir);

} // namespace kopru::certificates
