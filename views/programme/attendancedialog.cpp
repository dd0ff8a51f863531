// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/programme/attendancedialog.h"

#include "models/db/database.h"
#include "models/db/transaction.h"
#include "models/programme/sessionattendancemodel.h"
#include "models/programme/sessionevaluationmodel.h"
#include "views/delegates/entitydelegate.h"
#include "views/programme/choicedelegate.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace kopru {

using namespace programme;

AttendanceDialog::AttendanceDialog(Database *db, int sessionId, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_sessionId(sessionId)
{
    setWindowTitle(tr("Attendance and outcomes"));
    createLayout();
    load();
}

QTableView *AttendanceDialog::createTable(QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setItemDelegate(new EntityDelegate(view));
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectItems);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed
        | QAbstractItemView::SelectedClicked);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->setWordWrap(false);
    return view;
}

QWidget *AttendanceDialog::evaluationTab(SessionEvaluationModel *model)
{
    auto *page = new QWidget(this);
    auto *view = createTable(page);
    view->setModel(model);
    auto *legend = new QLabel(page);
    legend->setWordWrap(true);
    legend->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(model, &QAbstractItemModel::modelReset, this, [view, legend, model] {
        view->resizeColumnsToContents();
        // Room for "n/a".
        for (int c = SessionEvaluationModel::FirstItem; c < model->columnCount(); ++c)
            view->setColumnWidth(
                c, std::max(view->columnWidth(c), view->fontMetrics().horizontalAdvance(SessionEvaluationModel::tr("n/a")) + 16));
        legend->setText(model->itemTexts().join(QLatin1Char('\n')) + QLatin1Char('\n')
            + tr("1 strongly disagree … 5 strongly agree; 0 or \"n/a\" = not applicable; an empty cell is not answered."));
    });
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(view, 1);
    layout->addWidget(legend);
    return page;
}

void AttendanceDialog::createLayout()
{
    m_attendance = new SessionAttendanceModel(this);
    m_training = new SessionEvaluationModel(QStringLiteral("training"), this);
    m_teacher = new SessionEvaluationModel(QStringLiteral("teacher"), this);

    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    m_tabs = new QTabWidget(this);
    auto *attendancePage = new QWidget(this);
    auto *bar = new QHBoxLayout;
    m_fill = new QPushButton(tr("All present, &full days"), attendancePage);
    m_fill->setToolTip(tr("Every day not recorded yet gets the hours planned for a day (placements not cancelled)"));
    m_complete = new QPushButton(tr("&Mark all completed"), attendancePage);
    m_complete->setToolTip(tr("Every open placement becomes completed on the last day of the session"));
    m_planned = new QLabel(attendancePage);
    bar->addWidget(m_fill);
    bar->addWidget(m_complete);
    bar->addWidget(m_planned, 1);
    m_attendanceView = createTable(attendancePage);
    m_attendanceView->setModel(m_attendance);
    auto *choices = new ChoiceDelegate(m_attendanceView);
    for (const int c : { SessionAttendanceModel::Outcome, SessionAttendanceModel::CancelReason, SessionAttendanceModel::Absence })
        m_attendanceView->setItemDelegateForColumn(c, choices);
    connect(m_attendance, &QAbstractItemModel::modelReset, this, [this] {
        m_attendanceView->resizeColumnsToContents();
        // A choice column is as wide as its longest label, whatever it shows now.
        const QVariantList lists[] = { SessionAttendanceModel::outcomeChoices(), SessionAttendanceModel::cancelReasonChoices(),
            SessionAttendanceModel::absenceChoices() };
        const int columns[]
            = { SessionAttendanceModel::Outcome, SessionAttendanceModel::CancelReason, SessionAttendanceModel::Absence };
        for (int i = 0; i < 3; ++i) {
            int width = m_attendanceView->columnWidth(columns[i]);
            for (const QVariant &choice : lists[i])
                width = std::max(width, m_attendanceView->fontMetrics().horizontalAdvance(choice.toList().at(1).toString()) + 28);
            m_attendanceView->setColumnWidth(columns[i], width);
        }
    });
    auto *attendanceLayout = new QVBoxLayout(attendancePage);
    attendanceLayout->addLayout(bar);
    attendanceLayout->addWidget(m_attendanceView, 1);
    m_tabs->addTab(attendancePage, tr("Attendance and outcome"));
    m_tabs->addTab(evaluationTab(m_training), tr("Evaluation: training by teacher"));
    m_tabs->addTab(evaluationTab(m_teacher), tr("Evaluation: teacher by partner"));

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(1100, 560);

    connect(m_fill, &QPushButton::clicked, this, [this] {
        const int filled = m_attendance->fillFullDays();
        m_message->setText(tr("%Ln day(s) filled with the hours planned.", nullptr, filled));
    });
    connect(m_complete, &QPushButton::clicked, this, [this] {
        const int marked = m_attendance->markAllCompleted();
        m_message->setText(tr("%Ln placement(s) marked completed.", nullptr, marked));
    });
    for (QAbstractItemModel *model : { static_cast<QAbstractItemModel *>(m_attendance),
             static_cast<QAbstractItemModel *>(m_training), static_cast<QAbstractItemModel *>(m_teacher) })
        connect(model, &QAbstractItemModel::dataChanged, this, &AttendanceDialog::updateState);
    connect(m_attendance, &SessionAttendanceModel::editRefused, m_message, &QLabel::setText);
    connect(m_training, &SessionEvaluationModel::editRefused, m_message, &QLabel::setText);
    connect(m_teacher, &SessionEvaluationModel::editRefused, m_message, &QLabel::setText);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (saveChanges())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &AttendanceDialog::reject);
}

