// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace kopru::JsonText {

// Appends `text` to `out` as a JSON string, quotes included, escaped exactly
// as QJsonDocument::toJson() escapes it: `"` and `\` by a backslash, the
// control characters below U+0020 as \b \f \n \r \t or \u00xx, a surrogate
// without its pair as \uxxxx (lower-case hex), everything else as it is.
// For output written straight where building a QJsonDocument of many small
// objects first costs more than the text (PlanReason::encode, plan --json).
void appendQuoted(QString &out, QStringView text);

} // namespace kopru::JsonText
