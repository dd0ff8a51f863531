// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariant>
#include <utility>
#include <vector>

class QComboBox;
class QSqlQuery;

namespace kopru {

// A combo box of long names (fields, centres, provinces) sized to about
// `characters` characters instead of its longest entry, so that it never
// widens the window (issue #18); its list still shows the names whole.
void makeCompact(QComboBox *combo, int characters = 18);

// Adds the rows of `query` (data in column 0, text in column 1) to `combo`,
// in Turkish alphabetical order ("İHKİB" before "Tophane"), which SQLite's
// ORDER BY does not know.
void addInTurkishOrder(QComboBox *combo, QSqlQuery &query);

} // namespace kopru
