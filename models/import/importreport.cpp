// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/importreport.h"

#include <QCoreApplication>

namespace kopru {

QString ImportReport::summary() const
{
    const QString what = kind == ImportKind::Needs ? QCoreApplication::translate("ImportReport", "need ratings")
                                                   : QCoreApplication::translate("ImportReport", "rows");
    const QString counts
        = QCoreApplication::translate("ImportReport", "%1: %2 %3 inserted, %4 updated, %5 skipped")
              .arg(ImportKinds::name(kind), QString::number(inserted), what, QString::number(updated), QString::number(skipped));
    if (dryRun)
        return QCoreApplication::translate("ImportReport", "dry run, nothing written: %1").arg(counts);
    return counts;
}

} // namespace kopru
