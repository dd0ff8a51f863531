// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/document/document.h"
#include "models/export/exporttable.h"
#include "models/export/plandata.h"
#include "views/pages/page.h"

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;

namespace kopru {

class MonthView;
class TurkishFilterProxy;
namespace exporting {
class ExportTableModel;
}

// The training schedule: per partner (who comes when), per teacher (their
// session, the partner's address and contact), per centre (a calendar over
// the programme weeks), and a month calendar grid (MonthView). Restricted to one centre or all; searchable; printed
// through a print preview (page size, orientation, margins) or saved as PDF.
class SchedulePage final : public Page
{
    Q_OBJECT
public:
    enum View { ByPartner, ByTeacher, ByCentre, ViewCount };

    SchedulePage(QUndoStack *undo, QWidget *parent);
    QString pageName() const override { return QStringLiteral("schedule"); }
    QString pageTitle() const override { return tr("Schedule"); }
    void setDatabase(Database *db) override;
    void refresh() override;
    QLineEdit *searchEdit() const override { return m_search; }
    bool canPrint() const override { return m_db != nullptr; }
    // The table of the tab shown (Edit ▸ Copy, File ▸ Export Table).
    QTableView *printTable() const override;

    // For tests: the view's source model and the printable document of the current view.
    exporting::ExportTableModel *model(View view) const { return m_models[view]; }
    QTableView *tableView(View view) const { return m_views[view]; }
    document::Document currentReport() const;
    int selectedSession() const { return m_selectedSession; }
    void setCentre(int centreId);
    void setCurrentView(View view);
    // The "Month" tab (after the tables).
    MonthView *monthView() const { return m_month; }
    void showMonth();

public slots:
    void print() override;
    void saveAsPdf();
    // The certificates of participation of the session chosen (a row of the
    // partner or teacher table, or a session clicked in the month; else the
    // centre shown): CertificatesDialog.
    void showCertificates();
    // Attendance, outcomes and evaluations of the session chosen: AttendanceDialog.
    void showAttendance();

private:
    void createLayout();
    void reloadCentres();
    void reload();
    void arrangePartnerColumns();
    void showSessionDetails(int sessionId);
    QString summaryText() const;
    // The session of row `row` of the source model of `view` (ByPartner or ByTeacher), 0 when none.
    int sessionOfRow(View view, int row) const;

    Database *m_db = nullptr;
    QComboBox *m_centre = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    exporting::ExportTableModel *m_models[ViewCount] = {};
    TurkishFilterProxy *m_proxies[ViewCount] = {};
    QTableView *m_views[ViewCount] = {};
    MonthView *m_month = nullptr;
    bool m_monthPlaced = false; // the month tab opened at a month with sessions
    std::vector<exporting::PlanRow> m_rows;
    std::vector<exporting::ScheduleSession> m_sessions; // points into m_rows
    bool m_columnsArranged = false;
    int m_selectedSession = 0; // the session chosen in a table or the month (0: none)
};

} // namespace kopru
