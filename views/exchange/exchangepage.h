// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/exchange/resolvereviewcommand.h"
#include "views/pages/page.h"

#include <map>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace kopru {

class CentreStatusModel;
class ExchangeLogModel;
class ReviewListModel;

// The Exchange page: the packages sent and received (from the exchange
// log), the review list with the decisions the national office takes on it
// (keep one, merge, reject, …: undoable commands on the window's undo stack)
// and, at the national office, where the exchange with each centre stands.
class ExchangePage final : public Page
{
    Q_OBJECT
public:
    ExchangePage(QUndoStack *undo, QWidget *parent);

    QString pageName() const override { return QStringLiteral("exchange"); }
    QString pageTitle() const override;
    void setDatabase(Database *db) override;
    void refresh() override;
    // File ▸ Print prints the table of the tab shown.
    QTableView *printTable() const override;

    ExchangeLogModel *logModel() const { return m_log; }
    ReviewListModel *reviewModel() const { return m_review; }
    CentreStatusModel *centreModel() const { return m_centres; }
    QTabWidget *tabs() const { return m_tabs; }
    QTableView *reviewView() const { return m_reviewView; }

    // Takes `action` on the review item of model row `row`, choosing
    // `chosenUid` (keep, merge) or `placements` (reject placements); the
    // buttons ask for them first. Pushed onto the undo stack.
    Status resolve(
        int row, ResolveReviewCommand::Action action, const QString &chosenUid = {}, const QStringList &placements = {});

private:
    void updateActions();
    void actionClicked(ResolveReviewCommand::Action action);
    int selectedReviewRow() const;

    Database *m_db = nullptr;
    QLabel *m_role = nullptr;
    QTabWidget *m_tabs = nullptr;
    ExchangeLogModel *m_log = nullptr;
    ReviewListModel *m_review = nullptr;
    CentreStatusModel *m_centres = nullptr;
    QTableView *m_logView = nullptr;
    QTableView *m_reviewView = nullptr;
    QTableView *m_centreView = nullptr;
    QWidget *m_centreTab = nullptr;
    QLabel *m_reviewHint = nullptr;
    std::map<ResolveReviewCommand::Action, QPushButton *> m_actions;
};

} // namespace kopru
