// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/exchange/databaserole.h"

#include <QDialog>
#include <QStringList>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace kopru {

class Database;

// File ▸ Send to…: makes a package for the national office (from a centre)
// or for one or all centres (from the national office): only what changed
// since the package the receiver last acknowledged (the default) or
// everything. Proposes the file name sender-receiver-sequence.kopru-pkg in
// the folder used last; packs in a worker thread with its own connection,
// then offers to show the file in its folder.
class SendPackageDialog final : public QDialog
{
    Q_OBJECT
public:
    SendPackageDialog(Database *db, QWidget *parent);
    ~SendPackageDialog() override;

    // "national", "centre:3" or "all" (every centre); false when not offered.
    bool setReceiver(const QString &code);
    QString receiverCode() const;
    void setFull(bool full);
    bool isFull() const;
    // The package file (one receiver) or the folder (all centres).
    void setTarget(const QString &path);
    QString target() const;

    // Makes the package(s) in the background; finished() tells the outcome.
    void send();
    bool isRunning() const { return m_running; }
    // The files written by the last send(), and its message (or refusal).
    const QStringList &written() const { return m_written; }
    QString message() const;

    // sender-receiver-sequence.kopru-pkg, e.g. "centre3-national-2.kopru-pkg".
    static QString proposedFileName(const DatabaseRole &sender, const DatabaseRole &receiver, int sequence);

signals:
    void finished(bool ok);

private:
    struct Outcome
    {
        QStringList written, lines;
        QString error;
    };

    void updateProposal();
    void browse();
    void done(const Outcome &outcome);
    QList<DatabaseRole> receivers() const;
    int nextSequence(const DatabaseRole &receiver) const;

    Database *m_db;
    DatabaseRole m_role;
    QComboBox *m_receiver = nullptr;
    QRadioButton *m_changed = nullptr;
    QRadioButton *m_everything = nullptr;
    QLabel *m_acknowledged = nullptr;
    QLabel *m_targetLabel = nullptr;
    QLineEdit *m_target = nullptr;
    QPushButton *m_browse = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_showInFolder = nullptr;
    QPushButton *m_close = nullptr;
    QStringList m_written;
    bool m_running = false;
    class QThread *m_thread = nullptr;
};

} // namespace kopru
