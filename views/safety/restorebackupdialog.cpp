// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/safety/restorebackupdialog.h"

#include "models/safety/backuplistmodel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace kopru {

RestoreBackupDialog::RestoreBackupDialog(const QString &databasePath, const BackupManager &manager, QWidget *parent)
    : QDialog(parent)
    , m_model(new BackupListModel(this))
{
    setObjectName(QStringLiteral("restoreBackupDialog"));
    setWindowTitle(tr("Restore Backup"));
    m_model->setBackups(manager.list(databasePath));
    createLayout(databasePath, manager.folderFor(databasePath));
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    updateButtons();
    resize(560, 380);
}

void RestoreBackupDialog::createLayout(const QString &databasePath, const QString &backupFolder)
{
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Köprü keeps the last backups of <b>%1</b> automatically: when the file is opened and "
                                "before every import, plan run and upgrade. Choose the state to go back to. "
                                "The current file is kept as a backup too, so a restore can be undone.")
                                 .arg(QFileInfo(databasePath).fileName().toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("backupTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(BackupListModel::CreatedColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(BackupListModel::ReasonColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(BackupListModel::SizeColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);

    auto *folder = new QLabel(tr("Backup folder: %1").arg(QDir::toNativeSeparators(backupFolder)), this);
    folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    folder->setWordWrap(true);
    layout->addWidget(folder);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *restore = m_buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole);
    restore->setObjectName(QStringLiteral("restoreButton"));
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RestoreBackupDialog::updateButtons);
    connect(m_table, &QTableView::doubleClicked, this, &QDialog::accept);
}

void RestoreBackupDialog::updateButtons()
{
    const bool chosen = m_table->selectionModel()->hasSelection();
    for (QAbstractButton *b : m_buttons->buttons())
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(chosen);
}

QString RestoreBackupDialog::selectedBackupPath() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->backupAt(rows.first().row()).path;
}

int RestoreBackupDialog::backupCount() const
{
    return m_model->rowCount();
}

RestoreOutcome restoreBackupInteractive(
    const QString &databasePath, QWidget *parent, const std::function<void()> &closeDatabase, const BackupManager &manager)
{
    const QString name = QDir::toNativeSeparators(databasePath);
    if (manager.list(databasePath).isEmpty()) {
        QMessageBox box(QMessageBox::Information, RestoreBackupDialog::tr("Restore Backup"),
            RestoreBackupDialog::tr("There are no backups of %1 yet.").arg(name), QMessageBox::Ok, parent);
        box.setObjectName(QStringLiteral("noBackupsMessage"));
        box.exec();
        return RestoreOutcome::Cancelled;
    }
    RestoreBackupDialog dialog(databasePath, manager, parent);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedBackupPath().isEmpty())
        return RestoreOutcome::Cancelled;
    const QString chosen = dialog.selectedBackupPath();
    const QList<BackupInfo> all = manager.list(databasePath);
    QString when = chosen;
    for (const BackupInfo &b : all)
        if (b.path == chosen)
            when = RestoreBackupDialog::timeText(b.created);

    QMessageBox confirm(QMessageBox::Question, RestoreBackupDialog::tr("Restore Backup"),
        RestoreBackupDialog::tr("Replace %1 by its backup of %2?\n\nThe current state is kept as a backup.").arg(name, when),
        QMessageBox::NoButton, parent);
    confirm.setObjectName(QStringLiteral("confirmRestoreMessage"));
    QPushButton *yes = confirm.addButton(RestoreBackupDialog::tr("&Restore"), QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("confirmRestoreButton"));
    confirm.addButton(QMessageBox::Cancel);
    confirm.setDefaultButton(yes);
    confirm.exec();
    if (confirm.clickedButton() != yes)
        return RestoreOutcome::Cancelled;

    if (closeDatabase)
        closeDatabase();
    BackupManager restorer(manager.root(), manager.keep());
    if (Status s = restorer.restore(chosen, databasePath); !s) {
        QMessageBox box(QMessageBox::Critical, RestoreBackupDialog::tr("Restore Backup"),
            RestoreBackupDialog::tr("The backup was not restored; the database was left as it was.\n\n%1").arg(s.message()),
            QMessageBox::Ok, parent);
        box.setObjectName(QStringLiteral("restoreFailedMessage"));
        box.exec();
        return RestoreOutcome::Failed;
    }
    return RestoreOutcome::Restored;
}

QString RestoreBackupDialog::timeText(const QDateTime &created)
{
    const QLocale locale;
    // The locale's long time format ends in the zone ("t"): the backup's local time needs none.
    QString timeFormat = locale.timeFormat(QLocale::LongFormat);
    timeFormat.remove(QLatin1Char('t'));
    const QDateTime local = created.toLocalTime();
    return locale.toString(local.date(), QLocale::LongFormat) + QLatin1Char(' ')
        + locale.toString(local.time(), timeFormat.simplified());
}

} // namespace kopru
