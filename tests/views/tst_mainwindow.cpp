// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/common/translations.h"
#include "models/core/languagepreference.h"
#include "models/db/database.h"
#include "models/db/sql.h"
#include "models/demo/demogenerator.h"
#include "models/io/tablereader.h"
#include "models/safety/backupmanager.h"
#include "tests/common/testutil.h"
#include "views/dialogs/preferencesdialog.h"
#include "views/dialogs/startdialog.h"
#include "views/exchange/roledialog.h"
#include "views/mainwindow/demodatabase.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/recentfiles.h"
#include "views/pages/columnchooser.h"
#include "views/pages/page.h"
#include "views/pages/savedfiles.h"
#include "views/pages/tablesnapshot.h"
#include "views/safety/backgroundbackup.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QCryptographicHash>
#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QImage>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QTranslator>
#include <QUndoCommand>
#include <QUndoStack>
#include <QUrl>
#include <QUuid>
#include <functional>
#include <memory>

using namespace kopru;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
}

// A command that only counts, to drive the undo stack.
class CountCommand final : public QUndoCommand
{
public:
    explicit CountCommand(int *counter)
        : QUndoCommand(QStringLiteral("count"))
        , m_counter(counter)
    { }
    void redo() override { ++*m_counter; }
    void undo() override { --*m_counter; }

private:
    int *m_counter;
};

