// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/certificates/certificatedocument.h"

#include "models/certificates/certificatenumber.h"
#include "models/document/pdfwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <cmath>

namespace kopru::certificates {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(Certificates)
};

using document::TextStyle;

// Competencies listed one a line up to this many, else in one paragraph.
constexpr std::size_t kCompetencyLines = 10;

// "72" or "72,5" in the certificate's language.
QString hoursText(const CertificateLanguage &l, double hours)
{
    const bool whole = std::abs(hours - std::round(hours)) < 1e-9;
    return l.locale().toString(hours, 'f', whole ? 0 : 1);
}

QString issuedDate(const CertificateLanguage &l, const QString &utc)
{
    const QDate day = QDate::fromString(utc.left(10), Qt::ISODate);
    return day.isValid() ? l.date(day) : utc;
}

document::Section certificatePage(const CertificateContent &c, const CertificateLanguage &l)
{
    document::Section page;
    page.name = c.number;
    std::vector<document::Block> &out = page.blocks;
    const auto t = [&l](const char *source) { return l.text(source); };

    if (!c.centreName.isEmpty())
        out.push_back(document::paragraph(c.centreName, TextStyle::Lead));
    out.push_back(
        document::paragraph(t(QT_TRANSLATE_NOOP("CertificateText", "Vocational Teacher Training Programme")), TextStyle::Small));
    out.push_back(document::spacer(12));
    out.push_back(document::paragraph(t(QT_TRANSLATE_NOOP("CertificateText", "CERTIFICATE OF PARTICIPATION")), TextStyle::Title));
    out.push_back(document::spacer(10));
    out.push_back(document::paragraph(t(QT_TRANSLATE_NOOP("CertificateText", "This is to certify that")), TextStyle::Lead));
    out.push_back(document::spacer(4));
    out.push_back(document::paragraph(c.teacherName, TextStyle::Subtitle));
    out.push_back(document::spacer(4));
    const QString field = l.isTurkish() || c.fieldEn.isEmpty() ? c.fieldTr : c.fieldEn;
    out.push_back(document::paragraph(
        t(QT_TRANSLATE_NOOP("CertificateText",
              "took part in the on-the-job training for teachers of the field %1 at %2 from %3 to %4 and completed it "
              "with %5 hours of training."))
            .arg(field, c.partnerName, l.date(c.start), l.date(c.end), hoursText(l, c.hoursAttended)),
        TextStyle::Lead));
    out.push_back(document::spacer(8));

    const QString partner
        = c.partnerProvince.isEmpty() ? c.partnerName : c.partnerName + QStringLiteral(", ") + c.partnerProvince;
    QString hours = t(QT_TRANSLATE_NOOP("CertificateText", "%1 hours")).arg(hoursText(l, c.hoursAttended));
    if (c.attendanceRecorded && std::abs(c.hoursAttended - c.hoursPlanned) > 1e-9)
        hours = t(QT_TRANSLATE_NOOP("CertificateText", "%1 of %2 hours"))
                    .arg(hoursText(l, c.hoursAttended), hoursText(l, c.hoursPlanned));
    std::vector<std::pair<QString, QString>> facts {
        { t(QT_TRANSLATE_NOOP("CertificateText", "Field")), QStringLiteral("%1 – %2").arg(c.fieldCode, field) },
        { t(QT_TRANSLATE_NOOP("CertificateText", "Company")), partner },
        { t(QT_TRANSLATE_NOOP("CertificateText", "Dates")), QStringLiteral("%1 – %2").arg(l.date(c.start), l.date(c.end)) },
        { t(QT_TRANSLATE_NOOP("CertificateText", "Training hours")), hours },
    };
    if (!c.centreName.isEmpty())
        facts.push_back({ t(QT_TRANSLATE_NOOP("CertificateText", "Centre")),
            c.centreProvince.isEmpty() ? c.centreName : c.centreName + QStringLiteral(", ") + c.centreProvince });
    out.push_back(document::keyValues(std::move(facts)));

    if (!c.competencies.empty()) {
        out.push_back(document::heading(t(QT_TRANSLATE_NOOP("CertificateText", "Competencies covered"))));
        std::vector<std::pair<QString, QString>> competencies;
        QStringList inLine;
        for (const CoveredCompetency &k : c.competencies) {
            const QString title = l.isTurkish() || k.titleEn.isEmpty() ? k.titleTr : k.titleEn;
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
    out.push_back(document::paragraph(t(QT_TRANSLATE_NOOP("CertificateText", "Head of the centre")), TextStyle::Small));
    out.push_back(document::spacer(10));
    out.push_back(document::keyValues({
        { t(QT_TRANSLATE_NOOP("CertificateText", "Certificate number")), c.number },
        { t(QT_TRANSLATE_NOOP("CertificateText", "Verification code")), displayCode(c.code) },
        { t(QT_TRANSLATE_NOOP("CertificateText", "Issued on")), issuedDate(l, c.issuedAt) },
    }));
    page.footerNote
        = t(QT_TRANSLATE_NOOP("CertificateText", "Verification at the issuing centre: kopru-cli verify-certificate DB %1 %2"))
              .arg(c.number, displayCode(c.code));
    return page;
}

} // namespace

document::Document certificatesDocument(const std::vector<CertificateContent> &certificates, const CertificateLanguage &language)
{
    document::Document doc;
    doc.title = language.text(QT_TRANSLATE_NOOP("CertificateText", "Certificates of participation"));
    doc.pageHeader = false;
    doc.pageNumbers = false;
    doc.marginMm = 22;
    doc.frameMm = 9;
    doc.typography.body = 11;
    for (const CertificateContent &c : certificates)
        doc.sections.push_back(certificatePage(c, language));
    return doc;
}

Expected<int> writeCertificatesPdf(
    const std::vector<CertificateContent> &certificates, const CertificateLanguage &language, const QString &path)
{
    if (certificates.empty())
        return Error { Text::tr("There is no certificate to write."), path, 0, 0 };
    return document::writePdf(certificatesDocument(certificates, language), path);
}

Expected<QStringList> writeCertificateFiles(
    const std::vector<CertificateContent> &certificates, const CertificateLanguage &language, const QString &dir)
{
    if (!QDir().mkpath(dir))
        return Error { Text::tr("The folder cannot be made."), dir, 0, 0 };
    QStringList written;
    for (const CertificateContent &c : certificates) {
        const QString path = QDir(dir).filePath(c.number + QStringLiteral(".pdf"));
        auto pages = document::writePdf(certificatesDocument({ c }, language), path);
        if (!pages)
            return pages.error();
        written << path;
    }
    return written;
}

} // namespace kopru::certificates
