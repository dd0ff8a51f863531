// SPDX-License-Identifier: GPL-3.0-or-later
// Köprü's translations reach the programs here: the catalogues
// (translations/kopru_*.ts) are compiled into this library under :/i18n.
#pragma once

#include <QString>

class QCoreApplication;

namespace kopru::Translations {

// Installs Köprü's catalogue and Qt's own (qtbase_tr) for `language` ("tr" or
// "en", as LanguagePreference::resolve gives it; English is the source
// language and needs none) on `app`, and sets the default QLocale to match.
// The catalogues of an earlier call are removed first, so that a change of
// language in Preferences takes effect at once. Returns the language installed.
QString install(QCoreApplication &app, const QString &language);

} // namespace kopru::Translations
