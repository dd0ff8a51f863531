// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

namespace kopru {

// Help ▸ About Köprü: version, licence, Qt version and what the program does.
void showAboutDialog(QWidget *parent);

} // namespace kopru
