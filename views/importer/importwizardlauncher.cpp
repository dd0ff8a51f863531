// SPDX-License-Identifier: GPL-3.0-or-later
// Placeholder until the import wizard is built.
#include "pages/pageregistry.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace kopru {

bool runImportWizard(Database *, QWidget *parent)
{
    QMessageBox::information(parent, QCoreApplication::translate("ImportWizard", "Import"),
                             QCoreApplication::translate("ImportWizard", "The import wizard is in preparation."));
    return false;
}

} // namespace kopru