void AttendanceDialog::load()
{
    if (!m_db)
        return;
    Status loaded = m_attendance->load(m_db->connection(), m_sessionId);
    if (loaded)
        loaded = m_training->load(m_db->connection(), m_sessionId);
    if (loaded)
        loaded = m_teacher->load(m_db->connection(), m_sessionId);
    if (!loaded) {
        m_message->setText(loaded.message());
        m_save->setEnabled(false);
        return;
    }
    const SessionFacts &s = m_attendance->session();
    m_title->setText(s.title() + QStringLiteral(" — ") + s.fieldName);
    m_planned->setText(tr("Planned: %1 hours, %2 a working day. Empty = not recorded, 0 = absent.")
                           .arg(formatHours(s.hours), formatHours(s.hoursPerDay())));
    if (m_db->isReadOnly()) {
        for (QTableView *view : findChildren<QTableView *>())
            view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_fill->setEnabled(false);
        m_complete->setEnabled(false);
        m_message->setText(tr("The database is open read-only: nothing can be changed here."));
    }
    updateState();
}

bool AttendanceDialog::isModified() const
{
    return m_attendance->isModified() || m_training->isModified() || m_teacher->isModified();
}

QString AttendanceDialog::messageText() const
{
    return m_message->text();
}

void AttendanceDialog::updateState()
{
    m_save->setEnabled(m_db && !m_db->isReadOnly() && isModified());
}

bool AttendanceDialog::saveChanges()
{
    if (!m_db || m_db->isReadOnly())
        return false;
    if (!isModified())
        return true;
    QSqlDatabase c = m_db->connection();
    Status written;
    {
        Transaction transaction(c);
        written = transaction.began();
        // Every placement with edits is checked before any is written (an
        // evaluation written raises its placement's version).
        for (const auto *model : { m_training, m_teacher })
            if (written)
                written = model->holdChangedPlacements(c);
        if (written)
            written = m_attendance->holdChangedPlacements(c);
        for (const auto *model : { m_training, m_teacher })
            if (written)
                written = model->writeChanges(c);
        if (written)
            written = m_attendance->writeChanges(c);
        if (written)
            written = transaction.commit();
    }
    if (!written) {
        QMessageBox::warning(this, tr("Attendance and outcomes"), tr("Nothing was saved: %1").arg(written.message()));
        return false;
    }
    load();
    emit saved();
    m_message->setText(tr("Saved."));
    return true;
}

void AttendanceDialog::reject()
{
    if (isModified()
        && QMessageBox::question(this, tr("Attendance and outcomes"), tr("Discard the changes not saved?"),
               QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel)
            != QMessageBox::Discard)
        return;
    QDialog::reject();
}

} // namespace kopru
