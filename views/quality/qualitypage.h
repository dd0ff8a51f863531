// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/pages/page.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTextBrowser;

namespace kopru {

class TurkishFilterProxy;
namespace quality {
class CompetencyChangeModel;
class QualityTableModel;
} // namespace quality
namespace charts {
class ChartPanel;
}

// The Quality page (issue #15, docs/quality.md): the programme's quality
// indicators for the whole programme and per centre, pilot field or
// province, each column's definition and EQAVET indicator in its header's
// tooltip and in the definitions below the table; the need reduction per
// competency of the group selected in the table; the completion rate per
// group as a chart. Computed when the page is first shown (Page::
// attachDatabase) and again when data changed.
class QualityPage final : public Page
{
    Q_OBJECT
public:
    QualityPage(QUndoStack *undo, QWidget *parent);

    QString pageName() const override { return QStringLiteral("quality"); }
    QString pageTitle() const override;
    void setDatabase(Database *db) override;
    void refresh() override;
    QLineEdit *searchEdit() const override { return m_search; }
    // The table of the current tab (File ▸ Print, File ▸ Export Table).
    QTableView *printTable() const override;

    // For tests.
    quality::QualityTableModel *indicatorModel() const { return m_model; }
    quality::CompetencyChangeModel *competencyModel() const { return m_changes; }
    QTableView *indicatorTable() const { return m_table; }
    charts::ChartPanel *chartPanel() const { return m_chart; }
    QPushButton *boardReportButton() const { return m_boardReport; }
    // The last error of a reload (empty when fine).
    QString lastError() const { return m_lastError; }

private:
    QWidget *createIndicatorTab();
    QWidget *createCompetencyTab();
    void showSelectedGroup();
    QString definitionsHtml() const;

    Database *m_db = nullptr;
    quality::QualityTableModel *m_model = nullptr;
    TurkishFilterProxy *m_proxy = nullptr;
    quality::CompetencyChangeModel *m_changes = nullptr;
    TurkishFilterProxy *m_changesProxy = nullptr;
    QComboBox *m_grouping = nullptr;
    QLineEdit *m_search = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPushButton *m_boardReport = nullptr;
    QTableView *m_table = nullptr;
    QTableView *m_changesTable = nullptr;
    QLabel *m_changesTitle = nullptr;
    QTextBrowser *m_definitions = nullptr;
    charts::ChartPanel *m_chart = nullptr;
    QString m_lastError;
};

} // namespace kopru
