// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QCoreApplication;

namespace kopru::LanguageSetup {

// The UI language: "tr" or "en". `preferred` is "auto", "tr" or "en"; "auto"
// follows the system (Turkish on a Turkish system, English otherwise).
QString resolve(const QString &preferred);

// Installs Köprü's catalogue and Qt's own (qtbase_tr) for `language` on the
// application and sets the default QLocale to match. Returns the language.
QString install(QCoreApplication &app, const QString &preferred);

// The preference stored in QSettings ("auto" when unset).
QString storedPreference();
void storePreference(const QString &preferred);

} // namespace kopru::LanguageSetup
