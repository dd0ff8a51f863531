// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/page.h"

#include "views/pages/tablesnapshot.h"
#include "views/printing/printpreview.h"

#include <QMessageBox>
#include <QTableView>

namespace kopru {

bool Page::deferWhileHidden()
{
    m_stale = !isVisible();
    return m_stale;
}

bool Page::canPrint() const
{
    const QTableView *table = printTable();
    return table && table->model() && table->model()->columnCount() > 0;
}

void Page::print()
{
    const QTableView *table = printTable();
    if (!table)
        return;
    if (const Status printed = showPrintPreview(TableSnapshot::of(table, false).toDocument(pageTitle()), this); !printed)
        QMessageBox::warning(this, tr("Print"), printed.message());
}

void Page::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

} // namespace kopru
