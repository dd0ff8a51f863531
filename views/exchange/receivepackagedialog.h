// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/exchange/receiver.h"

#include <QDialog>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QThread;

namespace kopru {

class Database;

// File ▸ Receive Package…: first a dry run of the package (in a worker
// thread with its own connection) shows who sent it, where it stands in the
// sequence and, per table, what is new, updated, unchanged, deleted, held as
// a conflict or refused; Apply then receives it in one transaction after a
// backup, Cancel changes nothing. A package the database refuses (damaged,
// unknown sender, out of sequence, stale, newer schema) is explained and
// nothing is changed.
class ReceivePackageDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class State { Checking, Refused, AlreadyReceived, Ready, Applying, Applied };

    ReceivePackageDialog(Database *db, const QString &packagePath, QWidget *parent);
    ~ReceivePackageDialog() override;

    State state() const { return m_state; }
    // Receives the package for real (after the dry run showed it).
    void apply();
    bool applied() const { return m_state == State::Applied; }
    // The text shown above the summary (sender, sequence, or the refusal).
    QString message() const;
    // The result of the dry run (Ready) or of the application (Applied).
    const std::optional<Receiver::Result> &result() const { return m_result; }
    QTableWidget *summaryTable() const { return m_table; }

    // Translated title of a package table ("teacher" → "Teachers").
    static QString tableTitle(const QString &table);

signals:
    void stateChanged(kopru::ReceivePackageDialog::State state);

private:
    void run(bool dryRun);
    void finishRun(bool dryRun, const Expected<Receiver::Result> &result);
    void showSummary(const Receiver::Result &result);
    void setState(State state);

    Database *m_db;
    QString m_path;
    State m_state = State::Checking;
    std::optional<Receiver::Result> m_result;
    QLabel *m_header = nullptr;
    QLabel *m_message = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_consequences = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_cancel = nullptr;
    QThread *m_thread = nullptr;
};

} // namespace kopru
