// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <memory>

class QTranslator;

namespace kopru::report {

// While it lives, texts translated through QCoreApplication::translate and
// numbers formatted with the default QLocale come out in `language` ("tr" or
// "en"), whatever the user interface's language: a report can be made in the
// other language. Turkish comes from the catalogue compiled into the
// programs (:/i18n/kopru_tr.qm); where it is missing (a test that links the
// models only) the texts stay English. The previous language comes back when
// it is destroyed.
class ReportLanguage
{
public:
    explicit ReportLanguage(const QString &language);
    ~ReportLanguage();
    ReportLanguage(const ReportLanguage &) = delete;
    ReportLanguage &operator=(const ReportLanguage &) = delete;

    // "tr" when the default locale is Turkish, else "en".
    static QString current();

private:
    QLocale m_previous;
    std::unique_ptr<QTranslator> m_translator;
};

} // namespace kopru::report
