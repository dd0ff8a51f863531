// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/pagewiring.h"

#include "models/editing/changenotifier.h"
#include "views/pages/page.h"

#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTimer>

namespace kopru::PageWiring {

void restoreSplitter(QSplitter *splitter, const QString &pageName)
{
    const QByteArray state = QSettings().value(QStringLiteral("pages/%1/splitter").arg(pageName)).toByteArray();
    if (state.isEmpty() || !splitter->restoreState(state))
        splitter->setSizes({ 600, 400 }); // table 60 %, detail 40 % until the user moves it
    QObject::connect(splitter, &QSplitter::splitterMoved, splitter, [splitter, pageName] { saveSplitter(splitter, pageName); });
}

void saveSplitter(const QSplitter *splitter, const QString &pageName)
{
    QSettings().setValue(QStringLiteral("pages/%1/splitter").arg(pageName), splitter->saveState());
}

void forwardChanges(Page *page)
{
    auto *coalesce = new QTimer(page);
    coalesce->setSingleShot(true);
    coalesce->setInterval(0);
    QObject::connect(coalesce, &QTimer::timeout, page, &Page::dataModified);
    ChangeNotifier *n = ChangeNotifier::instance();
    const auto changed = [page, coalesce, n] {
        // Other users' changes reach every page by its own LiveRefresh.
        if (page->isVisible() && !n->isDeliveringOthers())
            coalesce->start();
    };
    QObject::connect(n, &ChangeNotifier::rowsChanged, page, changed);
    QObject::connect(n, &ChangeNotifier::tableChanged, page, changed);
    QObject::connect(n, &ChangeNotifier::failed, page, [page](const QString &reason) {
        if (page->isVisible())
            emit page->statusMessage(reason, 10000);
    });
    offerReload(page);
}

void offerReload(Page *page)
{
    QObject::connect(
        ChangeNotifier::instance(), &ChangeNotifier::staleRefused, page, [page](const QString &table, const QString &reason) {
            if (!page->isVisible())
                return;
            // After the refusal has been handled (the editor shows it too).
            QTimer::singleShot(0, page, [page, table, reason] {
                QMessageBox box(QMessageBox::Warning, Page::tr("Changed by someone else"), reason, QMessageBox::Close, page);
                QPushButton *reload = box.addButton(Page::tr("Reload"), QMessageBox::AcceptRole);
                box.setDefaultButton(reload);
                box.exec();
                if (box.clickedButton() == reload)
                    ChangeNotifier::instance()->notifyAll(table);
            });
        });
}

} // namespace kopru::PageWiring
