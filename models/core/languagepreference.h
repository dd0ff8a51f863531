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

} // namespace kopru::LanguagePreference