// Calls `handle` with the first modal widget that appears (within `timeoutMs`),
// polling so that it works however deep the modal loop is entered.
// With `onlyMessageBoxes`, other modal widgets are left alone and waited past.
void whenModal(std::function<void(QWidget *)> handle, int timeoutMs = 20000, bool onlyMessageBoxes = false)
{
    auto *timer = new QTimer;
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    QObject::connect(timer, &QTimer::timeout, [timer, handle, started, timeoutMs, onlyMessageBoxes] {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal && onlyMessageBoxes && !qobject_cast<QMessageBox *>(modal))
            modal = nullptr;
        if (modal) {
            timer->stop();
            timer->deleteLater();
            handle(modal);
        } else if (started->elapsed() > timeoutMs) {
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start(20);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_dbPath;

    // A byte copy of the test database with an identity of its own (backups
    // are filed by identity), opened and changed by `change` first; empty on failure.
    QString copyWithOwnIdentity(const QString &name, const std::function<bool(QSqlDatabase)> &change = {})
    {
        const QString path = m_dir.filePath(name);
        if (!QFile::copy(m_dbPath, path) || !QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner))
            return {};
        auto copy = Database::open(path);
        if (!copy)
            return {};
        const QSqlDatabase c = copy.value()->connection();
        if (!Sql::exec(c,
                QStringLiteral("UPDATE meta SET value = '%1' WHERE key = 'database_id'")
                    .arg(QUuid::createUuid().toString(QUuid::WithoutBraces))))
            return {};
        return !change || change(c) ? path : QString();
    }

    QString copyOfDatabase(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        auto db = Database::open(m_dbPath);
        if (!db || !db.value()->backupTo(path))
            return {};
        return path;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("KopruTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_dbPath = m_dir.filePath(QStringLiteral("small.kopru"));
        auto db = test::newDatabase(m_dbPath);
        QVERIFY(db);
        DemoGenerator::Options options;
        options.teachers = 200;
        options.partners = 40;
        options.minPlaces = 80;
        auto summary = DemoGenerator::generate(db->connection(), options);
        QVERIFY2(summary.ok(), qPrintable(summary.message()));
    }

    void init() { QSettings().remove(QStringLiteral("recentFiles")); }

    void everyPageIsReachableThroughItsViewAction()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_dbPath));
        QStringList names;
        for (const Page *p : w.pages())
            names << p->pageName();
        const QStringList expected { QStringLiteral("overview"), QStringLiteral("teachers"), QStringLiteral("competencies"),
            QStringLiteral("partners"), QStringLiteral("needs"), QStringLiteral("placement"), QStringLiteral("schedule"),
            QStringLiteral("quality"), QStringLiteral("exchange") };
        QCOMPARE(names, expected);
        for (int i = int(w.pages().size()) - 1; i >= 0; --i) {
            QAction *action = w.pageAction(i);
            QVERIFY(action);
            QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
            action->trigger();
            QCOMPARE(w.currentPage(), w.pages()[std::size_t(i)]);
            QVERIFY(action->isChecked());
        }
        QVERIFY(!w.showPage(QStringLiteral("nonsense")));
        QCOMPARE(w.currentPage()->pageName(), QStringLiteral("overview"));
    }

    void titleNamesTheFile()
    {
        MainWindow w;
        QCOMPARE(w.windowTitle(), QStringLiteral("Köprü"));
        QVERIFY(w.openFile(m_dbPath));
        // A database made before the exchange has no role: the national office's.
        QCOMPARE(w.windowTitle(), QStringLiteral("small.kopru — National office"));
    }

    void titleMarksAReadOnlyDatabase()
    {
        Database::Options options;
        options.access = Database::Access::ReadOnly;
        auto db = Database::open(m_dbPath, options);
        QVERIFY(db);
        QVERIFY(db.value()->isReadOnly());
        MainWindow w;
        w.setDatabase(std::move(db.value()));
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("small.kopru")));
        QVERIFY(w.windowTitle().contains(QStringLiteral("read-only")));
    }

    void saveACopySuggestsADatedNameAndWritesIt()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.openFile(m_dbPath));
        auto *action = w.findChild<QAction *>(QStringLiteral("saveCopyAction"));
        QVERIFY(action && action->isEnabled());
        const QString expectedName = QStringLiteral("small-%1.kopru").arg(QDate::currentDate().toString(Qt::ISODate));
        QFile::remove(m_dir.filePath(expectedName));
        QString suggested;
        whenModal([&suggested](QWidget *modal) {
            auto *dialog = qobject_cast<QFileDialog *>(modal);
            if (!dialog) {
                modal->close();
                return;
            }
            suggested = dialog->selectedFiles().value(0);
            static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept is protected
        });
        action->trigger();
        QCOMPARE(QFileInfo(suggested).fileName(), expectedName);
        QCOMPARE(QFileInfo(suggested).absolutePath(), QFileInfo(m_dbPath).absolutePath());
        auto copy = Database::open(suggested);
        QVERIFY2(copy.ok(), qPrintable(copy.message()));
        QCOMPARE(test::scalar(copy.value()->connection(), QStringLiteral("SELECT count(*) FROM teacher")).toInt(), 200);
        // Without a database there is nothing to copy.
        w.setDatabase(nullptr);
        QVERIFY(!action->isEnabled());
    }

    void newCreatesAndOpensADatabaseButNeverOverwrites()
    {
        // File ▸ New… asks for a name and calls createDatabaseAt(); the dialog
        // itself is Qt's and is not driven here (typing into it from a timer hung once).
        MainWindow w;
        w.show();
        const QString target = m_dir.filePath(QStringLiteral("fresh")); // the suffix is added
        QFile::remove(target + QStringLiteral(".kopru"));
        QVERIFY(w.createDatabaseAt(target).ok());
        QVERIFY(w.database());
        QCOMPARE(QFileInfo(w.database()->path()).fileName(), QStringLiteral("fresh.kopru"));
        QCOMPARE(test::scalar(w.database()->connection(), QStringLiteral("SELECT count(*) FROM field")).toInt(), 25);
        QCOMPARE(test::scalar(w.database()->connection(), QStringLiteral("SELECT count(*) FROM teacher")).toInt(), 0);
        QCOMPARE(w.recentFiles()->files().value(0), QFileInfo(target + QStringLiteral(".kopru")).absoluteFilePath());

        // An existing file is refused with a message naming it; the open database stays.
        const qint64 sizeBefore = QFileInfo(m_dbPath).size();
        const QByteArray hashBefore = fileHash(m_dbPath);
        const Status refused = w.createDatabaseAt(m_dbPath);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.message().contains(QStringLiteral("small.kopru")), qPrintable(refused.message()));
        QCOMPARE(QFileInfo(w.database()->path()).fileName(), QStringLiteral("fresh.kopru"));
        QCOMPARE(QFileInfo(m_dbPath).size(), sizeBefore);
        QCOMPARE(fileHash(m_dbPath), hashBefore);
    }

    // Issue #18: File ▸ New proposes a file in Documents and makes the folder
    // when a fresh account has none; a folder typed in the dialog is made too.
    void newProposesDocumentsAndMakesMissingFolders()
    {
        const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        QVERIFY(!documents.isEmpty());
        QVERIFY(QDir(documents).removeRecursively());
        QVERIFY(!QFileInfo::exists(documents));
        MainWindow w;
        const QString proposed = w.newDatabaseSuggestion();
        QCOMPARE(QFileInfo(proposed).absolutePath(), QFileInfo(documents).absoluteFilePath());
        QVERIFY(proposed.endsWith(QLatin1String(".kopru")));
        QVERIFY(QFileInfo(documents).isDir());
        QVERIFY(w.createDatabaseAt(proposed).ok());
        QVERIFY(QFileInfo::exists(proposed));

        const QString deeper = m_dir.filePath(QStringLiteral("not/yet/there/plan"));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("not"))));
        QVERIFY2(w.createDatabaseAt(deeper).ok(), "a missing folder is made");
        QCOMPARE(
            QFileInfo(w.database()->path()).absoluteFilePath(), QFileInfo(deeper + QStringLiteral(".kopru")).absoluteFilePath());
        // With a database open, its folder is proposed.
        QCOMPARE(QFileInfo(w.newDatabaseSuggestion()).absolutePath(), QFileInfo(deeper).absolutePath());
    }

    // Issue #18: Ctrl+F goes to the current page's search box.
    void findFocusesTheSearchOfTheCurrentPage()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_dbPath));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction *find = w.findChild<QAction *>(QStringLiteral("findAction"));
        QVERIFY(find);
        QCOMPARE(find->shortcut(), QKeySequence(QKeySequence::Find));
        for (const char *name : { "teachers", "placement", "schedule" }) {
            QVERIFY(w.showPage(QLatin1String(name)));
            Page *page = w.currentPage();
            QVERIFY2(page->searchEdit(), name);
            w.activateWindow();
            QApplication::setActiveWindow(&w);
            page->setFocus();
            QVERIFY(!page->searchEdit()->hasFocus());
            QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
            QTRY_VERIFY2(page->searchEdit()->hasFocus(), name);
        }
        // A page without a search box says so.
        QVERIFY(w.showPage(QStringLiteral("overview")));
        find->trigger();
        QVERIFY(!w.statusBar()->currentMessage().isEmpty());
    }

    // Issue #18: Edit ▸ Copy puts the selected cells on the clipboard as Excel
    // pastes them: tab-separated, with the column headers, as shown.
    void copyPutsTheSelectionWithHeadersOnTheClipboard()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_dbPath));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.showPage(QStringLiteral("teachers")));
        QTableView *table = w.currentPage()->printTable();
        QVERIFY(table);
        QAbstractItemModel *m = table->model();
        table->clearSelection();
        table->selectionModel()->select(QItemSelection(m->index(2, 1), m->index(4, 2)), QItemSelectionModel::Select);
        table->setFocus();
        QApplication::clipboard()->clear();
        w.findChild<QAction *>(QStringLiteral("copyAction"))->trigger();
        const QString text = QApplication::clipboard()->text();
        const QStringList lines = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0],
            m->headerData(1, Qt::Horizontal).toString() + QLatin1Char('\t') + m->headerData(2, Qt::Horizontal).toString());
        for (int r = 2; r <= 4; ++r)
            QCOMPARE(lines[r - 1], m->index(r, 1).data().toString() + QLatin1Char('\t') + m->index(r, 2).data().toString());
        QCOMPARE(QKeySequence(QKeySequence::Copy), w.findChild<QAction *>(QStringLiteral("copyAction"))->shortcut());

        // Ctrl+C typed in the table does the same (not the table's copy of one cell).
        QApplication::setActiveWindow(&w);
        table->setFocus();
        QTRY_VERIFY(table->hasFocus());
        QApplication::clipboard()->clear();
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        QTRY_COMPARE(QApplication::clipboard()->text(), text);
    }

    // Issue #18: File ▸ Export Table saves the table as it is shown: filtered,
    // sorted, only the columns shown, numbers as numbers.
    void exportTableWritesTheTableAsShown()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_dbPath));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.showPage(QStringLiteral("overview")));
        QVERIFY(w.findChild<QAction *>(QStringLiteral("exportTableAction"))->isEnabled());
        QVERIFY(w.showPage(QStringLiteral("teachers")));
        Page *page = w.currentPage();
        QTableView *table = page->printTable();
        QVERIFY(table);
        QAbstractItemModel *m = table->model();
        const int all = m->rowCount();
        page->searchEdit()->setText(m->index(5, 1).data().toString());
        QTRY_VERIFY(m->rowCount() < all && m->rowCount() > 0);
        table->sortByColumn(1, Qt::DescendingOrder);
        table->setColumnHidden(0, true);

        const QString csvPath = m_dir.filePath(QStringLiteral("teachers-shown.csv"));
        const Status csv = w.exportTableTo(csvPath);
        QVERIFY2(csv.ok(), qPrintable(csv.message()));
        auto read = TableReader::read(csvPath, {});
        QVERIFY2(read.ok(), qPrintable(read.message()));
        const SourceTable &t = read.value().table;
        QCOMPARE(t.header.size(), m->columnCount() - 1);
        QCOMPARE(t.header.first(), m->headerData(1, Qt::Horizontal).toString());
        QVERIFY(!t.header.contains(m->headerData(0, Qt::Horizontal).toString()));
        QCOMPARE(int(t.rows.size()), m->rowCount());
        for (int r : { 0, m->rowCount() / 2, m->rowCount() - 1 })
            QCOMPARE(t.rows[std::size_t(r)].cell(0), m->index(r, 1).data().toString());

        const QString xlsxPath = m_dir.filePath(QStringLiteral("teachers-shown.xlsx"));
        const Status xlsx = w.exportTableTo(xlsxPath);
        QVERIFY2(xlsx.ok(), qPrintable(xlsx.message()));
        auto book = TableReader::read(xlsxPath, {});
        QVERIFY2(book.ok(), qPrintable(book.message()));
        const std::vector<SourceRow> &rows = book.value().table.rows;
        // Title, notes, then the header row and the rows as shown.
        auto header = std::find_if(rows.begin(), rows.end(),
            [&](const SourceRow &row) { return row.cell(0) == m->headerData(1, Qt::Horizontal).toString(); });
        QVERIFY(header != rows.end());
        QCOMPARE(int(rows.end() - header) - 1, m->rowCount());
        QCOMPARE((header + 1)->cell(0), m->index(0, 1).data().toString());

        // Numbers stay numbers (Excel sums them), texts stay texts.
        const exporting::TableDocument doc = TableSnapshot::of(table, false).toTableDocument(QStringLiteral("T"), {});
        int integerColumns = 0;
        for (std::size_t i = 0; i < doc.columns.size(); ++i) {
            const QModelIndex first = m->index(0, int(i) + 1);
            const QVariant edit = first.data(Qt::EditRole);
            if ((edit.typeId() == QMetaType::Int || edit.typeId() == QMetaType::LongLong)
                && QLocale().toString(edit.toLongLong()) == first.data().toString()) {
                QCOMPARE(int(doc.columns[i].type), int(exporting::ColumnType::Integer));
                ++integerColumns;
            } else if (edit.typeId() == QMetaType::QString && !edit.toString().isEmpty())
                QCOMPARE(int(doc.columns[i].type), int(exporting::ColumnType::Text));
        }
        QVERIFY(integerColumns > 0); // experience in years
        // A page without a table says so and writes nothing.
        QVERIFY(w.showPage(QStringLiteral("needs")));
        const QString none = m_dir.filePath(QStringLiteral("needs-table.xlsx"));
        QVERIFY(!w.exportTableTo(none).ok());
        QVERIFY(!QFile::exists(none));
        table->setColumnHidden(0, false);
    }

    // Issue #18: columns are hidden and shown from the header's context menu,
    // and stay hidden in the next window.
    void hiddenColumnsAreRemembered()
    {
        int hiddenColumn = 2;
        QString hiddenHeader;
        {
            MainWindow w;
            QVERIFY(w.openFile(m_dbPath));
            QVERIFY(w.showPage(QStringLiteral("teachers")));
            QTableView *table = w.currentPage()->printTable();
            auto *chooser = table->findChild<ColumnChooser *>();
            QVERIFY(chooser);
            hiddenHeader = table->model()->headerData(hiddenColumn, Qt::Horizontal).toString();
            std::unique_ptr<QMenu> menu(chooser->createMenu(hiddenColumn));
            QAction *hide = menu->findChild<QAction *>(QStringLiteral("hideColumnAction"));
            QVERIFY(hide);
            QVERIFY(hide->text().contains(hiddenHeader));
            hide->trigger();
            QVERIFY(table->isColumnHidden(hiddenColumn));
            // Copy leaves it out.
            const TableSnapshot shown = TableSnapshot::of(table, false);
            QVERIFY(!shown.headers.contains(hiddenHeader));
            QCOMPARE(shown.headers.size(), table->model()->columnCount() - 1);
            // The menu lists it unchecked.
            menu.reset(chooser->createMenu(-1));
            QAction *entry = menu->findChild<QAction *>(QStringLiteral("columnAction_%1").arg(hiddenColumn));
            QVERIFY(entry && entry->isCheckable() && !entry->isChecked());
        }
        {
            MainWindow w;
            QVERIFY(w.openFile(m_dbPath));
            QVERIFY(w.showPage(QStringLiteral("teachers")));
            QTableView *table = w.currentPage()->printTable();
            QVERIFY(table->isColumnHidden(hiddenColumn));
            auto *chooser = table->findChild<ColumnChooser *>();
            // The last visible column cannot be hidden.
            for (int c = 0; c < table->model()->columnCount(); ++c)
                chooser->setColumnVisible(c, false);
            int visible = 0;
            for (int c = 0; c < table->model()->columnCount(); ++c)
                visible += table->isColumnHidden(c) ? 0 : 1;
            QCOMPARE(visible, 1);
            std::unique_ptr<QMenu> menu(chooser->createMenu(-1));
            menu->findChild<QAction *>(QStringLiteral("showAllColumnsAction"))->trigger();
            for (int c = 0; c < table->model()->columnCount(); ++c)
                QVERIFY(!table->isColumnHidden(c));
        }
        MainWindow w;
        QVERIFY(w.openFile(m_dbPath));
        QVERIFY(w.showPage(QStringLiteral("teachers")));
        QVERIFY(!w.currentPage()->printTable()->isColumnHidden(hiddenColumn));
    }

    // Issue #18: File ▸ Print prints the current page (a print preview of what it shows).
    void printShowsAPreviewOfTheCurrentPage()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_dbPath));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction *print = w.findChild<QAction *>(QStringLiteral("printAction"));
        QVERIFY(print);
        QCOMPARE(print->shortcut(), QKeySequence(QKeySequence::Print));
        for (Page *page : w.pages()) {
            QVERIFY(w.showPage(page->pageName()));
            QVERIFY2(page->canPrint(), qPrintable(page->pageName()));
            QString seen;
            whenModal([&seen](QWidget *modal) {
                seen = QLatin1String(modal->metaObject()->className());
                modal->close();
            });
            print->trigger();
            QTRY_VERIFY2(!seen.isEmpty(), qPrintable(page->pageName()));
            QCOMPARE(seen, QStringLiteral("QPrintPreviewDialog"));
        }
    }

    // Issue #18: File ▸ Close closes the database and keeps the window.
    void closeClosesTheDatabase()
    {
        MainWindow w;
        QVERIFY(w.openFile(copyOfDatabase(QStringLiteral("close.kopru"))));
        QAction *close = w.findChild<QAction *>(QStringLiteral("closeAction"));
        QVERIFY(close && close->isEnabled());
        close->trigger();
        QVERIFY(!w.database());
        QVERIFY(!close->isEnabled());
        QCOMPARE(w.windowTitle(), QStringLiteral("Köprü"));
        // The lock is released: the file opens again.
        QVERIFY(w.openFile(m_dir.filePath(QStringLiteral("close.kopru"))));
    }

    // Issue #18: after a file is saved, "Open" and "Show in Folder"; the next
    // save dialog starts in the folder used last.
    void savedFileOffersOpenAndShowInFolder()
    {
        QList<QUrl> opened;
        SavedFiles::setUrlOpener([&opened](const QUrl &url) {
            opened << url;
            return true;
        });
        const QString path = m_dir.filePath(QStringLiteral("reports/plan.pdf"));
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QVERIFY(QFile(path).open(QIODevice::WriteOnly));
        for (const char *button : { "openSavedFile", "showSavedFileFolder" }) {
            QPointer<QMessageBox> box = SavedFiles::offer(nullptr, path, QStringLiteral("saved"));
            QVERIFY(box && box->isVisible());
            box->findChild<QPushButton *>(QLatin1String(button))->click();
            QTRY_VERIFY(!box);
        }
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened[0], QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()));
        QCOMPARE(opened[1], QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
        QCOMPARE(SavedFiles::lastFolder(QStringLiteral("/elsewhere")), QFileInfo(path).absolutePath());
        QCOMPARE(SavedFiles::suggestion(QStringLiteral("x.csv"), QStringLiteral("/elsewhere")),
            QDir(QFileInfo(path).absolutePath()).filePath(QStringLiteral("x.csv")));
        SavedFiles::setUrlOpener([](const QUrl &) { return false; });
    }

    void newAsksTheRoleAndTheTitleShowsIt()
    {
        MainWindow w;
        w.show();
        // File ▸ New… with the role dialog: a centre, chosen from the reference centres.
        const QString target = m_dir.filePath(QStringLiteral("centre3.kopru"));
        QFile::remove(target);
        QVERIFY(w.createDatabaseAt(target, DatabaseRole::centre(3)).ok());
        QCOMPARE(DatabaseRole::read(w.database()->connection())->code(), QStringLiteral("centre:3"));
        const QString centreName
            = test::scalar(w.database()->connection(), QStringLiteral("SELECT name FROM centre WHERE id = 3")).toString();
        QVERIFY(!centreName.isEmpty());
        QCOMPARE(w.windowTitle(), QStringLiteral("centre3.kopru — %1").arg(centreName));
        const QString national = m_dir.filePath(QStringLiteral("national.kopru"));
        QFile::remove(national);
        QVERIFY(w.createDatabaseAt(national).ok());
        QVERIFY(DatabaseRole::isStored(w.database()->connection()).value());
        QVERIFY(DatabaseRole::read(w.database()->connection())->isNational());
        QCOMPARE(w.windowTitle(), QStringLiteral("national.kopru — National office"));

        // The dialog offers the open database's role first, and the 15 centres.
        QVERIFY(w.openFile(target));
        bool sawDialog = false;
        whenModal([&sawDialog](QWidget *modal) {
            auto *dialog = qobject_cast<RoleDialog *>(modal);
            if (!dialog) {
                modal->close();
                return;
            }
            sawDialog = true;
            auto *centres = dialog->findChild<QComboBox *>(QStringLiteral("roleCentres"));
            QVERIFY(centres);
            QCOMPARE(centres->count(), 15);
            QCOMPARE(dialog->role(), DatabaseRole::centre(3));
            dialog->setRole(DatabaseRole::national());
            QCOMPARE(dialog->role(), DatabaseRole::national());
            dialog->reject();
        });
        RoleDialog dialog(DatabaseRole::read(w.database()->connection()).value(), &w);
        dialog.exec();
        QVERIFY(sawDialog);
    }

    void startDialogOffersThreeChoices()
    {
        StartDialog dialog;
        dialog.show();
        for (const char *name : { "createNew", "openExisting", "openDemo" })
            QVERIFY2(dialog.findChild<QCommandLinkButton *>(QLatin1String(name)), name);
        QCOMPARE(dialog.choice(), StartDialog::Choice::None);
        dialog.findChild<QCommandLinkButton *>(QStringLiteral("openExisting"))->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.choice(), StartDialog::Choice::OpenExisting);
        if (const QString dir = qEnvironmentVariable("KOPRU_TEST_SHOTS"); !dir.isEmpty()) {
            dialog.show();
            dialog.grab().save(QDir(dir).filePath(QStringLiteral("start-dialog.png")));
            PreferencesDialog preferences;
            preferences.show();
            preferences.grab().save(QDir(dir).filePath(QStringLiteral("preferences-dialog.png")));
        }
    }

    void aboutNamesVersionAndLicence()
    {
        MainWindow w;
        w.show();
        QString text;
        whenModal([&text](QWidget *modal) {
            if (auto *box = qobject_cast<QMessageBox *>(modal))
                text = box->text();
            modal->close();
        });
        w.findChild<QAction *>(QStringLiteral("aboutAction"))->trigger();
        QVERIFY(text.contains(QStringLiteral(KOPRU_VERSION)));
        QVERIFY(text.contains(QStringLiteral("GPL-3.0-or-later")));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
    }

    void preferencesStoreTheLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("tr") << "tr";
        QTest::newRow("en") << "en";
        QTest::newRow("auto") << "auto";
    }
    void preferencesStoreTheLanguage()
    {
        QFETCH(QString, language);
        PreferencesDialog dialog;
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("language"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 3);
        const int index = combo->findData(language);
        QVERIFY(index >= 0);
        combo->setCurrentIndex(index);
        dialog.accept();
        QCOMPARE(LanguagePreference::stored(), language);
        // Reopening shows the stored choice.
        PreferencesDialog again;
        QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("language"))->currentData().toString(), language);
    }

    // Issue #16: opening shows the database at once; its automatic backup is
    // made in the background, reported when done, and a close waits for it.
    void openingBacksUpInTheBackground()
    {
        const QString path = copyWithOwnIdentity(QStringLiteral("background.kopru"));
        QVERIFY(!path.isEmpty());
        QVERIFY(BackupManager().list(path).isEmpty());
        MainWindow w;
        QSignalSpy done(w.openBackup(), &BackgroundBackup::finished);
        QVERIFY(w.openFile(path));
        QVERIFY(w.database()); // shown before the backup is necessarily made
        QTRY_COMPARE(done.size(), 1);
        QCOMPARE(done.first().at(0).toString(), w.database()->path());
        QVERIFY(done.first().at(1).value<Status>().ok());
        const QList<BackupInfo> backups = BackupManager().list(path);
        QCOMPARE(backups.size(), 1);
        QCOMPARE(backups.first().reason, QStringLiteral("open"));
        QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("background.kopru")));

        // A change, then open again and close at once: the close waits for the
        // backup, which is complete and reported before the close returns.
        QVERIFY(Sql::exec(w.database()->connection(), QStringLiteral("UPDATE teacher SET notes = 'x' WHERE id = 1")));
        w.setDatabase(nullptr);
        QTest::qWait(1100); // file times have a resolution of a second on some file systems
        QVERIFY(w.openFile(path));
        w.setDatabase(nullptr);
        QCOMPARE(done.size(), 2);
        QVERIFY(done.last().at(1).value<Status>().ok());
        QCOMPARE(BackupManager().list(path).size(), 2);
        // Opened again unchanged: no new backup.
        QVERIFY(w.openFile(path));
        QTRY_COMPARE(done.size(), 3);
        QCOMPARE(BackupManager().list(path).size(), 2);
    }

    // Issue #16: the integrity check of a file also runs in the background;
    // when it fails the window asks (restore / read-only / close) and no
    // backup is made of the damaged file.
    void integrityCheckRunsInTheBackground()
    {
        // Data that breaks the rules: a placement of a teacher that does not exist.
        const QString path = copyWithOwnIdentity(QStringLiteral("damaged.kopru"), [](QSqlDatabase c) {
            return Sql::exec(c, QStringLiteral("PRAGMA foreign_keys = OFF")).ok()
                && Sql::exec(
                    c, QStringLiteral("UPDATE placement SET teacher_id = 99999999 WHERE id = (SELECT min(id) FROM placement)"))
                       .ok();
        });
        QVERIFY(!path.isEmpty());
        MainWindow w;
        QSignalSpy damaged(w.openBackup(), &BackgroundBackup::damaged);
        QSignalSpy backedUp(w.openBackup(), &BackgroundBackup::finished);
        QString asked;
        whenModal([&asked](QWidget *modal) {
            asked = modal->objectName();
            if (auto *b = modal->findChild<QAbstractButton *>(QStringLiteral("openReadOnlyButton")))
                b->click();
        });
        QVERIFY(w.openFile(path)); // opens at once: the check has not necessarily run
        QVERIFY(w.database());
        QTRY_COMPARE(damaged.size(), 1);
        QTRY_COMPARE(asked, QStringLiteral("integrityMessage"));
        QTRY_VERIFY(w.database() && w.database()->isReadOnly());
        QVERIFY(damaged.first()
                    .at(1)
                    .value<IntegrityReport>()
                    .problems.join(QLatin1Char('\n'))
                    .contains(QStringLiteral("placement")));
        QCOMPARE(backedUp.size(), 0);
        QVERIFY(BackupManager().list(path).isEmpty()); // no backup of a damaged file
        w.setDatabase(nullptr);

        // A sound file: the check passes, then the backup is made.
        QVERIFY(w.openFile(m_dbPath));
        QTRY_COMPARE(backedUp.size(), 1);
        QCOMPARE(damaged.size(), 1);
        QVERIFY(!w.database()->isReadOnly());
        w.setDatabase(nullptr);
    }

    // A plan conflict is not damage: a session holding more teachers than
    // its capacity (a coordinator moved one in after the question, or lowered
    // the capacity) opens without the damage question, writable, and is
    // backed up; the check lists it among the plan's conflicts.
    void aPlanConflictIsNotDamage()
    {
        const QString path = copyWithOwnIdentity(QStringLiteral("crowded.kopru"), [](QSqlDatabase c) {
            return Sql::exec(c,
                QStringLiteral("UPDATE training_session SET capacity = 1 WHERE id = (SELECT session_id FROM placement WHERE "
                               "status <> 'cancelled' GROUP BY session_id HAVING count(*) > 1 ORDER BY session_id LIMIT 1)"))
                .ok();
        });
        QVERIFY(!path.isEmpty());
        {
            auto db = Database::open(path);
            QVERIFY(db);
            const IntegrityReport report = checkIntegrity(db.value()->connection(), true);
            QVERIFY2(report.ok(), qPrintable(report.problems.join(QLatin1Char('\n'))));
            QCOMPARE(report.conflicts, QStringList { QStringLiteral("1 sessions hold more teachers than their capacity") });
        }
        MainWindow w;
        QSignalSpy damaged(w.openBackup(), &BackgroundBackup::damaged);
        QSignalSpy backedUp(w.openBackup(), &BackgroundBackup::finished);
        QVERIFY(w.openFile(path));
        QTRY_COMPARE(backedUp.size(), 1); // made only after the check passed
        QVERIFY(backedUp.first().at(1).value<Status>().ok());
        QCOMPARE(damaged.size(), 0);
        QVERIFY(!QApplication::activeModalWidget()); // no damage question
        QVERIFY(w.database() && !w.database()->isReadOnly());
        QCOMPARE(BackupManager().list(path).size(), 1);
        w.setDatabase(nullptr);
    }

    // Issue #18 point 8: a language chosen in Preferences applies at once,
    // without a restart; the database stays open on the same page.
    void languageChangeAppliesWithoutRestart()
    {
        Translations::install(*QCoreApplication::instance(), QStringLiteral("en"));
        LanguagePreference::store(QStringLiteral("en"));
        MainWindow w;
        connect(&w, &MainWindow::languageChangeRequested, &w,
            [](const QString &language) { Translations::install(*QCoreApplication::instance(), language); });
        QVERIFY(w.openFile(m_dbPath));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.showPage(QStringLiteral("teachers")));
        const Database *db = w.database();
        QCOMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("&File"));

        const auto choose = [&](const QString &language) {
            whenModal([language](QWidget *modal) {
                auto *dialog = qobject_cast<PreferencesDialog *>(modal);
                QVERIFY(dialog);
                auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("language"));
                combo->setCurrentIndex(combo->findData(language));
                dialog->accept();
            });
            w.findChild<QAction *>(QStringLiteral("preferencesAction"))->trigger();
        };
        choose(QStringLiteral("tr"));
        QTRY_COMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("&Dosya"));
        QCOMPARE(w.database(), db); // the same open database, not reopened
        QVERIFY2(w.windowTitle().contains(QStringLiteral("Genel Müdürlük")), qPrintable(w.windowTitle()));
        QCOMPARE(w.currentPage()->pageName(), QStringLiteral("teachers"));
        QCOMPARE(w.currentPage()->pageTitle(), QStringLiteral("Öğretmenler"));
        auto *navigation = w.findChild<QListWidget *>(QStringLiteral("navigation"));
        QCOMPARE(navigation->item(0)->text(), QStringLiteral("Genel bakış"));
        QCOMPARE(navigation->currentRow(), 1);
        // The rebuilt pages work: the table has the database's teachers, headed in Turkish.
        QTableView *table = w.currentPage()->printTable();
        QVERIFY(table);
        QTRY_COMPARE(table->model()->rowCount(), 200);
        QCOMPARE(table->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("T.C. Kimlik No"));
        QCOMPARE(w.findChildren<QListWidget *>(QStringLiteral("navigation")).size(), 1); // the old widgets are gone

        choose(QStringLiteral("en"));
        QTRY_COMPARE(w.menuBar()->actions().first()->text(), QStringLiteral("&File"));
        navigation = w.findChild<QListWidget *>(QStringLiteral("navigation"));
        QCOMPARE(navigation->item(0)->text(), QStringLiteral("Overview"));
        QVERIFY2(w.windowTitle().contains(QStringLiteral("National office")), qPrintable(w.windowTitle()));
        QCOMPARE(w.database(), db);
        QLocale::setDefault(QLocale::c());
    }

    void navigationShowsEveryPageTitleWhole()
    {
        for (const QString &language : { QStringLiteral("tr"), QStringLiteral("en") }) {
            Translations::install(*QCoreApplication::instance(), language);
            MainWindow w;
            w.resize(1000, 700);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            auto *navigation = w.findChild<QListWidget *>(QStringLiteral("navigation"));
            QVERIFY(navigation);
            QCOMPARE(navigation->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
            for (int row = 0; row < navigation->count(); ++row) {
                const QRect item = navigation->visualItemRect(navigation->item(row));
                const int needed
                    = navigation->iconSize().width() + navigation->fontMetrics().horizontalAdvance(navigation->item(row)->text());
                QVERIFY2(needed < item.width() && item.right() <= navigation->viewport()->width(),
                    qPrintable(QStringLiteral("%1: %2 px needed, %3 px shown")
                                   .arg(navigation->item(row)->text())
                                   .arg(needed)
                                   .arg(item.width())));
            }
        }
        for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>())
            QCoreApplication::removeTranslator(t);
        QLocale::setDefault(QLocale::c());
    }

    void overviewShowsTheOpenDatabase()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(m_dbPath));
        auto *table = w.findChild<QTableView *>(QStringLiteral("overviewTable"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 25);
        w.setDatabase(nullptr);
        QCOMPARE(table->model()->rowCount(), 0);
    }

    void hiddenPagesLoadWhenFirstShown()
    {
        // Opening loads the page shown; the others load when the user visits them.
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(m_dbPath));
        QCOMPARE(w.currentPage()->pageName(), QStringLiteral("overview"));
        Page *teachers = w.pages()[1];
        QCOMPARE(teachers->pageName(), QStringLiteral("teachers"));
        QVERIFY(w.currentPage()->isLoaded());
        QVERIFY(!teachers->isLoaded());
        auto *view = teachers->findChild<QTableView *>(QStringLiteral("entities"));
        QVERIFY(view);
        QCOMPARE(view->model()->rowCount(), 0);
        // A change announced meanwhile does not load the hidden page either.
        emit w.pages()[0]->dataModified();
        QVERIFY(!teachers->isLoaded());
        QVERIFY(w.showPage(QStringLiteral("teachers")));
        QVERIFY(teachers->isLoaded());
        QCOMPARE(view->model()->rowCount(), 200);
        // Another database: the visible page loads it at once, the overview (hidden) later.
        const QString other = copyOfDatabase(QStringLiteral("lazy.kopru"));
        {
            auto db = Database::open(other);
            QVERIFY(db);
            QVERIFY(Sql::exec(db.value()->connection(),
                QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id) VALUES "
                               "('10000000146', 'Ayşe', 'Işık', 1, 6)")));
        }
        QVERIFY(w.openFile(other));
        QVERIFY(teachers->isLoaded());
        QCOMPARE(view->model()->rowCount(), 201);
        QVERIFY(!w.pages()[0]->isLoaded());
        // Closing unloads every page, loaded or not.
        w.setDatabase(nullptr);
        QVERIFY(teachers->isLoaded() && w.pages()[0]->isLoaded());
        QCOMPARE(view->model()->rowCount(), 0);
    }

    void windowStateIsKeptInSettings()
    {
        QList<int> sizes;
        {
            MainWindow w;
            w.resize(1000, 700);
            w.show();
            QVERIFY(w.openFile(m_dbPath));
            w.showPage(QStringLiteral("needs"));
            auto *splitter = w.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
            QVERIFY(splitter);
            splitter->setSizes({ 310, 690 });
            sizes = splitter->sizes();
            auto *table = w.findChild<QTableView *>(QStringLiteral("overviewTable"));
            QVERIFY(table);
            table->horizontalHeader()->moveSection(2, 6); // drag "Teachers" to the end
            w.close();
        }
        MainWindow w;
        w.resize(1000, 700);
        w.show();
        w.restoreSettings();
        QVERIFY(w.openFile(m_dbPath));
        QCOMPARE(w.currentPage()->pageName(), QStringLiteral("needs"));
        QCOMPARE(w.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), sizes);
        QCOMPARE(w.findChild<QTableView *>(QStringLiteral("overviewTable"))->horizontalHeader()->logicalIndex(6), 2);
    }

    void pageSignalsReachTheWindow()
    {
        const QString path = copyOfDatabase(QStringLiteral("modified.kopru"));
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openFile(path));
        Page *overview = w.pages()[0];
        Page *teachers = w.pages()[1];
        auto *table = w.findChild<QTableView *>(QStringLiteral("overviewTable"));
        QVERIFY(table);
        auto teachersShown = [table] {
            int sum = 0;
            for (int r = 0; r < table->model()->rowCount(); ++r)
                sum += table->model()->index(r, 2).data().toInt();
            return sum;
        };
        QCOMPARE(teachersShown(), 200);
        // Another page changes data and says so: the overview reloads.
        QVERIFY(Sql::exec(w.database()->connection(),
            QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id) VALUES "
                           "('10000000146', 'Ayşe', 'Işık', 1, 6)")));
        QCOMPARE(teachersShown(), 200);
        emit teachers->dataModified();
        QCOMPARE(teachersShown(), 201);
        // Hidden, the overview reloads when it is shown again, not at each
        // change (each edit of the planning page reloaded it: 0.8 s at 100,000 teachers).
        QVERIFY(w.showPage(QStringLiteral("teachers")));
        QVERIFY(Sql::exec(w.database()->connection(),
            QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id) VALUES "
                           "('10000000214', 'Çağrı', 'Öztürk', 1, 6)")));
        emit teachers->dataModified();
        QCOMPARE(teachersShown(), 201);
        QVERIFY(w.showPage(QStringLiteral("overview")));
        QCOMPARE(teachersShown(), 202);
        // A page's status message appears in the status bar.
        emit overview->statusMessage(QStringLiteral("hello from a page"), 0);
        QCOMPARE(w.statusBar()->currentMessage(), QStringLiteral("hello from a page"));
    }

    void overviewGroupsByCentre()
    {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(w.openFile(m_dbPath));
        auto *grouping = w.findChild<QComboBox *>(QStringLiteral("overviewGrouping"));
        auto *table = w.findChild<QTableView *>(QStringLiteral("overviewTable"));
        QVERIFY(grouping && table);
        grouping->setCurrentIndex(grouping->findData(1));
        QCOMPARE(table->model()->rowCount(), 15); // the demo gives every teacher a centre
        QCOMPARE(table->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Centre"));
        int teachers = 0;
        for (int r = 0; r < table->model()->rowCount(); ++r)
            teachers += table->model()->index(r, 2).data().toInt();
        QCOMPARE(teachers, 200);
        // To look at it: KOPRU_TEST_SHOTS=/some/dir
        if (const QString dir = qEnvironmentVariable("KOPRU_TEST_SHOTS"); !dir.isEmpty())
            w.grab().save(QDir(dir).filePath(QStringLiteral("overview-by-centre.png")));
    }

    void undoActionsFollowTheStack()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_dbPath));
        QUndoStack *stack = w.undoStack();
        QVERIFY(stack->undoLimit() >= 100);
        auto *undo = w.findChild<QAction *>(QStringLiteral("undoAction"));
        auto *redo = w.findChild<QAction *>(QStringLiteral("redoAction"));
        QVERIFY(undo && redo);
        QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
        QVERIFY(!undo->isEnabled());
        QVERIFY(!redo->isEnabled());
        int counter = 0;
        stack->push(new CountCommand(&counter));
        QCOMPARE(counter, 1);
        QVERIFY(undo->isEnabled());
        QVERIFY(!redo->isEnabled());
        undo->trigger();
        QCOMPARE(counter, 0);
        QVERIFY(!undo->isEnabled());
        QVERIFY(redo->isEnabled());
        redo->trigger();
        QCOMPARE(counter, 1);
        // A new database makes the old history meaningless.
        QVERIFY(w.openFile(m_dbPath));
        QCOMPARE(stack->count(), 0);
        QVERIFY(!undo->isEnabled());
        QVERIFY(!redo->isEnabled());
    }

    void recentFilesAreUpdatedAndStored()
    {
        const QString second = copyOfDatabase(QStringLiteral("second.kopru"));
        QVERIFY(!second.isEmpty());
        MainWindow w;
        QVERIFY(w.recentFiles()->files().isEmpty());
        QVERIFY(w.openFile(m_dbPath));
        QVERIFY(w.openFile(second));
        const QStringList expected { QFileInfo(second).absoluteFilePath(), QFileInfo(m_dbPath).absoluteFilePath() };
        QCOMPARE(w.recentFiles()->files(), expected);
        QCOMPARE(QSettings().value(QStringLiteral("recentFiles")).toStringList(), expected);
        // Reopening moves the file to the top without duplicating it.
        QVERIFY(w.openFile(m_dbPath));
        QCOMPARE(w.recentFiles()->files(), (QStringList { expected[1], expected[0] }));
        // A new window reads the list back.
        MainWindow other;
        QCOMPARE(other.recentFiles()->files(), (QStringList { expected[1], expected[0] }));
        auto *menu = w.findChild<QMenu *>(QStringLiteral("recentMenu"));
        QVERIFY(menu);
        QVERIFY(menu->isEnabled());
        QCOMPARE(menu->actions().first()->text(), QStringLiteral("&1 small.kopru"));
    }

    void recentFilesKeepAtMostEight()
    {
        RecentFiles recent(nullptr);
        for (int i = 0; i < 12; ++i)
            recent.add(m_dir.filePath(QStringLiteral("f%1.kopru").arg(i)));
        QCOMPARE(recent.files().size(), RecentFiles::kMaximum);
        QCOMPARE(RecentFiles::kMaximum, 8);
        QCOMPARE(QFileInfo(recent.files().first()).fileName(), QStringLiteral("f11.kopru"));
        QCOMPARE(QFileInfo(recent.files().last()).fileName(), QStringLiteral("f4.kopru"));
    }

    void missingRecentFileIsRemovedWithAMessage()
    {
        const QString gone = copyOfDatabase(QStringLiteral("gone.kopru"));
        MainWindow w;
        QVERIFY(w.openFile(gone));
        w.setDatabase(nullptr);
        QVERIFY(QFile::remove(gone));
        auto *menu = w.findChild<QMenu *>(QStringLiteral("recentMenu"));
        QVERIFY(menu);
        menu->actions().first()->trigger();
        QVERIFY(w.recentFiles()->files().isEmpty());
        QVERIFY(QSettings().value(QStringLiteral("recentFiles")).toStringList().isEmpty());
        QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("gone.kopru")));
        QVERIFY(!w.database());
    }

    void damagedFileShowsAnErrorAndKeepsTheWindowUsable()
    {
        const QString broken = m_dir.filePath(QStringLiteral("broken.kopru"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, '\x5a'));
        f.close();

        MainWindow w;
        w.show();
        QVERIFY(w.openFile(m_dbPath));
        QString shownText;
        whenModal([&shownText](QWidget *modal) {
            if (auto *box = qobject_cast<QMessageBox *>(modal))
                shownText = box->text() + box->informativeText();
            modal->close();
        });
        QVERIFY(!w.openFile(broken));
        QVERIFY2(!shownText.isEmpty(), "no message box was shown");
        // The database that was open stays open and the window works.
        QVERIFY(w.database());
        QCOMPARE(QFileInfo(w.database()->path()).fileName(), QStringLiteral("small.kopru"));
        QVERIFY(!w.recentFiles()->files().contains(QFileInfo(broken).absoluteFilePath()));
        w.pageAction(1)->trigger();
        QCOMPARE(w.currentPage()->pageName(), QStringLiteral("teachers"));
    }

    void startDialogOpensTheDemoDatabase()
    {
        QFile::remove(demoDatabasePath()); // built on first use only
        MainWindow w;
        w.show();
        bool sawProgress = false;
        whenModal([&sawProgress](QWidget *modal) {
            auto *start = qobject_cast<StartDialog *>(modal);
            QVERIFY(start);
            auto *demo = start->findChild<QCommandLinkButton *>(QStringLiteral("openDemo"));
            QVERIFY(demo);
            // While the worker builds the demo, the progress dialog is up and events flow.
            whenModal([&sawProgress](QWidget *progress) { sawProgress = qobject_cast<QProgressDialog *>(progress) != nullptr; });
            demo->click();
        });
        QVERIFY(w.offerStart());
        QVERIFY(sawProgress);
        QVERIFY(w.database());
        QCOMPARE(QFileInfo(w.database()->path()), QFileInfo(demoDatabasePath()));
        QCOMPARE(test::scalar(w.database()->connection(), QStringLiteral("SELECT count(*) FROM teacher")).toInt(),
            DemoGenerator::Options {}.teachers);
    }

    void screenshotModeWritesThePage_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("lang");
        QTest::newRow("overview en") << "overview"
                                     << "en";
        QTest::newRow("overview tr") << "overview"
                                     << "tr";
        QTest::newRow("teachers") << "teachers"
                                  << "en";
        QTest::newRow("schedule") << "schedule"
                                  << "en";
    }
    void screenshotModeWritesThePage()
    {
        QFETCH(QString, page);
        QFETCH(QString, lang);
        const QString png = m_dir.filePath(QStringLiteral("shot-%1-%2.png").arg(page, lang));
        QProcess p;
        p.start(QStringLiteral(KOPRU_GUI),
            { m_dbPath, QStringLiteral("--page"), page, QStringLiteral("--field"), QStringLiteral("ELK"),
                QStringLiteral("--lang"), lang, QStringLiteral("--screenshot"), png });
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1400, 900));
    }

    void wrongUsageExitsWithTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expectedInMessage");
        QTest::newRow("unknown option") << QStringList { QStringLiteral("--bogus") } << "bogus";
        QTest::newRow("bad language") << QStringList { QStringLiteral("--lang"), QStringLiteral("de") } << "--lang";
        QTest::newRow("two databases") << QStringList { QStringLiteral("a.kopru"), QStringLiteral("b.kopru") } << "one database";
        QTest::newRow("screenshot without database")
            << QStringList { QStringLiteral("--screenshot"), QStringLiteral("x.png") } << "--screenshot";
    }
    void wrongUsageExitsWithTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expectedInMessage);
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(QStringLiteral(KOPRU_GUI), args);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(expectedInMessage));
    }

    void screenshotModeRefusesBadInput_data()
    {
        QTest::addColumn<bool>("goodDatabase");
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("expectedInMessage");
        QTest::newRow("unknown page") << true << "nonsense"
                                      << "nonsense";
        QTest::newRow("missing database") << false << "overview"
                                          << "missing.kopru";
    }
    void screenshotModeRefusesBadInput()
    {
        QFETCH(bool, goodDatabase);
        QFETCH(QString, page);
        QFETCH(QString, expectedInMessage);
        const QString png = m_dir.filePath(QStringLiteral("refused.png"));
        QFile::remove(png);
        QProcess p;
        p.start(QStringLiteral(KOPRU_GUI),
            { goodDatabase ? m_dbPath : m_dir.filePath(QStringLiteral("missing.kopru")), QStringLiteral("--page"), page,
                QStringLiteral("--screenshot"), png });
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(expectedInMessage));
        QVERIFY(!QFile::exists(png));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
