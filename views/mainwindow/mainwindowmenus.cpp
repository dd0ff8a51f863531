// SPDX-License-Identifier: GPL-3.0-or-later
// The menus of the main window.
#include "models/db/database.h"
#include "views/dialogs/aboutdialog.h"
#include "views/help/helpwindow.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/recentfiles.h"
#include "views/pages/page.h"
#include "views/safety/openguard.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QUndoStack>

namespace kopru {

void MainWindow::createMenus()
{
    // File
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(tr("&New…"), this, &MainWindow::newDatabase);
    newAction->setObjectName(QStringLiteral("newAction"));
    newAction->setShortcut(QKeySequence::New);
    newAction->setStatusTip(tr("Create a new, empty database"));
    QAction *openAction = file->addAction(tr("&Open…"), this, &MainWindow::openDatabase);
    openAction->setObjectName(QStringLiteral("openAction"));
    openAction->setShortcut(QKeySequence::Open);
    openAction->setStatusTip(tr("Open an existing database"));
    QAction *serverAction = file->addAction(tr("Connect to &Server…"), this, qOverload<>(&MainWindow::connectToServer));
    serverAction->setObjectName(QStringLiteral("connectServerAction"));
    serverAction->setStatusTip(tr("Open the national office's database on a PostgreSQL server"));
    QMenu *recentMenu = file->addMenu(tr("Open &Recent"));
    recentMenu->setObjectName(QStringLiteral("recentMenu"));
    m_recent = new RecentFiles(recentMenu, this);
    connect(m_recent, &RecentFiles::openRequested, this, &MainWindow::openFile);
    connect(m_recent, &RecentFiles::fileMissing, this, [this](const QString &path) {
        statusBar()->showMessage(
            tr("%1 no longer exists and was removed from the recent files").arg(QDir::toNativeSeparators(path)), 8000);
    });
    file->addSeparator();
    QAction *saveCopy = file->addAction(tr("Save a &Copy…"), this, &MainWindow::saveCopy);
    saveCopy->setObjectName(QStringLiteral("saveCopyAction"));
    saveCopy->setShortcut(QKeySequence::SaveAs);
    saveCopy->setStatusTip(tr("Write a consistent backup copy of the open database"));
    m_restoreBackup = addRestoreBackupAction(
        file, this, [this] { return m_db ? m_db->path() : QString(); }, [this] { setDatabase(nullptr); },
        [this](const QString &path) { return openFile(path); });
    file->addSeparator();
    QAction *importAction = file->addAction(tr("&Import…"), this, &MainWindow::importData);
    importAction->setObjectName(QStringLiteral("importAction"));
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QAction *exportAction = file->addAction(tr("&Export…"), this, &MainWindow::exportData);
    exportAction->setObjectName(QStringLiteral("exportAction"));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *exportTable = file->addAction(tr("Export &Table…"), this, &MainWindow::exportTable);
    exportTable->setObjectName(QStringLiteral("exportTableAction"));
    exportTable->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportTable->setStatusTip(tr("Save the table of this page as it is shown (filtered, sorted, shown columns) for Excel"));
    file->addSeparator();
    QAction *printAction = file->addAction(tr("&Print…"), this, &MainWindow::printCurrentPage);
    printAction->setObjectName(QStringLiteral("printAction"));
    printAction->setShortcut(QKeySequence::Print);
    printAction->setStatusTip(tr("Print the current page as it is shown"));
    QAction *closeAction = file->addAction(tr("&Close"), this, &MainWindow::closeDatabase);
    closeAction->setObjectName(QStringLiteral("closeAction"));
    closeAction->setShortcut(QKeySequence::Close);
    closeAction->setStatusTip(tr("Close the open database"));
    file->addSeparator();
    QAction *sendAction = file->addAction(tr("Sen&d to…"), this, &MainWindow::sendPackage);
    sendAction->setObjectName(QStringLiteral("sendAction"));
    sendAction->setStatusTip(tr("Make a package for the national office or the centres"));
    QAction *receiveAction = file->addAction(tr("Recei&ve Package…"), this, &MainWindow::receivePackage);
    receiveAction->setObjectName(QStringLiteral("receiveAction"));
    receiveAction->setStatusTip(tr("Check a package from the national office or a centre, then apply it"));
    m_needDatabase = { saveCopy, importAction, exportAction, exportTable, printAction, closeAction, sendAction, receiveAction };
    // Switched off on a server database, saying why (updateServerActions).
    const QString pgDump = tr("Backups of a server database are made by its IT staff with pg_dump");
    saveCopy->setData(pgDump);
    m_restoreBackup->setData(pgDump);
    m_needFile = { saveCopy };
    // Off for a database opened read-only (a server's viewer), saying why (updateServerActions).
    const QString readOnly = tr("This database is open read-only: packages are sent and received by someone who may write");
    for (QAction *action : { sendAction, receiveAction })
        action->setData(readOnly);
    m_needWriter = { sendAction, receiveAction };
    file->setToolTipsVisible(true);
    file->addSeparator();
    QAction *preferences = file->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    // Edit
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoStack->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undoStack->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *copy = edit->addAction(tr("&Copy"), this, &MainWindow::copySelection);
    copy->setObjectName(QStringLiteral("copyAction"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setStatusTip(tr("Copy the selected cells with their column headers, to paste into Excel"));
    QAction *find = edit->addAction(tr("&Find"), this, &MainWindow::focusSearch);
    find->setObjectName(QStringLiteral("findAction"));
    find->setShortcut(QKeySequence::Find);
    find->setStatusTip(tr("Go to the search box of the current page"));

    // View: one action per page, Ctrl+1 … Ctrl+9.
    QMenu *view = menuBar()->addMenu(tr("&View"));
    auto *group = new QActionGroup(this);
    group->setExclusive(true);
    for (std::size_t i = 0; i < m_pages.size(); ++i) {
        QAction *action = view->addAction(m_pages[i]->pageTitle());
        action->setObjectName(QStringLiteral("showPage_") + m_pages[i]->pageName());
        action->setCheckable(true);
        if (i < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(i))));
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, i] { showPageIndex(int(i)); });
        m_pageActions.push_back(action);
    }
    if (!m_pageActions.empty())
        m_pageActions.front()->setChecked(true);

    // Help
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *guide = help->addAction(tr("Köprü &User Guide"), this, &MainWindow::showHelp);
    guide->setObjectName(QStringLiteral("helpAction"));
    guide->setShortcut(QKeySequence::HelpContents);
    guide->setStatusTip(tr("The guide to Köprü, at the section of the current page"));
    help->addSeparator();
    QAction *about = help->addAction(tr("&About Köprü"), this, [this] { showAboutDialog(this); });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::showHelp()
{
    if (!m_help)
        m_help = new HelpWindow(this);
    const Page *page = currentPage();
    m_help->showSection(page ? page->pageName() : QString());
}

} // namespace kopru
