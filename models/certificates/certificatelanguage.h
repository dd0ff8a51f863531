// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <memory>
#include <optional>

class QTranslator;

namespace kopru::certificates {

// The language a certificate is written in, which need not be the UI's: the
// certificate's words are marked with QT_TRANSLATE_NOOP("CertificateText", …)
// and translated here with Köprü's own catalogue (:/i18n, compiled into both
// programs); without the catalogue (a test linking the library only) they
// stay in English.
class CertificateLanguage
{
public:
    enum class Language { Turkish, English };

    explicit CertificateLanguage(Language language = Language::Turkish);

    Language language() const { return m_language; }
    bool isTurkish() const { return m_language == Language::Turkish; }
    // `source` (marked QT_TRANSLATE_NOOP("CertificateText", …)) in this language.
    QString text(const char *source) const;
    // Numbers and dates in this language ("1.234", "12 Mart 2027").
    QLocale locale() const;
    QString date(const QDate &date) const;
    // "tr" or "en".
    QString code() const;

    // "tr" or "en" (any case); nullopt for anything else.
    static std::optional<Language> fromCode(const QString &code);

private:
    Language m_language;
    std::shared_ptr<QTranslator> m_translator;
};

} // namespace kopru::certificates
