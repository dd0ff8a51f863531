// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/stats/fielddatacache.h"
#include "models/stats/needstatistics.h"
#include "views/pages/page.h"

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace kopru {

namespace quality {
class CompetencyChangeModel;
}
namespace stats {
class CompetencyStatsModel;
class FlagFilterModel;
class GroupStatsModel;
} // namespace stats
namespace charts {
class ChartPanel;
}

// Needs analysis of one pilot field: mean need, Likert distribution, need
// against supply and the province/centre comparison, each a chart fed from a
// model with its table beside it; optional province or centre filter; the PDF
// report of the field. Switching fields (issue #5: no visible pause) reads the
// field once (FieldData, cached until the database changes) and builds only
// the chart of the tab shown; the comparison is computed when its tab is shown.
// A field with answers of survey round 2 (after the training) gets a Round
// selector: round 1, round 2 (the latest, shown by default) or both compared
// per competency (the need change with its confidence interval, a tab of its
// own; the choice is remembered); other rounds than the latest are read only
// when chosen, and cached.
class NeedsPage final : public Page
{
    Q_OBJECT
public:
    // Data of the Round selector's items besides a round number.
    static constexpr int kCompareRounds = -1;

    NeedsPage(QUndoStack *undo, QWidget *parent);

    QString pageName() const override { return QStringLiteral("needs"); }
    QString pageTitle() const override;
    void setDatabase(Database *db) override;
    void setFieldCode(const QString &code) override;
    void refresh() override;
    // Prints the chart of the current tab.
    bool canPrint() const override;
    void print() override;

    // For tests and the benchmark.
    QString currentFieldCode() const;
    stats::CompetencyStatsModel *competencyModel() const { return m_competencies; }
    quality::CompetencyChangeModel *roundChangeModel() const { return m_changes; }
    // The round shown (1, 2, …), or kCompareRounds; 0 without ratings.
    int shownRound() const { return m_shownRound; }
    // Chooses an item of the Round selector (a round or kCompareRounds); false
    // when the current field has no such choice.
    bool setRoundChoice(int choice);
    // The province/centre comparison, computed first if it is due (it is
    // computed lazily, when its tab is shown).
    stats::GroupStatsModel *groupModel();
    charts::ChartPanel *panel(int index) const;
    int panelCount() const;
    // The last error of a reload (empty when fine).
    QString lastError() const { return m_lastError; }

private:
    charts::ChartPanel *currentPanel() const;
    void createModels();
    void createLayout();
    void loadFields();
    void loadScopes();
    void reload();
    void updateRoundChoice();
    void showRoundComparison();
    void showComparisonTab(bool compare);
    void reloadGroups();
    void ensureGroups();
    void updateShownPanels();
    void editScaleLabels();
    void writeReport();
    stats::Scope currentScope() const;
    // The current field's data, from the cache (null without a database or on an error).
    std::shared_ptr<const stats::FieldData> fieldData(QString *error = nullptr);

    Database *m_db = nullptr;
    QString m_pendingField;
    QString m_lastError;
    bool m_groupsStale = false;
    // Data of the fields visited (dropped when the database changes) and of the current one.
    stats::FieldDataCache m_cache;
    std::shared_ptr<const stats::FieldData> m_data;
    stats::CompetencyStatsModel *m_competencies = nullptr;
    stats::FlagFilterModel *m_unmet = nullptr;
    stats::GroupStatsModel *m_groups = nullptr;
    stats::FlagFilterModel *m_shownGroups = nullptr;
    quality::CompetencyChangeModel *m_changes = nullptr;
    int m_roundChoice = 0; // the user's choice: a round, kCompareRounds, 0 = the latest
    int m_shownRound = 0;
    QComboBox *m_field = nullptr;
    QLabel *m_roundLabel = nullptr;
    QComboBox *m_round = nullptr;
    QComboBox *m_scope = nullptr;
    QComboBox *m_compare = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_report = nullptr;
    QTabWidget *m_tabs = nullptr;
    QList<charts::ChartPanel *> m_panels;
};

} // namespace kopru
