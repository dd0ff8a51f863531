// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/mainwindow/mainwindow.h"

#include "models/db/changelistener.h"
#include "models/db/database.h"
#include "models/db/serverurl.h"
#include "views/help/helpwindow.h"
#include "views/mainwindow/navigationicons.h"
#include "views/mainwindow/recentfiles.h"
#include "views/pages/page.h"
#include "views/pages/pageregistry.h"
#include "views/safety/backgroundbackup.h"
#include "views/safety/openguard.h"
#include "views/safety/restorebackupdialog.h"
#include "views/server/passwordstore.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QKeyEvent>
#include <QListWidget>
#include <QMenuBar>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <algorithm>

namespace kopru {

namespace {
constexpr int kUndoLimit = 200;
constexpr int kStatusTimeoutMs = 8000;

// "National office" or the centre's name, for the title bar.
QString databaseRoleTitle(QSqlDatabase db)
{
    auto role = DatabaseRole::read(db);
    return role ? role->displayName(db) : DatabaseRole::national().displayName();
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    m_passwords = std::make_unique<KeychainPasswordStore>();
    m_undoStack = new QUndoStack(this);
    m_undoStack->setUndoLimit(kUndoLimit);
    m_openBackup = new BackgroundBackup(this);
    connect(m_openBackup, &BackgroundBackup::finished, this, [this](const QString &path, const Status &result) {
        if (!result)
            reportBackupOnOpenFailure(path, this, result);
        else
            statusBar()->showMessage(tr("The automatic backup of %1 is made.").arg(QFileInfo(path).fileName()), kStatusTimeoutMs);
    });
    // Acted on from the event loop: the report may come from inside setDatabase (wait()).
    connect(m_openBackup, &BackgroundBackup::damaged, this, [this](const QString &path, const IntegrityReport &report) {
        QTimer::singleShot(0, this, [this, path, report] { handleDamage(path, report); });
    });
    createCentralArea();
    createMenus();
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    setDatabase(nullptr);
    // 1200×800 where there is room; on a laptop's screen no larger than it (issue #18).
    QSize size(1200, 800);
    if (const QScreen *s = screen())
        size = size.boundedTo(s->availableGeometry().size() * 0.92);
    resize(size);
}

MainWindow::~MainWindow()
{
    // The backup on open reads the file through its own connection: let it end.
    m_openBackup->disconnect(this);
    m_openBackup->wait();
    // Pages hold models over the connection: detach them before it closes.
    for (Page *page : m_pages)
        page->attachDatabase(nullptr);
    if (m_db) {
        const QString path = m_db->path();
        m_db.reset();
        releaseDatabaseLock(path);
    }
}

void MainWindow::createCentralArea()
{
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_navigation = new QListWidget(m_splitter);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setSpacing(2);
    m_navigation->setAccessibleName(tr("Pages"));
    m_stack = new QStackedWidget(m_splitter);
    m_stack->setObjectName(QStringLiteral("pages"));

    m_pages = createPages(m_undoStack, m_stack);
    for (std::size_t i = 0; i < m_pages.size(); ++i) {
        Page *page = m_pages[i];
        for (QTableView *table : page->findChildren<QTableView *>())
            table->installEventFilter(this);
        m_stack->addWidget(page);
        auto *item = new QListWidgetItem(navigationIcon(page->pageName(), style()), page->pageTitle(), m_navigation);
        item->setData(Qt::UserRole, page->pageName());
        connect(page, &Page::statusMessage, this,
            [this](const QString &text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
        connect(page, &Page::dataModified, this, [this, page] { refreshPagesExcept(page); });
    }
    // Wide enough for the longest page title in the UI language, never a
    // horizontal scroll bar: icon, spacing, text, frame and a vertical scroll bar.
    int textWidth = 0;
    for (int row = 0; row < m_navigation->count(); ++row)
        textWidth = std::max(textWidth, m_navigation->fontMetrics().horizontalAdvance(m_navigation->item(row)->text()));
    const int chrome = m_navigation->iconSize().width() + 4 * m_navigation->spacing() + 2 * m_navigation->frameWidth()
        + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 24;
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setTextElideMode(Qt::ElideRight);
    m_navigation->setMinimumWidth(std::clamp(textWidth + chrome, 160, 320));
    m_navigation->setMaximumWidth(std::max(320, m_navigation->minimumWidth()));
    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::showPageIndex);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({ m_navigation->minimumWidth(), 1000 });
    // The navigation can be collapsed to give a small screen to the page; the page cannot.
    m_splitter->setCollapsible(0, true);
    m_splitter->setCollapsible(1, false);
    setCentralWidget(m_splitter);
    m_navigation->setCurrentRow(0);
}

void MainWindow::rebuildInCurrentLanguage()
{
    saveSettings();
    const QString page = currentPage() ? currentPage()->pageName() : QString();
    const bool helpShown = m_help && m_help->isVisible();
    // The database stays open (and locked) across the rebuild: only the
    // widgets over it go.
    m_undoStack->clear();
    for (Page *p : m_pages)
        p->attachDatabase(nullptr);
    std::unique_ptr<Database> db = std::move(m_db);
    m_pages.clear();
    m_pageActions.clear();
    m_needDatabase.clear();
    m_needFile.clear();
    m_needWriter.clear();
    delete m_help;
    m_help = nullptr;
    delete takeCentralWidget();
    setMenuBar(new QMenuBar(this)); // the old one is deleted later: its menu may still be closing
    delete m_recent;
    m_recent = nullptr;

    createCentralArea();
    createMenus();
    m_db = std::move(db);
    for (Page *p : m_pages)
        p->attachDatabase(m_db.get());
    m_roleTitle = m_db ? databaseRoleTitle(m_db->connection()) : QString();
    updateTitle();
    updateActions();
    restoreLayout();
    if (!page.isEmpty())
        showPage(page);
    if (helpShown)
        showHelp();
    statusBar()->showMessage(tr("The window is now in English."), kStatusTimeoutMs);
}

bool MainWindow::openFile(const QString &path)
{
    if (ServerUrl::isServerUrl(path))
        return openServerInteractive(path);
    // The integrity check and the automatic backup follow in the background:
    // a large database shows at once.
    std::unique_ptr<Database> db = openDatabaseInteractive(path, this, BackupOnOpen::Later, CheckOnOpen::Later);
    if (!db) {
        statusBar()->showMessage(tr("Could not open %1").arg(QDir::toNativeSeparators(path)), kStatusTimeoutMs);
        return false;
    }
    m_recent->add(db->path());
    setDatabase(std::move(db));
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(m_db->path())), kStatusTimeoutMs);
    m_openBackup->start(*m_db, BackgroundBackup::Check::First);
    return true;
}

void MainWindow::handleDamage(const QString &path, const IntegrityReport &report)
{
    // Only while that file is still the one open here.
    if (!m_db || QFileInfo(m_db->path()) != QFileInfo(path))
        return;
    const DamageChoice choice = askAboutDamage(path, this, report);
    if (!m_db || QFileInfo(m_db->path()) != QFileInfo(path))
        return;
    setDatabase(nullptr);
    releaseDatabaseLock(path);
    switch (choice) {
    case DamageChoice::Restore:
        if (restoreBackupInteractive(path, this) != RestoreOutcome::Cancelled)
            openFile(path); // the restored file goes through every check again
        break;
    case DamageChoice::ReadOnly:
        if (std::unique_ptr<Database> db = openDatabaseReadOnly(path, this))
            setDatabase(std::move(db));
        break;
    case DamageChoice::Close:
        statusBar()->showMessage(
            tr("Closed %1: it failed its integrity check").arg(QDir::toNativeSeparators(path)), kStatusTimeoutMs);
        break;
    }
}

void MainWindow::setDatabase(std::unique_ptr<Database> db)
{
    // The backup on open of the database that goes must end first.
    m_openBackup->wait();
    // Undo commands refer to rows of the old database: they cannot survive it.
    m_undoStack->clear();
    for (Page *page : m_pages)
        page->attachDatabase(nullptr);
    const QString oldPath = m_db ? m_db->path() : QString();
    m_db = std::move(db);
    // A server database: other users' changes reach the pages by themselves.
    if (Status s = m_db ? ChangeListener::follow(m_db->connection()) : Status(); !s)
        statusBar()->showMessage(s.message(), kStatusTimeoutMs);
    // Let other Köprü windows have the file we closed (unless it was reopened here).
    if (!oldPath.isEmpty() && (!m_db || QFileInfo(m_db->path()) != QFileInfo(oldPath)))
        releaseDatabaseLock(oldPath);
    for (Page *page : m_pages)
        page->attachDatabase(m_db.get());
    m_roleTitle = m_db ? databaseRoleTitle(m_db->connection()) : QString();
    updateTitle();
    updateActions();
}

bool MainWindow::showPage(const QString &name)
{
    for (std::size_t i = 0; i < m_pages.size(); ++i)
        if (m_pages[i]->pageName() == name) {
            showPageIndex(int(i));
            return true;
        }
    return false;
}

void MainWindow::showPageIndex(int index)
{
    if (index < 0 || index >= int(m_pages.size()))
        return;
    m_stack->setCurrentIndex(index);
    if (m_navigation->currentRow() != index)
        m_navigation->setCurrentRow(index);
    if (std::size_t(index) < m_pageActions.size())
        m_pageActions[std::size_t(index)]->setChecked(true);
}

Page *MainWindow::currentPage() const
{
    return qobject_cast<Page *>(m_stack->currentWidget());
}

void MainWindow::setFieldCode(const QString &code)
{
    for (Page *page : m_pages)
        page->setFieldCode(code);
}

QAction *MainWindow::pageAction(int index) const
{
    return index >= 0 && std::size_t(index) < m_pageActions.size() ? m_pageActions[std::size_t(index)] : nullptr;
}

void MainWindow::refreshPagesExcept(Page *source)
{
    // Only the page in view reads the data again now; the hidden ones when
    // they are next shown. Every edit on the planning page refreshed the
    // hidden overview too: 0.8 s of each lock or move at 100,000 teachers.
    for (Page *page : m_pages) {
        if (page == source)
            continue;
        if (page->isVisible())
            page->refresh();
        else
            page->markStale();
    }
}

void MainWindow::updateTitle()
{
    if (!m_db) {
        setWindowTitle(tr("Köprü"));
        setWindowFilePath(QString());
        return;
    }
    const QString name = ServerUrl::shortName(m_db->path());
    const QString file = m_db->isReadOnly() ? tr("%1 (read-only)").arg(name) : name;
    // The platform appends the application's display name (" — Köprü", set in
    // main()), as desktop programs show "document — program".
    setWindowTitle(tr("%1 — %2").arg(file, m_roleTitle));
}

void MainWindow::updateActions()
{
    for (QAction *action : m_needDatabase)
        action->setEnabled(m_db != nullptr);
    updateServerActions();
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && qobject_cast<QTableView *>(watched)
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        event->ignore();
        return true; // not taken by the table: the Copy shortcut fires
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

} // namespace kopru
