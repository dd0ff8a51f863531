// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop program on a server database (docs/server.md): File ▸ Connect
// to Server… with a password store a test controls, the recent files without
// passwords, and — against KOPRU_TEST_PG_URL (.ci/pg-cluster.sh) — the main
// window on a server copy of a small demo: every page shows what it shows from
// the file, the backups are switched off saying why, a viewer opens read-only.
// Without that variable the server tests are skipped, saying why.
#include "models/db/connection.h"
#include "models/db/database.h"
#include "models/db/serverurl.h"
#include "models/db/sql.h"
#include "tests/common/backendfixture.h"
#include "tests/common/testutil.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/recentfiles.h"
#include "views/pages/page.h"
#include "views/safety/backgroundbackup.h"
#include "views/server/connectserverdialog.h"
#include "views/server/passwordstore.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QUrl>

using namespace kopru;

namespace {

// A keychain in memory; `available` false acts as a system without one.
class FakePasswordStore final : public PasswordStore
{
public:
    bool available = true;
    QMap<QString, QString> passwords;

    bool isAvailable(QString *reason) override
    {
        if (reason)
            *reason = available ? QString() : QStringLiteral("no secret service in this test");
        return available;
    }
    Expected<QString> read(const QString &account) override { return passwords.value(account); }
    Status write(const QString &account, const QString &password) override
    {
        if (!available)
            return Status::failure(QStringLiteral("unavailable"));
        passwords.insert(account, password);
        return {};
    }
    Status remove(const QString &account) override
    {
        passwords.remove(account);
        return {};
    }
};

// A connector that remembers what it was asked and answers `failure` (empty: success).
struct FakeConnector
{
    QStringList asked;
    QString failure;
    ConnectServerDialog::Connector function()
    {
        return [this](const QString &location) {
            asked << location;
            return failure.isEmpty() ? Status() : Status::failure(failure);
        };
    }
};

void fill(ConnectServerDialog &dialog, const QString &host, int port, const QString &database, const QString &user,
    const QString &password, const QString &sslMode)
{
    dialog.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->setText(host);
    dialog.findChild<QSpinBox *>(QStringLiteral("portSpin"))->setValue(port);
    dialog.findChild<QLineEdit *>(QStringLiteral("databaseEdit"))->setText(database);
    dialog.findChild<QLineEdit *>(QStringLiteral("userEdit"))->setText(user);
    dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(password);
    auto *ssl = dialog.findChild<QComboBox *>(QStringLiteral("sslModeCombo"));
    ssl->setCurrentIndex(ssl->findData(sslMode));
}

QString field(const ConnectServerDialog &dialog, const char *name)
{
    return dialog.findChild<QLineEdit *>(QLatin1String(name))->text();
}

// What a page shows, for comparing a file with its server copy: the rows of
// its table and the messages it gave while loading.
struct PageView
{
    bool loaded = false;
    int rows = -1;
    QStringList messages;
    bool operator==(const PageView &o) const { return loaded == o.loaded && rows == o.rows && messages == o.messages; }
};

} // namespace

