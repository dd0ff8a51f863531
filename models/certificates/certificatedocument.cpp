// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/certificates/certificatedocument.h"

#include "models/certificates/certificatenumber.h"
#include "models/document/pdfwriter.h"
#include "models/report/reportlanguage.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <cmath>

namespace kopru::certificates {

namespace {

// The texts are in the context "Certificates" (as the issuer's messages),
// written out: lupdate loses a class's context after a "document::" qualifier.
using document::TextStyle;

// Competencies listed one a line up to this many, else in one paragraph.
constexpr std::size_t kCompetencyLines = 10;

// "72" or "72,5".
QString hoursText(double hours)
{
    const bool whole = std::abs(hours - std::round(hours)) < 1e-9;
    return QLocale().toString(hours, 'f', whole ? 0 : 1);
}

// "21 Haziran 2027", "21 June 2027".
QString dayText(const QDate &day)
{
    return QLocale().toString(day, QStringLiteral("d MMMM yyyy"));
}

QString issuedDate(const QString &utc)
{
    const QDate day = QDate::fromString(utc.left(10), Qt::ISODate);
    return day.isValid() ? dayText(day) : utc;
}

document::Section certificatePage(const CertificateContent &c)
{
    document::Section page;
    page.name = c.number;
    std::vector<document::Block> &out = page.blocks;
    const bool turkish = report::ReportLanguage::current() == QLatin1String("tr");

    if (!c.centreName.isEmpty())
        out.push_back(document::paragraph(c.centreName, TextStyle::Lead));
    out.push_back(document::paragraph(
        QCoreApplication::translate("Certificates", "Vocational Teacher Training Programme"), TextStyle::Small));
    out.push_back(document::spacer(12));
    out.push_back(
        document::paragraph(QCoreApplication::translate("Certificates", "CERTIFICATE OF PARTICIPATION"), TextStyle::Title));
    out.push_back(document::spacer(10));
    out.push_back(document::paragraph(QCoreApplication::translate("Certificates", "This is to certify that"), TextStyle::Lead));
    out.push_back(document::spacer(4));
    out.push_back(document::paragraph(c.teacherName, TextStyle::Subtitle));
    out.push_back(document::spacer(4));
    const QString field = turkish || c.fieldEn.isEmpty() ? c.fieldTr : c.fieldEn;
    out.push_back(document::paragraph(
        QCoreApplication::translate("Certificates",
            "took part in the on-the-job training for teachers of the field %1 at %2 from %3 to %4 and completed it "
            "with %5 hours of training.")
            .arg(field, c.partnerName, dayText(c.start), dayText(c.end), hoursText(c.hoursAttended)),
        TextStyle::Lead));
    out.push_back(document::spacer(8));

    const QString partner
        = c.partnerProvince.isEmpty() ? c.partnerName : c.partnerName + QStringLiteral(", ") + c.partnerProvince;
    QString hours = QCoreApplication::translate("Certificates", "%1 hours").arg(hoursText(c.hoursAttended));
    if (c.attendanceRecorded && std::abs(c.hoursAttended - c.hoursPlanned) > 1e-9)
        hours = QCoreApplication::translate("Certificates", "%1 of %2 hours")
                    .arg(hoursText(c.hoursAttended), hoursText(c.hoursPlanned));
    std::vector<std::pair<QString, QString>> facts {
        { QCoreApplication::translate("Certificates", "Field"), QStringLiteral("%1 – %2").arg(c.fieldCode, field) },
        { QCoreApplication::translate("Certificates", "Company"), partner },
        { QCoreApplication::translate("Certificates", "Dates"), QStringLiteral("%1 – %2").arg(dayText(c.start), dayText(c.end)) },
        { QCoreApplication::translate("Certificates", "Training hours"), hours },
    };
    if (!c.centreName.isEmpty())
        facts.push_back({ QCoreApplication::translate("Certificates", "Centre"),
            c.centreProvince.isEmpty() ? c.centreName : c.centreName + QStringLiteral(", ") + c.centreProvince });
    out.push_back(document::keyValues(std::move(facts)));

    if (!c.competencies.empty()) {
        out.push_back(document::heading(QCoreApplication::translate("Certificates", "Competencies covered")));
        std::vector<std::pair<QString, QString>> competencies;
        QStringList inLine;
        for (const CoveredCompetency &k : c.competencies) {
            const QString title = turkish || k.titleEn.isEmpty() ? k.titleTr : k.titleEn;
            competencies.push_back({ k.code, title });
            inLine << k.code + QLatin1Char(' ') + title;
        }
        // A long list as one paragraph, so that the certificate stays on its page.
        if (competencies.size() <= kCompetencyLines)
            out.push_back(document::keyValues(std::move(competencies)));
        else
            out.push_back(document::paragraph(inLine.join(QStringLiteral("; "))));
    }

    out.push_back(document::spacer(12));
    out.push_back(document::paragraph(QStringLiteral("______________________________"), TextStyle::Lead));
    out.push_back(document::paragraph(QCoreApplication::translate("Certificates", "Head of the centre"), TextStyle::Small));
    out.push_back(document::spacer(10));
    out.push_back(document::keyValues({
        { QCoreApplication::translate("Certificates", "Certificate number"), c.number },
        { QCoreApplication::translate("Certificates", "Verification code"), displayCode(c.code) },
        { QCoreApplication::translate("Certificates", "Issued on"), issuedDate(c.issuedAt) },
    }));
    page.footerNote
        = QCoreApplication::translate("Certificates", "Verification at the issuing centre: kopru-cli verify-certificate DB %1 %2")
              .arg(c.number, displayCode(c.code));
    return page;
}

} // namespace

document::Document certificatesDocument(const std::vector<CertificateContent> &certificates)
{
    document::Document doc;
    doc.title = QCoreApplication::translate("Certificates", "Certificates of participation");
    doc.pageHeader = false;
    doc.pageNumbers = false;
    doc.marginMm = 22;
    doc.frameMm = 9;
    doc.typography.body = 11;
    for (const CertificateContent &c : certificates)
        doc.sections.push_back(certificatePage(c));
    return doc;
}

Expected<int> writeCertificatesPdf(const std::vector<CertificateContent> &certificates, const QString &path)
{
    if (certificates.empty())
        return Error { QCoreApplication::translate("Certificates", "There is no certificate to write."), path, 0, 0 };
    return document::writePdf(certificatesDocument(certificates), path);
}

Expected<QStringList> writeCertificateFiles(const std::vector<CertificateContent> &certificates, const QString &dir)
{
    if (!QDir().mkpath(dir))
        return Error { QCoreApplication::translate("Certificates", "The folder cannot be made."), dir, 0, 0 };
    QStringList written;
    for (const CertificateContent &c : certificates) {
        const QString path = QDir(dir).filePath(c.number + QStringLiteral(".pdf"));
        auto pages = document::writePdf(certificatesDocument({ c }), path);
        if (!pages)
            return pages.error();
        written << path;
    }
    return written;
}

} // namespace kopru::certificates
