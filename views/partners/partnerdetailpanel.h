// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QUndoStack;

namespace kopru {

class Lookups;
class SessionCompetencyModel;
class SessionTableModel;
class TurkishFilterProxy;

// The selected partner's training sessions (dates, hours, capacity: editable,
// add and delete) and, for the selected session, the competencies it covers
// (checkable).
class PartnerDetailPanel final : public QWidget
{
    Q_OBJECT
public:
    PartnerDetailPanel(QUndoStack *undo, QWidget *parent);

    void setDatabase(QSqlDatabase db, const Lookups *lookups, bool readOnly);
    void showPartner(int partnerId, const QString &name, int preferredFieldId);

    SessionTableModel *sessionModel() const { return m_sessions; }
    SessionCompetencyModel *coverageModel() const { return m_coverage; }
    QTableView *sessionsView() const { return m_sessionsView; }

signals:
    void statusMessage(const QString &text, int timeoutMs);

private:
    void addSession();
    void deleteSession();
    void sessionChanged();
    int currentSessionId() const;

    SessionTableModel *m_sessions;
    TurkishFilterProxy *m_sessionProxy;
    SessionCompetencyModel *m_coverage;
    QTableView *m_sessionsView = nullptr;
    QTableView *m_coverageView = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_coverageTitle = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_delete = nullptr;
    QSqlDatabase m_db;
    const Lookups *m_lookups = nullptr;
    bool m_readOnly = false;
    int m_partnerId = 0;
    int m_preferredFieldId = 0;
};

} // namespace kopru
