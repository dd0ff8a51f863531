// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/changelistener.h"

#include "models/db/servernotify.h"
#include "models/editing/changenotifier.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlError>
#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcChanges, "kopru.db.changes")

namespace kopru {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(ChangeListener)
};

} // namespace

ChangeListener::ChangeListener(const QSqlDatabase &db, QObject *parent)
    : QObject(parent)
    , m_driver(db.driver())
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &ChangeListener::flush);
}

ChangeListener::~ChangeListener()
{
    if (m_listening && m_driver && m_driver->isOpen())
        m_driver->unsubscribeFromNotification(ServerNotify::channel());
}

Status ChangeListener::follow(const QSqlDatabase &db)
{
    QSqlDriver *driver = db.driver();
    if (!driver || driver->dbmsType() != QSqlDriver::PostgreSQL || driver->findChild<ChangeListener *>())
        return {};
    auto *listener = new ChangeListener(db, driver);
    if (Status s = listener->start(); !s) {
        delete listener;
        return s;
    }
    return {};
}

Status ChangeListener::start()
{
    if (m_listening)
        return {};
    // Only a server's triggers notify (QSQLITE's notifications are of
    // another kind: changes through the same connection).
    if (!m_driver || m_driver->dbmsType() != QSqlDriver::PostgreSQL)
        return Status::failure(Text::tr("this database cannot tell about other users' changes"));
    connect(m_driver, &QSqlDriver::notification, this, &ChangeListener::take);
    if (!m_driver->subscribeToNotification(ServerNotify::channel())) {
        disconnect(m_driver, &QSqlDriver::notification, this, &ChangeListener::take);
        return Status::failure(
            Text::tr("cannot listen for other users' changes: %1").arg(m_driver->lastError().text().trimmed()));
    }
    m_listening = true;
    return {};
}

void ChangeListener::take(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload)
{
    // Our own changes were announced by the commands that made them.
    if (name != ServerNotify::channel() || source == QSqlDriver::SelfSource)
        return;
    const auto change = ServerNotify::parse(payload.toString());
    if (!change) {
        qCWarning(lcChanges) << "ignoring the notification" << payload.toString();
        return;
    }
    ++m_received;
    if (!m_tables.contains(change->table)) {
        QSet<int> &ids = m_rows[change->table];
        if (change->ids.isEmpty() || ids.size() + change->ids.size() > kMaxIds) {
            m_rows.remove(change->table);
            m_tables.insert(change->table);
        } else {
            ids.unite(QSet<int>(change->ids.cbegin(), change->ids.cend()));
        }
    }
    // Not restarted by later notifications: a steady stream is passed on
    // every kDelayMs, never held back.
    if (!m_timer.isActive())
        m_timer.start();
}

void ChangeListener::flush()
{
    const QSet<QString> tables = std::exchange(m_tables, {});
    const QHash<QString, QSet<int>> rows = std::exchange(m_rows, {});
    QHash<QString, QList<int>> changedRows;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        QList<int> ids(it.value().cbegin(), it.value().cend());
        std::sort(ids.begin(), ids.end());
        changedRows.insert(it.key(), ids);
    }
    QStringList changedTables(tables.cbegin(), tables.cend());
    changedTables.sort();
    ChangeNotifier::instance()->notifyOthers(changedRows, changedTables);
}

} // namespace kopru
