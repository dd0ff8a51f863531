// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/importer/importwizard.h"
#include "views/pages/pageregistry.h"

namespace kopru {

bool runImportWizard(Database *db, QWidget *parent)
{
    if (!db)
        return false;
    ImportWizard wizard(db, parent);
    wizard.exec();
    return wizard.committed();
}

} // namespace kopru
