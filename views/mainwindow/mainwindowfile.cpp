// SPDX-License-Identifier: GPL-3.0-or-later
// File menu commands of the main window.
#include "models/core/languagepreference.h"
#include "models/db/database.h"
#include "models/db/serverurl.h"
#include "views/dialogs/preferencesdialog.h"
#include "views/exchange/receivepackagedialog.h"
#include "views/exchange/roledialog.h"
#include "views/exchange/sendpackagedialog.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/recentfiles.h"
#include "views/pages/page.h"
#include "views/pages/pageregistry.h"
#include "views/pages/savedfiles.h"
#include "views/pages/tablesnapshot.h"

#include <QApplication>
#include <QClipboard>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTextEdit>

namespace kopru {

namespace {

constexpr int kStatusTimeoutMs = 8000;

QString fileFilter()
{
    return MainWindow::tr("Köprü databases (*.kopru)");
}

// Asks for a file to create; adds ".kopru" when missing. Empty when cancelled.
// Existing files are refused by the caller, so the dialog does not ask to overwrite.
QString askNewPath(QWidget *parent, const QString &title, const QString &suggestion)
{
    QFileDialog dialog(parent, title, suggestion, fileFilter());
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setDefaultSuffix(QStringLiteral("kopru"));
    dialog.setOption(QFileDialog::DontConfirmOverwrite, true);
    if (QFileInfo(suggestion).isFile() || !QFileInfo(suggestion).exists())
        dialog.selectFile(suggestion);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    QString path = dialog.selectedFiles().constFirst();
    if (!path.endsWith(QLatin1String(".kopru"), Qt::CaseInsensitive))
        path += QLatin1String(".kopru");
    return path;
}

// The Documents folder (created when missing, as on a fresh account), else the home folder.
QString documentsDir()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QDir().mkpath(documents) && QFileInfo(documents).isWritable())
        return documents;
    return QDir::homePath();
}

} // namespace

QString MainWindow::newDatabaseSuggestion() const
{
    const QString dir = m_db && !m_db->isServer() && QFileInfo(QFileInfo(m_db->path()).absolutePath()).isWritable()
        ? QFileInfo(m_db->path()).absolutePath()
        : documentsDir();
    return QDir(dir).filePath(tr("programme") + QLatin1String(".kopru"));
}

void MainWindow::newDatabase()
{
    const QString path = askNewPath(this, tr("New Database"), newDatabaseSuggestion());
    if (path.isEmpty())
        return;
    // A new database of the same centre as the open one, else the national office's.
    DatabaseRole initial;
    if (m_db)
        if (auto current = DatabaseRole::read(m_db->connection()))
            initial = current.value();
    RoleDialog roleDialog(initial, this);
    if (roleDialog.exec() != QDialog::Accepted)
        return;
    if (Status s = createDatabaseAt(path, roleDialog.role()); !s)
        QMessageBox::warning(this, tr("New Database"), s.message());
}

