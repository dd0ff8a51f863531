// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/liverefresh.h"

#include "models/editing/changenotifier.h"
#include "views/pages/page.h"
#include "views/pages/viewstate.h"

#include <algorithm>

namespace kopru {

LiveRefresh *LiveRefresh::follow(Page *page, const QStringList &tables)
{
    return new LiveRefresh(page, tables);
}

LiveRefresh::LiveRefresh(Page *page, const QStringList &tables)
    : QObject(page)
    , m_page(page)
    , m_tables(tables)
{
    setObjectName(QStringLiteral("liveRefresh"));
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &LiveRefresh::refreshNow);
    connect(ChangeNotifier::instance(), &ChangeNotifier::othersChanged, this, &LiveRefresh::changed);
}

void LiveRefresh::changed(const QStringList &tables)
{
    if (std::none_of(tables.cbegin(), tables.cend(), [this](const QString &t) { return m_tables.contains(t); }))
        return;
    if (!m_page->isVisible()) {
        m_page->markStale();
        return;
    }
    if (!m_pendingSince.isValid())
        m_pendingSince.start();
    // Waits for a pause, but not beyond kMaxWaitMs after the first change.
    const qint64 left = kMaxWaitMs - m_pendingSince.elapsed();
    m_timer.start(int(std::clamp<qint64>(left, 0, kQuietMs)));
}

void LiveRefresh::refreshNow()
{
    m_pendingSince.invalidate();
    if (!m_page->isVisible()) {
        m_page->markStale();
        return;
    }
    const ViewState state = ViewState::save(m_page);
    // Painted once, when everything is in place.
    m_page->setUpdatesEnabled(false);
    m_page->refresh();
    state.restore();
    m_page->setUpdatesEnabled(true);
    ++m_refreshes;
    emit refreshed();
}

} // namespace kopru
