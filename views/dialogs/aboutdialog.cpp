// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/dialogs/aboutdialog.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace kopru {

void showAboutDialog(QWidget *parent)
{
    const QString text
        = QStringLiteral("<h3>%1 %2</h3><p>%3</p><p>%4</p><p>%5</p>")
              .arg(QCoreApplication::translate("AboutDialog", "Köprü"), QStringLiteral(KOPRU_VERSION),
                  QCoreApplication::translate("AboutDialog",
                      "Plans the on-the-job training of vocational teachers in industry for the Sectoral Excellence Centres."),
                  QCoreApplication::translate("AboutDialog", "Licence: GPL-3.0-or-later"),
                  QCoreApplication::translate("AboutDialog", "Built with Qt %1 (running on Qt %2).")
                      .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    QMessageBox::about(parent, QCoreApplication::translate("AboutDialog", "About Köprü"), text);
}

} // namespace kopru
