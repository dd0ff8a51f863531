// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/exporter/exportdialog.h"
#include "views/pages/pageregistry.h"

namespace kopru {

void runExportDialog(Database *db, QWidget *parent)
{
    ExportDialog dialog(db, parent);
    dialog.exec();
}

} // namespace kopru
