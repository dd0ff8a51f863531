// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/page.h"

#include "views/pages/tablesnapshot.h"
#include "views/printing/printpreview.h"

#include <QMessageBox>
#include <QTableView>
#include <utility>

namespace kopru {

void Page::attachDatabase(Database *db)
{
    if (db && !isVisible()) {
        m_pending = db;
        return;
    }
    m_pending = nullptr;
    m_stale = false;
    setDatabase(db);
}

bool Page::deferWhileHidden()
{
    // A page that has not loaded its database yet has nothing to refresh.
    m_stale = !isVisible() || m_pending;
    return m_stale;
}

void Page::markStale()
{
    // A page that has not loaded its database yet loads everything when shown.
    if (!m_pending)
        m_stale = true;
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
    if (Database *db = std::exchange(m_pending, nullptr)) {
        m_stale = false; // setDatabase() loads everything
        setDatabase(db);
    } else if (m_stale) {
        refresh();
    }
}

} // namespace kopru
