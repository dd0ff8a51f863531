// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/schedule/schedulepage.h"

#include "models/db/database.h"
#include "models/document/pdfwriter.h"
#include "models/export/exporttablemodel.h"
#include "models/export/monthcalendarmodel.h"
#include "models/export/monthreport.h"
#include "models/export/reportbuilders.h"
#include "models/export/schedulebuilders.h"
#include "models/export/tablebuilders.h"
#include "models/itemmodels/turkishfilterproxy.h"
#include "views/certificates/certificatesdialog.h"
#include "views/delegates/numberdelegate.h"
#include "views/pages/columnchooser.h"
#include "views/pages/compactcombo.h"
#include "views/pages/flowlayout.h"
#include "views/pages/liverefresh.h"
#include "views/pages/pageregistry.h"
#include "views/pages/savedfiles.h"
#include "views/printing/printpreview.h"
#include "views/programme/attendancedialog.h"
#include "views/schedule/monthview.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace kopru {

using namespace exporting;

SchedulePage::SchedulePage(QUndoStack *undo, QWidget *parent)
    : Page(undo, parent)
{
    createLayout();
    // Other users' changes of what the page shows (docs/server.md).
    LiveRefresh::follow(this,
        { QStringLiteral("centre"), QStringLiteral("field"), QStringLiteral("partner"), QStringLiteral("placement"),
            QStringLiteral("province"), QStringLiteral("school"), QStringLiteral("teacher"),
            QStringLiteral("training_session") });
}

void SchedulePage::createLayout()
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new FlowLayout; // wraps on a narrow window (issue #18)
    bar->addWidget(new QLabel(tr("Centre:"), this));
    m_centre = new QComboBox(this);
    makeCompact(m_centre, 28);
    bar->addWidget(m_centre);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search teacher, partner, school…"));
    m_search->setClearButtonEnabled(true);
    bar->addWidget(m_search, 1);
    auto *printButton = new QPushButton(tr("&Print…"), this);
    auto *pdfButton = new QPushButton(tr("Save as P&DF…"), this);
    auto *certificatesButton = new QPushButton(tr("&Certificates…"), this);
    certificatesButton->setToolTip(tr("Certificates of participation for the completed placements of the session chosen "
                                      "in a table or in the month, of the centre shown or of all centres; the register of "
                                      "those issued"));
    bar->addWidget(printButton);
    bar->addWidget(pdfButton);
    bar->addWidget(certificatesButton);
    auto *attendanceButton = new QPushButton(tr("&Attendance and outcomes…"), this);
    attendanceButton->setToolTip(tr("Attendance, outcomes and evaluations of the session chosen in a table or in the month"));
    bar->addWidget(attendanceButton);
    layout->addLayout(bar);

    m_tabs = new QTabWidget(this);
    const QString titles[ViewCount] = { tr("By partner"), tr("By teacher"), tr("Calendar per centre") };
    for (int v = 0; v < ViewCount; ++v) {
        m_models[v] = new ExportTableModel(this);
        m_proxies[v] = new TurkishFilterProxy(this);
        m_proxies[v]->setSourceModel(m_models[v]);
        m_proxies[v]->setSortRole(ExportTableModel::RawValueRole);
        m_views[v] = new QTableView(this);
        m_views[v]->setItemDelegate(new NumberDelegate(m_views[v]));
        m_views[v]->setModel(m_proxies[v]);
        m_views[v]->setSortingEnabled(true);
        m_views[v]->sortByColumn(-1, Qt::AscendingOrder);
        m_views[v]->setAlternatingRowColors(true);
        m_views[v]->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_views[v]->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_views[v]->setWordWrap(false);
        m_views[v]->verticalHeader()->setVisible(false);
        m_views[v]->verticalHeader()->setDefaultSectionSize(m_views[v]->fontMetrics().height() + 6);
        m_views[v]->horizontalHeader()->setStretchLastSection(true);
        m_tabs->addTab(m_views[v], titles[v]);
        if (v != ByCentre) // the calendar's columns are the programme's weeks
            ColumnChooser::install(m_views[v], pageName() + QLatin1Char('-') + QString::number(v));
    }
    m_month = new MonthView(this);
    m_tabs->addTab(m_month, tr("Month"));
    layout->addWidget(m_tabs, 1);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    connect(m_centre, &QComboBox::currentIndexChanged, this, [this] { reload(); });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (TurkishFilterProxy *p : m_proxies)
            p->setSearchText(text);
    });
    connect(m_month, &MonthView::sessionSelected, this, &SchedulePage::showSessionDetails);
    for (const View v : { ByPartner, ByTeacher })
        connect(
            m_views[v]->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this, v](const QModelIndex &current) {
                if (const int session = sessionOfRow(v, m_proxies[v]->mapToSource(current).row()))
                    m_selectedSession = session;
            });
    connect(printButton, &QPushButton::clicked, this, &SchedulePage::print);
    connect(pdfButton, &QPushButton::clicked, this, &SchedulePage::saveAsPdf);
    connect(certificatesButton, &QPushButton::clicked, this, &SchedulePage::showCertificates);
    connect(attendanceButton, &QPushButton::clicked, this, &SchedulePage::showAttendance);
}

