// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/safety/backupmanager.h"

#include <QDialog>
#include <functional>

class QDialogButtonBox;
class QLabel;
class QDateTime;
class QTableView;

namespace kopru {

class BackupListModel;

// Lists the automatic backups of one database (date, why it was made, size)
// and lets the user choose the one to restore.
class RestoreBackupDialog final : public QDialog
{
    Q_OBJECT
public:
    RestoreBackupDialog(const QString &databasePath, const BackupManager &manager, QWidget *parent = nullptr);

    // The chosen backup, or an empty string.
    QString selectedBackupPath() const;
    int backupCount() const;
    QTableView *table() const { return m_table; }
    // When a backup was made, in local time and the UI language's format,
    // to the second, without a time zone ("6 Aralık 2026 Pazar 08:25:05").
    static QString timeText(const QDateTime &created);

private:
    void createLayout(const QString &databasePath, const QString &backupFolder);
    void updateButtons();

    BackupListModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

enum class RestoreOutcome { Cancelled, Restored, Failed };

// File › Restore Backup…: shows the dialog for `databasePath`, asks for
// confirmation, calls `closeDatabase` (the caller must release its
// connection: restoring needs the file closed), restores and reports the
// result. After anything but Cancelled the caller reopens `databasePath`.
RestoreOutcome restoreBackupInteractive(const QString &databasePath, QWidget *parent,
    const std::function<void()> &closeDatabase = {}, const BackupManager &manager = BackupManager());

} // namespace kopru
