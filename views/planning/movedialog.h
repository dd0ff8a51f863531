// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QSqlDatabase>

class QTableView;

namespace kopru {

class CandidateModel;

// Choose the session to move a teacher to, candidates ranked by score with
// the places left shown.
class MoveDialog final : public QDialog
{
    Q_OBJECT
public:
    MoveDialog(QSqlDatabase db, int teacherId, int currentSessionId, const QString &teacherName, QWidget *parent = nullptr);
    // The chosen session, 0 if none.
    int sessionId() const;
    // The text of the accepting button ("Move" unless set).
    void setAcceptText(const QString &text);
    CandidateModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    CandidateModel *m_model;
    QTableView *m_view;
};

} // namespace kopru
