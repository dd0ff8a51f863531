// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace kopru {

class Page;

// Other users' changes on a server database (ChangeListener →
// ChangeNotifier::othersChanged) reload a page that shows the tables they
// touched, without a refresh by hand (docs/server.md). Coalesced: the page
// reloads once the changes have paused for kQuietMs — a burst of thousands of
// statements elsewhere gives one reload after it — and at the latest
// kMaxWaitMs after the first one, so a steady stream still shows. The reload
// keeps the current row and scroll position of the page's tables (ViewState)
// and is painted once. A hidden page reloads when it is next shown.
class LiveRefresh final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kQuietMs = 300;
    static constexpr int kMaxWaitMs = 3000;

    // From now on `page` follows other users' changes of `tables`; the
    // returned object belongs to the page.
    static LiveRefresh *follow(Page *page, const QStringList &tables);

    const QStringList &tables() const { return m_tables; }
    // Reloads so far (for tests and measurements).
    int refreshCount() const { return m_refreshes; }

signals:
    // The page was reloaded for other users' changes.
    void refreshed();

private:
    LiveRefresh(Page *page, const QStringList &tables);
    void changed(const QStringList &tables);
    void refreshNow();

    Page *m_page;
    QStringList m_tables;
    QTimer m_timer;
    QElapsedTimer m_pendingSince; // valid while a reload is due
    int m_refreshes = 0;
};

} // namespace kopru
