// SPDX-License-Identifier: GPL-3.0-or-later
// The UI language the user chose (Preferences), stored in QSettings. GUI-free:
// both programs read it; app/common/translations.h installs the catalogues.
#pragma once

#include <QString>

namespace kopru::LanguagePreference {

// The UI language: "tr" or "en". `preferred` is "auto", "tr" or "en"; "auto"
// follows the system (Turkish on a Turkish system, English otherwise).
QString resolve(const QString &preferred);

// The preference stored in QSettings ("auto" when unset).
QString stored();
void store(const QString &preferred);

// Of a name kept in both languages (reference data: fields, competencies,
// provinces, centres), the one in the UI language (QLocale's default, set when
// the catalogues are installed): Turkish in a Turkish UI, else English unless
// the record has no English name.
QString uiName(const QString &turkish, const QString &english);

} // namespace kopru::LanguagePreference
