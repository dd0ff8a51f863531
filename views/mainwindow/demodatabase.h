// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace kopru {

// Where the demo database lives: demo.kopru in the per-user application data folder.
QString demoDatabasePath();

// Builds the demo database (DemoGenerator defaults, national scale) at
// demoDatabasePath(), replacing an earlier one, in a worker thread while a
// progress dialog keeps the UI alive. Returns the path, or an empty string
// after telling the user what went wrong. The file must not be open.
QString buildDemoDatabase(QWidget *parent);

} // namespace kopru
