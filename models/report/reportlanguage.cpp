// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/report/reportlanguage.h"

#include <QCoreApplication>
#include <QTranslator>

namespace kopru::report {

namespace {

// English is the source language: a translator that answers every text with
// its source hides the Turkish catalogue installed before it.
class SourceTextTranslator : public QTranslator
{
public:
    QString translate(const char *, const char *sourceText, const char *, int) const override
    {
        return QString::fromUtf8(sourceText);
    }
    bool isEmpty() const override { return false; }
};

} // namespace

ReportLanguage::ReportLanguage(const QString &language)
{
    if (language == current())
        return;
    const bool turkish = language == QLatin1String("tr");
    const QLocale locale
        = turkish ? QLocale(QLocale::Turkish, QLocale::Turkey) : QLocale(QLocale::English, QLocale::UnitedKingdom);
    QLocale::setDefault(locale);
    if (turkish) {
        m_translator = std::make_unique<QTranslator>();
        if (!m_translator->load(locale, QStringLiteral("kopru"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            m_translator.reset();
    } else {
        m_translator = std::make_unique<SourceTextTranslator>();
    }
    if (m_translator)
        QCoreApplication::installTranslator(m_translator.get());
}

ReportLanguage::~ReportLanguage()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    QLocale::setDefault(m_previous);
}

QString ReportLanguage::current()
{
    return QLocale().language() == QLocale::Turkish ? QStringLiteral("tr") : QStringLiteral("en");
}

} // namespace kopru::report
