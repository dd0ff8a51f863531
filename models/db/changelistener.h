// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QTimer>
#include <QVariant>

namespace kopru {

// Shows other users' changes of a server database without a refresh: listens
// on the channel the server's triggers notify (ServerNotify) and passes what
// changed to ChangeNotifier, whose signals every item model already reloads
// on. Notifications are gathered for kDelayMs and then sent once per table —
// a burst (an import of millions of rows elsewhere) gives one reload per
// table and delay, not one per statement. Notifications caused through this
// very connection are left out: the command that made the change has told
// ChangeNotifier already. Lives in the connection's thread, which must run an
// event loop. Started by follow(), where the GUI takes a database.
class ChangeListener final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDelayMs = 100;
    // More changed ids of one table than this in one delay: reload the table.
    static constexpr int kMaxIds = 200;

    // For a window that shows `db`: other users' changes of a server
    // database reach ChangeNotifier from now on, for as long as the
    // connection lives (the listener belongs to its driver). Nothing for a
    // file; a second call changes nothing. Call in the thread that runs the
    // window's event loop.
    static Status follow(const QSqlDatabase &db);

    explicit ChangeListener(const QSqlDatabase &db, QObject *parent = nullptr);
    ~ChangeListener() override;

    // Starts listening (LISTEN on the server); an error when the driver
    // cannot (not a server database).
    Status start();
    bool isListening() const { return m_listening; }

    // Notifications of other sessions received so far (for tests and
    // measurements).
    qint64 received() const { return m_received; }

private:
    void take(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    void flush();

    QPointer<QSqlDriver> m_driver;
    QTimer m_timer;
    QHash<QString, QSet<int>> m_rows; // table → ids changed
    QSet<QString> m_tables; // tables changed as a whole
    qint64 m_received = 0;
    bool m_listening = false;
};

} // namespace kopru