Status MainWindow::createDatabaseAt(QString path, const DatabaseRole &role)
{
    if (!path.endsWith(QLatin1String(".kopru"), Qt::CaseInsensitive))
        path += QLatin1String(".kopru");
    if (QFileInfo::exists(path))
        return Status::failure(
            tr("%1 already exists. Choose another name; Köprü never overwrites a database.").arg(QDir::toNativeSeparators(path)));
    // A folder typed in the dialog that does not exist yet is made.
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Status::failure(
            tr("The folder %1 could not be created.").arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
    auto db = Database::create(path, [role](QSqlDatabase c) { return role.write(c); });
    if (!db)
        return Status::failure(tr("The database could not be created:\n%1").arg(db.message()));
    m_recent->add(path);
    setDatabase(std::move(db.value()));
    statusBar()->showMessage(tr("Created %1").arg(QDir::toNativeSeparators(path)), kStatusTimeoutMs);
    return {};
}

void MainWindow::openDatabase()
{
    const QString dir = m_db && !m_db->isServer() ? QFileInfo(m_db->path()).absolutePath() : documentsDir();
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open Database"), dir, fileFilter() + QLatin1String(";;") + tr("All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::sendPackage()
{
    if (!m_db)
        return;
    SendPackageDialog dialog(m_db.get(), this);
    connect(&dialog, &SendPackageDialog::finished, this, [this](bool) { refreshPagesExcept(nullptr); });
    dialog.exec();
}

void MainWindow::receivePackage()
{
    if (!m_db)
        return;
    QSettings settings;
    const QString folder = settings.value(QStringLiteral("exchange/folder"), documentsDir()).toString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Receive Package"), folder, tr("Köprü packages (*.kopru-pkg)") + QLatin1String(";;") + tr("All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("exchange/folder"), QFileInfo(path).absolutePath());
    receivePackageFile(path);
}

bool MainWindow::receivePackageFile(const QString &path)
{
    if (!m_db)
        return false;
    ReceivePackageDialog dialog(m_db.get(), path, this);
    dialog.exec();
    if (!dialog.applied())
        return false;
    // Pages show what arrived; the role may have been confirmed by the first package.
    refreshPagesExcept(nullptr);
    statusBar()->showMessage(tr("Received %1").arg(QDir::toNativeSeparators(path)), kStatusTimeoutMs);
    return true;
}

void MainWindow::saveCopy()
{
    if (!m_db)
        return;
    if (m_db->isServer()) {
        statusBar()->showMessage(tr("Backups of a server database are made by its IT staff with pg_dump"), kStatusTimeoutMs);
        return;
    }
    const QFileInfo current(m_db->path());
    const QString suggestion = current.absoluteDir().filePath(
        QStringLiteral("%1-%2.kopru").arg(current.completeBaseName(), QDate::currentDate().toString(Qt::ISODate)));
    const QString path = askNewPath(this, tr("Save a Copy"), suggestion);
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path)) {
        QMessageBox::warning(this, tr("Save a Copy"),
            tr("%1 already exists. Choose another name; a copy never overwrites a file.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    if (Status s = m_db->backupTo(path); !s) {
        QMessageBox::critical(this, tr("Save a Copy"), tr("The copy could not be written:\n%1").arg(s.message()));
        return;
    }
    statusBar()->showMessage(tr("Saved a copy as %1").arg(QDir::toNativeSeparators(path)), kStatusTimeoutMs);
}

void MainWindow::closeDatabase()
{
    if (!m_db)
        return;
    const QString path = m_db->isServer() ? ServerUrl::shortName(m_db->path()) : QDir::toNativeSeparators(m_db->path());
    setDatabase(nullptr);
    statusBar()->showMessage(tr("Closed %1").arg(path), kStatusTimeoutMs);
}

void MainWindow::printCurrentPage()
{
    Page *page = currentPage();
    if (!m_db || !page)
        return;
    if (!page->canPrint()) {
        statusBar()->showMessage(tr("This page has nothing to print."), kStatusTimeoutMs);
        return;
    }
    page->print();
}

void MainWindow::copySelection()
{
    QWidget *focus = QApplication::focusWidget();
    // Text fields copy their own selection.
    if (qobject_cast<QLineEdit *>(focus) || qobject_cast<QTextEdit *>(focus) || qobject_cast<QPlainTextEdit *>(focus)) {
        QMetaObject::invokeMethod(focus, "copy");
        return;
    }
    // A table: the selected cells as Excel pastes them, with their column headers.
    auto *table = qobject_cast<QTableView *>(focus);
    if (!table && currentPage())
        table = currentPage()->printTable();
    if (!table || !table->selectionModel() || !table->selectionModel()->hasSelection()) {
        statusBar()->showMessage(tr("Select cells of a table to copy."), kStatusTimeoutMs);
        return;
    }
    const TableSnapshot snapshot = TableSnapshot::of(table, true);
    QApplication::clipboard()->setText(snapshot.toTsv());
    statusBar()->showMessage(
        tr("Copied %Ln row(s) with their column headers.", nullptr, int(snapshot.rows.size())), kStatusTimeoutMs);
}

void MainWindow::focusSearch()
{
    Page *page = currentPage();
    QLineEdit *search = page ? page->searchEdit() : nullptr;
    if (!search) {
        statusBar()->showMessage(tr("This page has no search box."), kStatusTimeoutMs);
        return;
    }
    search->setFocus(Qt::ShortcutFocusReason);
    search->selectAll();
}

void MainWindow::importData()
{
    if (!m_db)
        return;
    if (runImportWizard(m_db.get(), this))
        refreshPagesExcept(nullptr);
}

void MainWindow::exportData()
{
    if (m_db)
        runExportDialog(m_db.get(), this);
}

Status MainWindow::exportTableTo(const QString &path)
{
    Page *page = currentPage();
    const QTableView *table = page ? page->printTable() : nullptr;
    if (!m_db || !table)
        return Status::failure(tr("This page has no table to export."));
    const TableSnapshot snapshot = TableSnapshot::of(table, false);
    const QLocale locale;
    const QStringList notes { tr("%1, %2 — %Ln row(s) as shown in Köprü", nullptr, int(snapshot.rows.size()))
                                  .arg(ServerUrl::shortName(m_db->path()),
                                      locale.toString(QDate::currentDate(), QLocale::ShortFormat)) };
    return snapshot.save(path, page->pageTitle(), notes);
}

void MainWindow::exportTable()
{
    Page *page = currentPage();
    if (!m_db || !page || !page->printTable()) {
        statusBar()->showMessage(tr("This page has no table to export."), kStatusTimeoutMs);
        return;
    }
    // "Öğretmenler 2026-12-06.xlsx": the page and the day, in the last folder used.
    const QString name = page->pageTitle() + QLatin1Char(' ') + QDate::currentDate().toString(Qt::ISODate);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Table"),
        SavedFiles::suggestion(name + QStringLiteral(".xlsx"), documentsDir()),
        tr("Excel workbook (*.xlsx);;CSV, UTF-8 with ';' (*.csv)"));
    if (path.isEmpty())
        return;
    if (const Status saved = exportTableTo(path); !saved) {
        QMessageBox::warning(this, tr("Not Saved"), saved.message());
        return;
    }
    SavedFiles::offer(this, path, tr("The table was saved to %1.").arg(QDir::toNativeSeparators(path)));
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString chosen = LanguagePreference::resolve(LanguagePreference::stored());
    const QString shown = QLocale().language() == QLocale::Turkish ? QStringLiteral("tr") : QStringLiteral("en");
    if (chosen == shown)
        return;
    emit languageChangeRequested(chosen);
    // After the dialog and the menu that opened it are gone.
    QMetaObject::invokeMethod(this, &MainWindow::rebuildInCurrentLanguage, Qt::QueuedConnection);
}

} // namespace kopru
