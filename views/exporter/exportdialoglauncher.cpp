// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter/exportdialog.h"
#include "pages/pageregistry.h"

namespace kopru {

void runExportDialog(Database *db, QWidget *parent)
{
    ExportDialog dialog(db, parent);
    dialog.exec();
}

} // namespace kopru
