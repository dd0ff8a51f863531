// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder until the export dialog is built.
#include "pages/pageregistry.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace kopru {

void runExportDialog(Database *, QWidget *parent)
{
    QMessageBox::information(parent, QCoreApplication::translate("ExportDialog", "Export"),
                             QCoreApplication::translate("ExportDialog", "The export dialog is in preparation."));
}

} // namespace kopru
