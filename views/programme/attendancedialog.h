// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace kopru {

class Database;
namespace programme {
class SessionAttendanceModel;
class SessionEvaluationModel;
} // namespace programme

// Schedule ▸ Attendance and outcomes…: one training session's follow-through
// (issue #15). Tab "Attendance and outcome": per teacher the outcome, the
// cancellation and absence reasons and the hours of each working day, with
// the bulk actions "All present, full days" and "Mark all completed"; tabs
// for the two evaluations (the training by the teachers, each teacher by the
// partner). Nothing is written until Save, which writes all three in one
// transaction; Cancel asks before dropping edits not saved.
class AttendanceDialog final : public QDialog
{
    Q_OBJECT
public:
    AttendanceDialog(Database *db, int sessionId, QWidget *parent);

    bool isModified() const;
    // For tests.
    programme::SessionAttendanceModel *attendanceModel() const { return m_attendance; }
    programme::SessionEvaluationModel *trainingModel() const { return m_training; }
    programme::SessionEvaluationModel *teacherModel() const { return m_teacher; }
    QTableView *attendanceView() const { return m_attendanceView; }
    QTabWidget *tabs() const { return m_tabs; }
    QString messageText() const;

public slots:
    // Writes every edit in one transaction; true on success (an error is shown).
    bool saveChanges();
    // Asks before dropping edits not saved.
    void reject() override;

signals:
    // The database changed (after a save).
    void saved();

private:
    void createLayout();
    QTableView *createTable(QWidget *parent);
    QWidget *evaluationTab(programme::SessionEvaluationModel *model);
    void load();
    void updateState();

    Database *m_db;
    int m_sessionId;
    QLabel *m_title = nullptr;
    QTabWidget *m_tabs = nullptr;
    programme::SessionAttendanceModel *m_attendance = nullptr;
    programme::SessionEvaluationModel *m_training = nullptr;
    programme::SessionEvaluationModel *m_teacher = nullptr;
    QTableView *m_attendanceView = nullptr;
    QLabel *m_planned = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_fill = nullptr;
    QPushButton *m_complete = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace kopru
