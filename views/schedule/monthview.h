// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QTableView;
class QToolButton;
class QPushButton;

namespace kopru {

namespace exporting {
class MonthCalendarModel;
}
class MonthDayDelegate;

// The schedule's "Month" tab: the previous/next month and Today buttons with
// the month's name, over a grid of its weeks (MonthCalendarModel painted by
// MonthDayDelegate). The grid stretches to the space it gets and asks for
// little, so that it never widens the window.
class MonthView final : public QWidget
{
    Q_OBJECT
public:
    explicit MonthView(QWidget *parent = nullptr);

    exporting::MonthCalendarModel *model() const { return m_model; }
    QTableView *grid() const { return m_grid; }
    int selectedSession() const;
    // For tests: the navigation buttons and the title.
    QToolButton *previousButton() const { return m_previous; }
    QToolButton *nextButton() const { return m_next; }
    QPushButton *todayButton() const { return m_today; }
    QLabel *titleLabel() const { return m_title; }

public slots:
    void selectSession(int sessionId);

signals:
    void sessionSelected(int sessionId);

private:
    void showTitle();

    exporting::MonthCalendarModel *m_model = nullptr;
    MonthDayDelegate *m_delegate = nullptr;
    QTableView *m_grid = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QPushButton *m_today = nullptr;
    QLabel *m_title = nullptr;
};

} // namespace kopru