void SchedulePage::setDatabase(Database *db)
{
    m_db = db;
    m_selectedSession = 0;
    reloadCentres();
    reload();
}

void SchedulePage::refresh()
{
    reload();
}

void SchedulePage::setCentre(int centreId)
{
    const int index = m_centre->findData(centreId);
    m_centre->setCurrentIndex(index < 0 ? 0 : index);
}

void SchedulePage::setCurrentView(View view)
{
    m_tabs->setCurrentIndex(view);
}

void SchedulePage::showMonth()
{
    m_tabs->setCurrentWidget(m_month);
}

void SchedulePage::reloadCentres()
{
    const QSignalBlocker blocker(m_centre);
    const QVariant previous = m_centre->currentData();
    m_centre->clear();
    m_centre->addItem(tr("All centres"), 0);
    if (m_db) {
        QSqlQuery q(m_db->connection());
        if (q.exec(QStringLiteral("SELECT id, name FROM centre")))
            addInTurkishOrder(m_centre, q);
    }
    const int index = m_centre->findData(previous);
    m_centre->setCurrentIndex(index < 0 ? 0 : index);
}

void SchedulePage::reload()
{
    m_sessions.clear();
    m_rows.clear();
    if (m_db) {
        ExportScope scope;
        scope.centreId = m_centre->currentData().toInt();
        auto rows = loadPlan(m_db->connection(), scope);
        if (rows)
            m_rows = std::move(rows.value());
        else
            emit statusMessage(rows.message(), 10000);
    }
    m_sessions = groupBySession(m_rows);
    m_models[ByPartner]->setDocument(scheduleTable(m_sessions, SheetGrouping::ByCentre, nullptr));
    m_models[ByTeacher]->setDocument(teacherScheduleTable(m_rows));
    m_models[ByCentre]->setDocument(centreCalendarTable(m_sessions));
    arrangePartnerColumns();
    for (QTableView *v : m_views) {
        v->resizeColumnsToContents();
        for (int c = 0; c < v->model()->columnCount(); ++c)
            v->setColumnWidth(c, std::min(v->columnWidth(c), 320));
    }
    MonthCalendarModel *month = m_month->model();
    month->setSessions(m_sessions);
    if (!m_monthPlaced && !m_sessions.empty()) {
        // Today's month, or the next one with sessions, or the last one.
        QDate day = month->nextSessionDay(QDate::currentDate());
        month->setMonth(day.isValid() ? day : month->lastSessionDay());
        m_monthPlaced = true;
    }
    m_summary->setText(summaryText());
}

QString SchedulePage::summaryText() const
{
    return m_rows.empty() ? tr("No placements yet: run the planner first.")
                          : tr("%Ln placement(s) in %1 session(s)", nullptr, int(m_rows.size()))
                                .arg(QLocale().toString(qlonglong(m_sessions.size())));
}

// The session clicked in the month: where, when and who, under the tabs.
void SchedulePage::showSessionDetails(int sessionId)
{
    m_selectedSession = sessionId;
    for (const ScheduleSession &s : m_sessions) {
        if (s.sessionId != sessionId)
            continue;
        constexpr int kNamesShown = 8; // the label stays a few lines high
        QStringList teachers;
        for (const PlanRow *row : s.attendees)
            if (teachers.size() < kNamesShown)
                teachers << row->teacherName();
        if (int(s.attendees.size()) > kNamesShown)
            teachers << MonthCalendarModel::moreLabel(int(s.attendees.size()) - kNamesShown);
        m_summary->setText(tr("%1 — %2, %3 to %4 (%5): %6")
                               .arg(s.partnerName, s.fieldName, QLocale().toString(s.start, QStringLiteral("dd.MM.yyyy")),
                                   QLocale().toString(s.end, QStringLiteral("dd.MM.yyyy")), s.centreName,
                                   teachers.isEmpty() ? tr("no teachers") : teachers.join(QStringLiteral(", "))));
        return;
    }
    m_summary->setText(summaryText());
}

