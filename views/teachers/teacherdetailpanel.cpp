// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/teachers/teacherdetailpanel.h"

#include "models/itemmodels/placementsmodel.h"
#include "models/itemmodels/ratingsmodel.h"
#include "models/itemmodels/teachertablemodel.h"
#include "views/delegates/entitydelegate.h"

#include <QDataWidgetMapper>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace kopru {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(false);
    view->setWordWrap(false);
    return view;
}

} // namespace

TeacherDetailPanel::TeacherDetailPanel(QAbstractItemModel *teachers, QUndoStack *undo, QWidget *parent)
    : QWidget(parent)
    , m_teachers(teachers)
    , m_mapper(new QDataWidgetMapper(this))
    , m_ratings(new RatingsModel(this))
    , m_placements(new PlacementsModel(this))
{
    m_ratings->setUndoStack(undo);
    connect(m_ratings, &RatingsModel::editRefused, this, &TeacherDetailPanel::editRefused);
    connect(m_ratings, &QAbstractItemModel::dataChanged, this, &TeacherDetailPanel::updateSummary);
    connect(m_ratings, &QAbstractItemModel::modelReset, this, &TeacherDetailPanel::updateSummary);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(createForm());

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_ratingsView = makeTable(m_ratings, this);
    m_ratingsView->setObjectName(QStringLiteral("ratings"));
    m_ratingsView->setItemDelegate(new EntityDelegate(m_ratingsView));
    m_ratingsView->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_ratingsView->horizontalHeader()->setSectionResizeMode(RatingsModel::Title, QHeaderView::Stretch);
    m_ratingsView->horizontalHeader()->setSectionResizeMode(RatingsModel::Need, QHeaderView::ResizeToContents);
    m_ratingsView->horizontalHeader()->setSectionResizeMode(RatingsModel::Proficiency, QHeaderView::ResizeToContents);
    layout->addWidget(m_ratingsView, 3);

    m_placementsTitle = new QLabel(this);
    m_placementsTitle->setWordWrap(true);
    layout->addWidget(m_placementsTitle);
    m_placementsView = makeTable(m_placements, this);
    m_placementsView->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_placementsView, 1);
    showRow(-1, 0);
}

QWidget *TeacherDetailPanel::createForm()
{
    auto *form = new QWidget(this);
    auto *layout = new QFormLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    m_mapper->setModel(m_teachers);
    m_mapper->setItemDelegate(new EntityDelegate(m_mapper));
    m_mapper->setSubmitPolicy(QDataWidgetMapper::AutoSubmit);
    const struct
    {
        int column;
        const char *label;
    } fields[] = {
        { TeacherTableModel::FirstName, QT_TR_NOOP("First name") },
        { TeacherTableModel::LastName, QT_TR_NOOP("Last name") },
        { TeacherTableModel::Email, QT_TR_NOOP("E-mail") },
        { TeacherTableModel::Phone, QT_TR_NOOP("Phone") },
        { TeacherTableModel::Branch, QT_TR_NOOP("Branch") },
        { TeacherTableModel::Notes, QT_TR_NOOP("Notes") },
    };
    for (const auto &f : fields) {
        auto *edit = new QLineEdit(form);
        m_mapper->addMapping(edit, f.column);
        layout->addRow(tr(f.label), edit);
    }
    return form;
}

void TeacherDetailPanel::setDatabase(QSqlDatabase db)
{
    m_db = db;
    showRow(-1, 0);
}

void TeacherDetailPanel::showRow(int proxyRow, int teacherId)
{
    m_teacherId = teacherId;
    setEnabled(teacherId > 0);
    if (proxyRow >= 0) {
        m_mapper->setCurrentIndex(proxyRow);
        const auto text = [&](int column) { return m_teachers->index(proxyRow, column).data().toString(); };
        m_title->setText(tr("%1 %2 — %3, %4")
                             .arg(text(TeacherTableModel::FirstName), text(TeacherTableModel::LastName),
                                 text(TeacherTableModel::Field), text(TeacherTableModel::Province)));
        m_title->setToolTip(text(TeacherTableModel::School));
    } else {
        // Nothing selected: no trace of the teacher shown before (issue #18).
        m_mapper->setCurrentIndex(-1);
        for (QLineEdit *edit : findChildren<QLineEdit *>())
            edit->clear();
        m_title->setText(tr("No teacher selected"));
        m_title->setToolTip(QString());
    }
    (void)m_ratings->load(m_db, teacherId);
    (void)m_placements->load(m_db, teacherId);
    m_placementsTitle->setText(tr("Placements: %1").arg(QLocale().toString(m_placements->rowCount())));
    m_ratingsView->resizeColumnToContents(RatingsModel::Code);
    m_placementsView->resizeColumnsToContents();
    updateSummary();
}

void TeacherDetailPanel::updateSummary()
{
    const RatingsModel::Summary s = m_ratings->summary();
    m_summary->setText(s.rated + s.notApplicable == 0
            ? tr("Need ratings: none yet")
            : tr("Need ratings: %1 rated, mean need %2, %3 not applicable")
                  .arg(QLocale().toString(s.rated), QLocale().toString(s.meanNeed, 'f', 2), QLocale().toString(s.notApplicable)));
}

} // namespace kopru