class TestServerConnect : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const QString m_adminUrl = qEnvironmentVariable("KOPRU_TEST_PG_URL");
    std::unique_ptr<Connection> m_admin;
    QString m_demoFile;
    QString m_serverUrl; // the demo's server copy, with the admin's password
    QString m_serverName;
    QString m_viewer; // a login role in kopru_viewer
    QStringList m_modals; // modal windows that appeared (and were closed) while pages loaded

    static QString skipReason() { return test::BackendFixture::skipReason(); }

    // Every page of `w`, shown in turn: what it shows.
    QMap<QString, PageView> survey(MainWindow &w)
    {
        QMap<QString, PageView> views;
        for (Page *page : w.pages()) {
            PageView view;
            QSignalSpy messages(page, &Page::statusMessage);
            m_modals.clear();
            w.showPage(page->pageName());
            QTest::qWait(50);
            QCoreApplication::processEvents();
            view.loaded = page->isLoaded();
            if (const QTableView *table = page->printTable(); table && table->model())
                view.rows = table->model()->rowCount();
            for (const QList<QVariant> &m : messages)
                view.messages << m.value(0).toString();
            view.messages << m_modals;
            views.insert(page->pageName(), view);
        }
        return views;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("KopruTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_serverconnect"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        // A message box while a page loads is an error shown to the user: closed and recorded.
        auto *closer = new QTimer(this);
        connect(closer, &QTimer::timeout, this, [this] {
            if (QWidget *modal = QApplication::activeModalWidget()) {
                m_modals << QStringLiteral("%1: %2").arg(QLatin1String(modal->metaObject()->className()), modal->windowTitle());
                modal->close();
            }
        });
        closer->start(50);
        if (m_adminUrl.isEmpty()) {
            qInfo("%s", qPrintable(skipReason()));
            return;
        }
        auto admin = Connection::open(m_adminUrl, Connection::Access::ReadWrite);
        // A server that was announced but cannot be reached is a failure, not a skip.
        QVERIFY2(admin, qPrintable(admin.message()));
        m_admin = std::move(admin.value());

        // A small demo with a plan, and its copy on the server.
        m_demoFile = m_dir.filePath(QStringLiteral("demo.kopru"));
        QString out, err;
        QCOMPARE(test::runCli({ QStringLiteral("demo"), m_demoFile, QStringLiteral("--teachers"), QStringLiteral("300"),
                                  QStringLiteral("--partners"), QStringLiteral("60") },
                     &out, &err),
            0);
        QCOMPARE(test::runCli({ QStringLiteral("plan"), m_demoFile }, &out, &err), 0);
        m_serverName = QStringLiteral("kopru_gui_test_%1").arg(QCoreApplication::applicationPid());
        QVERIFY(Sql::exec(m_admin->db(), QStringLiteral("CREATE DATABASE %1").arg(m_serverName)));
        QUrl url(m_adminUrl);
        url.setPath(QLatin1Char('/') + m_serverName);
        m_serverUrl = url.toString();
        QVERIFY2(test::runCli({ QStringLiteral("copy"), m_demoFile, m_serverUrl }, &out, &err) == 0, qPrintable(err));

        // A person in the viewer role.
        m_viewer = QStringLiteral("kopru_gui_viewer_%1").arg(QCoreApplication::applicationPid());
        QVERIFY(Sql::exec(m_admin->db(), QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'viewer-secret'").arg(m_viewer)));
        QVERIFY(Sql::exec(m_admin->db(), QStringLiteral("GRANT kopru_viewer TO %1").arg(m_viewer)));
    }

    void cleanupTestCase()
    {
        if (!m_admin)
            return;
        if (!m_serverName.isEmpty())
            QVERIFY(Sql::exec(m_admin->db(), QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_serverName)));
        if (!m_viewer.isEmpty())
            QVERIFY(Sql::exec(m_admin->db(), QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_viewer)));
    }

    void init() { QSettings().clear(); }

    void recentFilesKeepServerAddressesWithoutPassword()
    {
        QMenu menu;
        {
            RecentFiles recent(&menu);
            recent.add(QStringLiteral("postgresql://ayse:s3cret@db.example:5433/kopru?sslmode=require"));
            QCOMPARE(recent.files(), QStringList { QStringLiteral("postgresql://ayse@db.example:5433/kopru?sslmode=require") });
            QVERIFY(!QSettings()
                         .value(QStringLiteral("recentFiles"))
                         .toStringList()
                         .join(QString())
                         .contains(QLatin1String("s3cret")));
            // Shown by database and host.
            QVERIFY(menu.actions().value(0));
            QVERIFY2(menu.actions().value(0)->text().contains(QLatin1String("kopru on db.example")),
                qPrintable(menu.actions().value(0)->text()));
        }
        // A list written by an older program with a password in it loses the password on reading.
        QSettings().setValue(
            QStringLiteral("recentFiles"), QStringList { QStringLiteral("postgresql://ayse:old@db.example/kopru") });
        RecentFiles reread(&menu);
        QCOMPARE(reread.files(), QStringList { QStringLiteral("postgresql://ayse@db.example/kopru") });
    }

    void dialogRemembersThePasswordInTheStore()
    {
        FakePasswordStore store;
        FakeConnector connector;
        {
            ConnectServerDialog dialog(&store, connector.function());
            QVERIFY(dialog.findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->isEnabled());
            fill(dialog, QStringLiteral("db.example"), 5433, QStringLiteral("kopru"), QStringLiteral("ayse"),
                QStringLiteral("p@ss:word"), QStringLiteral("require"));
            dialog.findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->setChecked(true);
            QVERIFY(dialog.tryConnect());
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        // The connector got the password, the store keeps it, QSettings does not.
        QCOMPARE(connector.asked.size(), 1);
        auto asked = ServerUrl::parse(connector.asked.first());
        QVERIFY2(asked, qPrintable(asked.message()));
        QCOMPARE(asked->password, QStringLiteral("p@ss:word"));
        QCOMPARE(asked->sslMode, QStringLiteral("require"));
        QCOMPARE(asked->port, 5433);
        QCOMPARE(store.passwords.value(QStringLiteral("ayse@db.example:5433/kopru")), QStringLiteral("p@ss:word"));
        QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(QLatin1String("p@ss")), qPrintable(key));

        // Next time the address is proposed and the kept password filled in.
        ConnectServerDialog again(&store, connector.function());
        QCOMPARE(field(again, "hostEdit"), QStringLiteral("db.example"));
        QCOMPARE(field(again, "userEdit"), QStringLiteral("ayse"));
        QCOMPARE(again.findChild<QSpinBox *>(QStringLiteral("portSpin"))->value(), 5433);
        QCOMPARE(field(again, "passwordEdit"), QStringLiteral("p@ss:word"));
        QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->isChecked());

        // Unticked: the kept password is forgotten.
        again.findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->setChecked(false);
        QVERIFY(again.tryConnect());
        QVERIFY(store.passwords.isEmpty());
    }

    void dialogKeepsTheFieldsAndSaysWhyWhenConnectingFails()
    {
        FakePasswordStore store;
        FakeConnector connector;
        connector.failure = QStringLiteral("connection to server at \"db.example\", port 5432 failed: FATAL:  password "
                                           "authentication failed for user \"ayse\" (a reason long enough to wrap)");
        ConnectServerDialog dialog(&store, connector.function());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        fill(dialog, QStringLiteral("db.example"), 5432, QStringLiteral("kopru"), QStringLiteral("ayse"), QStringLiteral("wrong"),
            QStringLiteral("verify-full"));
        dialog.findChild<QCheckBox *>(QStringLiteral("rememberCheck"))->setChecked(true);
        QVERIFY(!dialog.tryConnect());
        QCOMPARE(dialog.result(), int(QDialog::Rejected)); // not accepted: still open for a correction
        const QString error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"))->text();
        QVERIFY2(error.contains(QLatin1String("password authentication failed")), qPrintable(error));
        QVERIFY2(error.startsWith(QLatin1String("Could not connect to the server")), qPrintable(error));
        // The dialog grew for the message: no field is squeezed below its height.
        QCoreApplication::processEvents();
        for (auto *edit : dialog.findChildren<QWidget *>()) {
            if (!edit->objectName().endsWith(QLatin1String("Edit")) && !edit->objectName().endsWith(QLatin1String("Spin")))
                continue;
            QVERIFY2(edit->height() >= edit->sizeHint().height(),
                qPrintable(edit->objectName() + QStringLiteral(" %1 < %2").arg(edit->height()).arg(edit->sizeHint().height())));
        }
        QCOMPARE(field(dialog, "hostEdit"), QStringLiteral("db.example"));
        QCOMPARE(field(dialog, "userEdit"), QStringLiteral("ayse"));
        QCOMPARE(field(dialog, "passwordEdit"), QStringLiteral("wrong"));
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("sslModeCombo"))->currentData().toString(),
            QStringLiteral("verify-full"));
        QVERIFY(store.passwords.isEmpty()); // a password that failed is not kept
        QVERIFY(!QSettings().contains(QStringLiteral("server/lastAddress")));

        // Fields left empty are named before anything is tried.
        fill(dialog, QString(), 5432, QStringLiteral("kopru"), QStringLiteral("ayse"), QString(), QStringLiteral("prefer"));
        QVERIFY(!dialog.tryConnect());
        QCOMPARE(connector.asked.size(), 1);
    }

    void dialogWithoutKeychainSaysSoAndKeepsNothing()
    {
        FakePasswordStore store;
        store.available = false;
        FakeConnector connector;
        ConnectServerDialog dialog(&store, connector.function());
        auto *remember = dialog.findChild<QCheckBox *>(QStringLiteral("rememberCheck"));
        QVERIFY(!remember->isEnabled());
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("keychainNote"));
        QVERIFY(!note->isHidden());
        QVERIFY2(note->text().contains(QLatin1String("no secret service in this test")), qPrintable(note->text()));
        fill(dialog, QStringLiteral("db.example"), 5432, QStringLiteral("kopru"), QStringLiteral("ayse"), QStringLiteral("pw"),
            QStringLiteral("prefer"));
        QVERIFY(dialog.tryConnect());
        QVERIFY(store.passwords.isEmpty());
        QVERIFY(dialog.notice().isEmpty());
    }

    void everyPageShowsTheServerCopyAsTheFile()
    {
        if (!m_admin)
            QSKIP(qPrintable(skipReason()));
        QMap<QString, PageView> fromFile, fromServer;
        {
            MainWindow w;
            auto db = Database::open(m_demoFile);
            QVERIFY2(db, qPrintable(db.message()));
            w.setDatabase(std::move(db.value()));
            w.resize(1200, 800);
            w.show();
            fromFile = survey(w);
        }
        MainWindow w;
        w.setPasswordStore(std::make_unique<FakePasswordStore>());
        w.resize(1200, 800);
        w.show();
        const Status opened = w.openServer(m_serverUrl);
        QVERIFY2(opened, qPrintable(opened.message()));
        QVERIFY(w.database() && w.database()->isServer());
        QVERIFY(!w.database()->isReadOnly());
        fromServer = survey(w);
        QCOMPARE(fromServer.keys(), fromFile.keys());
        for (const QString &page : fromFile.keys()) {
            const PageView &a = fromFile[page], &b = fromServer[page];
            QVERIFY2(b.loaded, qPrintable(page));
            QVERIFY2(a == b,
                qPrintable(QStringLiteral("%1: file %2 rows %3, server %4 rows %5")
                               .arg(page)
                               .arg(a.rows)
                               .arg(a.messages.join(QLatin1String(" | ")))
                               .arg(b.rows)
                               .arg(b.messages.join(QLatin1String(" | ")))));
        }
        // The demo has rows on the table pages (so the comparison compared something).
        QVERIFY(fromServer.value(QStringLiteral("teachers")).rows > 0);

        // The title names the database and the host, never the password.
        const QUrl url(m_serverUrl);
        QVERIFY2(w.windowTitle().contains(QStringLiteral("%1 on %2").arg(m_serverName, url.host())), qPrintable(w.windowTitle()));
        if (!url.password().isEmpty())
            QVERIFY(!w.windowTitle().contains(url.password()));
        // The recent files keep the address without the password.
        QCOMPARE(w.recentFiles()->files().value(0), ServerUrl::parse(m_serverUrl)->display());

        // Backups are the IT staff's (pg_dump); the file-only commands are off, saying why.
        for (const char *name : { "saveCopyAction", "restoreBackupAction" }) {
            auto *action = w.findChild<QAction *>(QLatin1String(name));
            QVERIFY2(action, name);
            QVERIFY2(!action->isEnabled(), name);
            QVERIFY2(action->statusTip().contains(QLatin1String("pg_dump")), qPrintable(action->statusTip()));
        }
        // The exchange runs on a server for whoever may write (national staff).
        for (const char *name : { "sendAction", "receiveAction" })
            QVERIFY2(w.findChild<QAction *>(QLatin1String(name))->isEnabled(), name);
        // The import runs on a server (its worker reopens the database itself).
        QVERIFY(w.findChild<QAction *>(QStringLiteral("importAction"))->isEnabled());
        QVERIFY(w.findChild<QAction *>(QStringLiteral("exportTableAction"))->isEnabled());
        QVERIFY(!w.openBackup()->isRunning());

        // Closing and opening a file turns them on again.
        w.setDatabase(nullptr);
        auto file = Database::open(m_demoFile);
        QVERIFY(file);
        w.setDatabase(std::move(file.value()));
        QVERIFY(w.findChild<QAction *>(QStringLiteral("saveCopyAction"))->isEnabled());
        QVERIFY(!w.findChild<QAction *>(QStringLiteral("saveCopyAction"))->statusTip().contains(QLatin1String("pg_dump")));
    }

    void wrongPasswordIsRefusedWithTheServersReason()
    {
        if (!m_admin)
            QSKIP(qPrintable(skipReason()));
        QUrl url(m_serverUrl);
        url.setUserName(m_viewer);
        url.setPassword(QStringLiteral("not-the-password"));
        MainWindow w;
        w.setPasswordStore(std::make_unique<FakePasswordStore>());
        const Status opened = w.openServer(url.toString());
        QVERIFY(!opened);
        QVERIFY2(opened.message().contains(QLatin1String("password authentication failed")), qPrintable(opened.message()));
        QVERIFY(!opened.message().contains(QLatin1String("not-the-password")));
        QVERIFY(!w.database());
        QVERIFY(w.recentFiles()->files().isEmpty());
    }

    void workersReopenWithThePassword()
    {
        // A plan run or an import opens its own connection in a worker thread:
        // with a password that the user typed (or the keychain gave), not only
        // with ~/.pgpass. The password is never in path() (titles, messages).
        if (!m_admin)
            QSKIP(qPrintable(skipReason()));
        QUrl url(m_serverUrl);
        url.setUserName(m_viewer);
        url.setPassword(QStringLiteral("viewer-secret"));
        Database::Options readOnly;
        readOnly.access = Database::Access::ReadOnly;
        auto db = Database::open(url.toString(), readOnly);
        QVERIFY2(db, qPrintable(db.message()));
        QVERIFY(!db.value()->path().contains(QLatin1String("viewer-secret")));
        const QString again = db.value()->locationToReopen();
        QVERIFY(again.contains(QLatin1String("viewer-secret")));
        auto second = Database::open(again, readOnly);
        QVERIFY2(second, qPrintable(second.message()));
        QUrl without(m_serverUrl);
        without.setUserName(m_viewer);
        QVERIFY(!Database::open(without.toString(), readOnly));
    }

    void viewerOpensReadOnly()
    {
        if (!m_admin)
            QSKIP(qPrintable(skipReason()));
        QUrl url(m_serverUrl);
        url.setUserName(m_viewer);
        url.setPassword(QStringLiteral("viewer-secret"));
        MainWindow w;
        w.setPasswordStore(std::make_unique<FakePasswordStore>());
        const Status opened = w.openServer(url.toString());
        QVERIFY2(opened, qPrintable(opened.message()));
        QVERIFY(w.database()->isReadOnly());
        QVERIFY2(w.statusBar()->currentMessage().contains(m_viewer), qPrintable(w.statusBar()->currentMessage()));
        QVERIFY2(w.windowTitle().contains(QLatin1String("read-only")), qPrintable(w.windowTitle()));
        // A viewer neither sends nor receives packages, and is told why.
        for (const char *name : { "sendAction", "receiveAction" }) {
            auto *action = w.findChild<QAction *>(QLatin1String(name));
            QVERIFY2(!action->isEnabled(), name);
            QVERIFY2(action->statusTip().contains(QLatin1String("read-only")), qPrintable(action->statusTip()));
        }
        w.resize(1200, 800);
        w.show();
        // The statistics, plans and teachers are there for a viewer (without the
        // columns the server hides from it).
        const auto views = survey(w);
        for (const char *page : { "overview", "teachers", "partners", "placement", "quality" }) {
            const PageView view = views.value(QLatin1String(page));
            QVERIFY2(view.rows > 0 && view.messages.isEmpty(),
                qPrintable(QStringLiteral("%1: %2 rows; %3")
                               .arg(QLatin1String(page))
                               .arg(view.rows)
                               .arg(view.messages.join(QLatin1String(" | ")))));
        }
    }

    void keptPasswordIsUsedForAnAddressWithout()
    {
        if (!m_admin)
            QSKIP(qPrintable(skipReason()));
        auto url = ServerUrl::parse(m_serverUrl);
        QVERIFY(url);
        auto store = std::make_unique<FakePasswordStore>();
        ServerUrl viewer = url.value();
        viewer.user = m_viewer;
        store->passwords.insert(viewer.account(), QStringLiteral("viewer-secret"));
        MainWindow w;
        w.setPasswordStore(std::move(store));
        viewer.password.clear();
        QVERIFY(w.openFile(viewer.display())); // as from the recent files: no password in it
        QVERIFY(w.database() && w.database()->isServer());
    }
};

QTEST_MAIN(TestServerConnect)
#include "tst_serverconnect.moc"