int SchedulePage::sessionOfRow(View view, int row) const
{
    if (row < 0)
        return 0;
    const auto cell = [&](int column) { return m_models[view]->index(row, column).data(ExportTableModel::RawValueRole); };
    if (view == ByPartner) {
        // exporting::scheduleTable: centre, field, partner, …, start (7), end (8).
        for (const ScheduleSession &s : m_sessions)
            if (s.centreName == cell(0).toString() && s.fieldCode == cell(1).toString() && s.partnerName == cell(2).toString()
                && s.start == cell(7).toDate() && s.end == cell(8).toDate())
                return s.sessionId;
    } else if (view == ByTeacher) {
        // exporting::teacherScheduleTable: teacher, school, field, start (3), end, hours, partner (6).
        for (const PlanRow &r : m_rows)
            if (r.teacherName() == cell(0).toString() && r.start == cell(3).toDate() && r.partnerName == cell(6).toString())
                return r.sessionId;
    }
    return 0;
}

// "Who comes when" first: partner, dates, teachers; the rest after them.
void SchedulePage::arrangePartnerColumns()
{
    QHeaderView *header = m_views[ByPartner]->horizontalHeader();
    const QAbstractItemModel *model = m_models[ByPartner];
    if (m_columnsArranged || model->columnCount() == 0)
        return;
    // The column headers of exporting::scheduleTable (context "Export").
    const char *const first[] = { "Partner", "Start", "End", "Teachers", "Placed", "Capacity", "Hours", "Field" };
    int target = 0;
    for (const char *name : first) {
        const QString header_ = QCoreApplication::translate("Export", name);
        for (int logical = 0; logical < model->columnCount(); ++logical)
            if (model->headerData(logical, Qt::Horizontal).toString() == header_) {
                header->moveSection(header->visualIndex(logical), target++);
                break;
            }
    }
    m_columnsArranged = true;
}

document::Document SchedulePage::currentReport() const
{
    if (m_tabs->currentWidget() == m_month)
        return monthReport(*m_month->model());
    switch (View(m_tabs->currentIndex())) {
    case ByPartner:
        return scheduleReport(m_sessions, nullptr);
    case ByTeacher:
        return tableReport(teacherScheduleTable(m_rows));
    case ByCentre:
    case ViewCount:
        break;
    }
    return tableReport(centreCalendarTable(m_sessions));
}

void SchedulePage::showCertificates()
{
    if (!m_db)
        return;
    CertificatesDialog dialog(m_db, m_selectedSession, m_centre->currentData().toInt(), this);
    connect(&dialog, &CertificatesDialog::issued, this, &SchedulePage::dataModified);
    dialog.exec();
}

void SchedulePage::showAttendance()
{
    if (!m_db)
        return;
    if (m_selectedSession == 0) {
        QMessageBox::information(this, tr("Attendance and outcomes"),
            tr("Choose a training session first: a row of the partner or teacher table, or a session in the month."));
        return;
    }
    AttendanceDialog dialog(m_db, m_selectedSession, this);
    connect(&dialog, &AttendanceDialog::saved, this, [this] {
        reload();
        emit dataModified();
        emit statusMessage(tr("Attendance, outcomes and evaluations saved."), 5000);
    });
    dialog.exec();
}

void SchedulePage::print()
{
    if (const Status printed = showPrintPreview(currentReport(), this); !printed)
        QMessageBox::warning(this, tr("Print"), printed.message());
}

void SchedulePage::saveAsPdf()
{
    QFileDialog dialog(this, tr("Save schedule as PDF"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setMimeTypeFilters({ QStringLiteral("application/pdf") });
    dialog.setDefaultSuffix(QStringLiteral("pdf"));
    dialog.setDirectory(SavedFiles::lastFolder(m_db ? QFileInfo(m_db->path()).absolutePath() : QDir::homePath()));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().first();
    auto pages = document::writePdf(currentReport(), path);
    if (!pages) {
        QMessageBox::warning(this, tr("Save as PDF"), pages.message());
        return;
    }
    SavedFiles::offer(this, path, tr("Saved %1 (%n page(s))", nullptr, pages.value()).arg(QDir::toNativeSeparators(path)));
}

Page *createSchedulePage(QUndoStack *undo, QWidget *parent)
{
    return new SchedulePage(undo, parent);
}

QTableView *SchedulePage::printTable() const
{
    for (int v = 0; v < ViewCount; ++v)
        if (m_tabs->currentWidget() == m_views[v])
            return m_views[v];
    return nullptr;
}

} // namespace kopru
