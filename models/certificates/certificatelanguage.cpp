// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/certificates/certificatelanguage.h"

#include <QDate>
#include <QTranslator>

namespace kopru::certificates {

CertificateLanguage::CertificateLanguage(Language language)
    : m_language(language)
{
    if (language != Language::Turkish)
        return;
    auto translator = std::make_shared<QTranslator>();
    if (translator->load(QStringLiteral(":/i18n/kopru_tr.qm")))
        m_translator = std::move(translator);
}

QString CertificateLanguage::text(const char *source) const
{
    if (m_translator) {
        const QString translated = m_translator->translate("CertificateText", source);
        if (!translated.isEmpty())
            return translated;
    }
    return QString::fromUtf8(source);
}

QLocale CertificateLanguage::locale() const
{
    return isTurkish() ? QLocale(QLocale::Turkish, QLocale::Turkey) : QLocale(QLocale::English, QLocale::UnitedKingdom);
}

QString CertificateLanguage::date(const QDate &date) const
{
    return locale().toString(date, QStringLiteral("d MMMM yyyy"));
}

QString CertificateLanguage::code() const
{
    return isTurkish() ? QStringLiteral("tr") : QStringLiteral("en");
}

std::optional<CertificateLanguage::Language> CertificateLanguage::fromCode(const QString &code)
{
    const QString c = code.trimmed().toLower();
    if (c == QLatin1String("tr"))
        return Language::Turkish;
    if (c == QLatin1String("en"))
        return Language::English;
    return std::nullopt;
}

} // namespace kopru::certificates
