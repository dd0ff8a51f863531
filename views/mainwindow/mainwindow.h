// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/exchange/databaserole.h"

#include <QMainWindow>
#include <memory>
#include <vector>

class QAction;
class QListWidget;
class QSplitter;
class QStackedWidget;
class QUndoStack;

namespace kopru {

class BackgroundBackup;
class Database;
class HelpWindow;
class Page;
class PasswordStore;
struct IntegrityReport;
struct ServerUrl;
class RecentFiles;

// The application's main window: a navigation list of the pages on the left,
// the current page on the right. Owns the open database and the undo stack
// shared by the pages. Menus are built in mainwindowmenus.cpp, the File
// commands live in mainwindowfile.cpp, settings in windowsettings.cpp.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens `path` with the interactive open guard (messages on failure); its
    // integrity check and automatic backup are made in the background
    // (openBackup()): a failed check asks what to do (handleDamage).
    // A postgresql:// URL is connected to (openServer); without a password
    // the one kept in the keychain is used, and when the connection fails the
    // Connect to Server dialog shows why and asks.
    bool openFile(const QString &path);
    // Connects to the server database `location` (a postgresql:// URL with
    // the password, if one is needed) and shows it: no lock, no integrity
    // check, no automatic backup (the server's IT staff back it up with
    // pg_dump). A role that may not write opens it read-only, saying so in
    // the status bar. The recent files keep the URL without the password.
    Status openServer(const QString &location);
    // File ▸ Connect to Server…, with the fields of `url` and the reason the
    // last attempt failed (when given); true when connected.
    bool connectToServer();
    bool connectToServer(const ServerUrl &url, const QString &failure);
    // Where server passwords are kept (the system keychain; tests set their own).
    PasswordStore *passwordStore() const { return m_passwords.get(); }
    void setPasswordStore(std::unique_ptr<PasswordStore> store);
    BackgroundBackup *openBackup() const { return m_openBackup; }
    // Takes over `db` (nullptr closes): pages reload, undo history is cleared.
    void setDatabase(std::unique_ptr<Database> db);
    Database *database() const { return m_db.get(); }

    // Shows the page with this pageName(); false if there is none.
    bool showPage(const QString &name);
    Page *currentPage() const;
    const std::vector<Page *> &pages() const { return m_pages; }
    // Forwards --field to every page.
    void setFieldCode(const QString &code);

    QUndoStack *undoStack() const { return m_undoStack; }
    RecentFiles *recentFiles() const { return m_recent; }
    // The View menu action showing page `index` (for tests and shortcuts).
    QAction *pageAction(int index) const;

    // Help ▸ User Guide (F1): the guide at the current page's section.
    void showHelp();
    HelpWindow *helpWindow() const { return m_help; }

    // Restores geometry, splitters and the last page from QSettings.
    void restoreSettings();

    // Builds the menus and the pages again in the current language (after
    // the catalogues changed), keeping the open database, the page shown and
    // the layout. Page filters are reset and the undo history is cleared: its
    // commands belong to the pages that go.
    void rebuildInCurrentLanguage();

signals:
    // Preferences chose another UI language ("tr" or "en"). The program
    // installs its catalogues (app/common/translations.h); the window then
    // rebuilds itself in it, without a restart.
    void languageChangeRequested(const QString &language);

public:
    // File ▸ New… and Open… (file dialogs).
    void newDatabase();
    // The file File ▸ New… proposes: "programme.kopru" (translated) beside the
    // open database, else in Documents (made when missing), else in the home folder.
    QString newDatabaseSuggestion() const;
    // Creates a database at `path` (".kopru" added when missing) with its
    // role in the national programme and shows it. Refuses an existing file
    // (Köprü never overwrites a database); the open database stays then.
    // File ▸ New… calls it with the chosen name and role.
    // File ▸ Export Table without its file dialog: the current page's table as
    // shown, to `path` (.xlsx, or .csv by its suffix). For tests and scripts.
    Status exportTableTo(const QString &path);
    Status createDatabaseAt(QString path, const DatabaseRole &role = DatabaseRole::national());
    void openDatabase();
    // File ▸ Send to… and Receive Package… (the exchange, views/exchange/).
    void sendPackage();
    void receivePackage();
    // Shows the dry run of `path`, then applies it if the user agrees; true when applied.
    bool receivePackageFile(const QString &path);
    // Builds the demo database in the background and opens it.
    bool openDemoDatabase();
    // Start dialog (no database given): create, open or demo. Repeats until
    // something is open or the user closes it; true if a database is open.
    bool offerStart();

protected:
    void closeEvent(QCloseEvent *event) override;
    // Ctrl+C in a table goes to Edit ▸ Copy (the selection with headers), not
    // to the table's own copy of the current cell.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The open file `path` failed its integrity check: restore / read-only / close.
    void handleDamage(const QString &path, const IntegrityReport &report);
    void createCentralArea();
    void createMenus(); // mainwindowmenus.cpp
    // Server databases, mainwindowserver.cpp: openFile of a postgresql:// URL,
    // and the File actions that make no sense on a server switched off.
    bool openServerInteractive(const QString &location);
    void updateServerActions();
    void updateTitle();
    void updateActions();
    void refreshPagesExcept(Page *source);
    void showPageIndex(int index);

    // File and Edit commands, mainwindowfile.cpp.
    void saveCopy();
    void closeDatabase();
    void printCurrentPage();
    void copySelection();
    void focusSearch();
    void importData();
    void exportData();
    void exportTable();
    void showPreferences();

    // Settings, windowsettings.cpp.
    void saveSettings() const;
    // Splitters, columns and the last page (restoreSettings without geometry).
    void restoreLayout();

    std::unique_ptr<Database> m_db;
    QString m_roleTitle; // the open database's role for the title bar
    QUndoStack *m_undoStack = nullptr;
    RecentFiles *m_recent = nullptr;
    BackgroundBackup *m_openBackup = nullptr; // the automatic backup on opening a file
    HelpWindow *m_help = nullptr; // made when first asked for
    QSplitter *m_splitter = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    std::vector<Page *> m_pages;
    std::vector<QAction *> m_pageActions;
    std::vector<QAction *> m_needDatabase; // enabled only with a database open
    // Enabled only with a database file open: the backups (not for a server
    // database, see updateServerActions).
    std::vector<QAction *> m_needFile;
    // Enabled only with a database that may be written: the exchange (not for
    // a database opened read-only, such as a server's viewer).
    std::vector<QAction *> m_needWriter;
    QAction *m_restoreBackup = nullptr; // Restore Backup… (a file; also with none open)
    std::unique_ptr<PasswordStore> m_passwords;
};

} // namespace kopru
