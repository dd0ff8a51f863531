// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/schedule/monthview.h"

#include "models/export/monthcalendarmodel.h"
#include "views/schedule/monthdaydelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace kopru {

using exporting::MonthCalendarModel;

MonthView::MonthView(QWidget *parent)
    : QWidget(parent)
    , m_model(new MonthCalendarModel(this))
    , m_delegate(new MonthDayDelegate(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *bar = new QHBoxLayout;
    m_previous = new QToolButton(this);
    m_previous->setArrowType(Qt::LeftArrow);
    m_previous->setToolTip(tr("Previous month"));
    m_previous->setAccessibleName(tr("Previous month"));
    m_next = new QToolButton(this);
    m_next->setArrowType(Qt::RightArrow);
    m_next->setToolTip(tr("Next month"));
    m_next->setAccessibleName(tr("Next month"));
    m_today = new QPushButton(tr("T&oday"), this);
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    bar->addWidget(m_today);
    bar->addSpacing(8);
    bar->addWidget(m_title, 1);
    layout->addLayout(bar);

    m_grid = new QTableView(this);
    m_grid->setObjectName(QStringLiteral("monthGrid"));
    m_grid->setModel(m_model);
    m_grid->setItemDelegate(m_delegate);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_grid->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_grid->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_grid->horizontalHeader()->setMinimumSectionSize(8);
    m_grid->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_grid->verticalHeader()->setMinimumSectionSize(8);
    m_grid->verticalHeader()->setToolTip(tr("Week of the year"));
    m_grid->setMouseTracking(true);
    layout->addWidget(m_grid, 1);

    connect(m_previous, &QToolButton::clicked, m_model, &MonthCalendarModel::showPreviousMonth);
    connect(m_next, &QToolButton::clicked, m_model, &MonthCalendarModel::showNextMonth);
    connect(m_today, &QPushButton::clicked, this, [this] {
        m_model->showToday();
        m_grid->setCurrentIndex(m_model->indexOf(QDate::currentDate()));
    });
    connect(m_model, &MonthCalendarModel::modelReset, this, &MonthView::showTitle);
    connect(m_delegate, &MonthDayDelegate::sessionClicked, this, &MonthView::selectSession);
    showTitle();
}

int MonthView::selectedSession() const
{
    return m_delegate->selectedSession();
}

void MonthView::selectSession(int sessionId)
{
    if (sessionId != 0 && !m_model->session(sessionId))
        sessionId = 0;
    m_delegate->setSelectedSession(sessionId);
    m_grid->viewport()->update();
    emit sessionSelected(sessionId);
}

void MonthView::showTitle()
{
    m_title->setText(m_model->monthTitle());
    if (m_delegate->selectedSession() != 0 && !m_model->session(m_delegate->selectedSession()))
        selectSession(0); // the session is gone (filtered, deleted)
}

} // namespace kopru
