// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/planning/placementedits.h"
#include "models/planning/planweights.h"
#include "views/pages/page.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QPushButton;
class QTableView;

namespace kopru {

class ConflictModel;
class TurkishFilterProxy;
class PlacementModel;
class PlanRunner;
struct PlanResult;

// The placement plan: the optimiser's proposal as a filtered table, manual
// edits (lock, confirm, move, remove) through the undo stack, re-planning in a
// worker thread, the weights and the conflicts of the plan.
class PlacementPage final : public Page
{
    Q_OBJECT
public:
    PlacementPage(QUndoStack *undo, QWidget *parent);
    ~PlacementPage() override;

    QString pageName() const override { return QStringLiteral("placement"); }
    QString pageTitle() const override;
    void setDatabase(Database *db) override;
    void setFieldCode(const QString &code) override;
    void refresh() override;
    QLineEdit *searchEdit() const override { return m_search; }
    QTableView *printTable() const override { return m_table; }

    PlacementModel *placementModel() const { return m_model; }
    TurkishFilterProxy *filter() const { return m_filter; }
    ConflictModel *conflictModel() const { return m_conflicts; }
    QTableView *table() const { return m_table; }
    PlanRunner *runner() const { return m_runner; }
    const PlanWeights &weights() const { return m_weights; }
    void setWeights(const PlanWeights &w);

    // The manual edits on the selected placement (also behind the buttons).
    void toggleLockSelected();
    void confirmSelected();
    void moveSelectedTo(int sessionId);
    void removeSelected();
    // Opens the move dialog for the selected placement; a move into a full
    // session is asked first (No changes nothing).
    void moveSelected();
    // Re-plans what is not locked (the field of the filter, or everything).
    void runOptimiser();
    // The teachers the plan left out (of the chosen field and province), with the reason.
    void showUnplaced();

private:
    void createLayout();
    void loadFields();
    void updateActions();
    // `placements`: the ones the edit changed, read again alone; none: everything.
    void afterEdit(const Status &s, const QList<int> &placements = {});
    // What an edit command reports through: afterEdit() while the page lives.
    PlacementEditCommand::Done doneWith(const QList<int> &placements);
    void refreshPlacements(const QList<int> &placements);
    void showConflictCount();
    // Whether to move `teacherName` into `sessionId`: yes when it has a place
    // left, else the user's answer.
    bool confirmMoveInto(int sessionId, int teacherId, const QString &teacherName);
    // Places a teacher the plan left out, in a session the user chooses
    // (ranked as for a move); undoable. Whether a placement was made.
    bool placeUnplaced(int teacherId, const QString &teacherName, QWidget *parent);
    void runFinished(bool ok, const QString &message, const PlanResult &result);
    int selectedPlacement() const;
    int selectedRowRole(int role) const;
    void showLastRun();

    Database *m_db = nullptr;
    PlanWeights m_weights;
    PlacementModel *m_model;
    TurkishFilterProxy *m_filter;
    ConflictModel *m_conflicts;
    PlanRunner *m_runner;
    QComboBox *m_field = nullptr, *m_province = nullptr, *m_status = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_table = nullptr, *m_conflictView = nullptr;
    QLabel *m_weightsLabel = nullptr, *m_runLabel = nullptr, *m_conflictLabel = nullptr, *m_countLabel = nullptr;
    QPushButton *m_lock = nullptr, *m_confirm = nullptr, *m_move = nullptr, *m_remove = nullptr, *m_run = nullptr;
    QProgressDialog *m_progress = nullptr;
    QString m_pendingFieldCode;
};

} // namespace kopru
