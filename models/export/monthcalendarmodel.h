// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/export/plandata.h"

#include <QAbstractTableModel>
#include <QDate>
#include <vector>

namespace kopru::exporting {

// The schedule as a month calendar: one row per week that has a day of the
// month (Monday first, four to six rows), one column per weekday; a cell is a
// day and lists the sessions running on it (start ≤ day ≤ end), in the order
// of their start, partner and id. Days of the neighbouring months fill the
// first and last week. Display: the day of the month; ToolTip: the date and
// every session of the day; headers: the weekdays' and the ISO weeks' numbers,
// in the UI locale (QLocale()).
class MonthCalendarModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    // A session as the calendar shows it.
    struct Entry
    {
        int sessionId = 0;
        QString partnerName;
        QString fieldCode;
        QString fieldName; // in the UI language
        QString centreName;
        QDate start;
        QDate end;
        int teachers = 0;
        int capacity = 0;
    };

    enum Role {
        DateRole = Qt::UserRole + 1, // QDate of the cell
        InMonthRole, // bool: the day belongs to the month shown
        SessionIdsRole, // QVariantList of the ids of the day's sessions
    };

    explicit MonthCalendarModel(QObject *parent = nullptr);

    // The sessions to show (already filtered by the caller's scope).
    void setSessions(const std::vector<ScheduleSession> &sessions);
    // Shows the month of `day`.
    void setMonth(QDate day);
    void showPreviousMonth();
    void showNextMonth();
    // The month holding today.
    void showToday();
    // The first day of the month shown.
    QDate month() const { return m_month; }
    // "Aralık 2026" / "December 2026" in the UI locale.
    QString monthTitle() const;

    QDate dateAt(const QModelIndex &index) const;
    QModelIndex indexOf(QDate day) const; // invalid when the day is not shown
    // The day's sessions, nullptr-free, in the calendar's order.
    std::vector<const Entry *> sessionsOn(QDate day) const;
    // The session with `id`, nullptr when not shown.
    const Entry *session(int id) const;
    // The first day on or after `from` on which a shown session runs; invalid when none.
    QDate nextSessionDay(QDate from) const;
    // The last day of the last session; invalid when there are none.
    QDate lastSessionDay() const;
    // One line for a session: "partner — field".
    static QString label(const Entry &entry);
    // The line standing for the `hidden` sessions of a day that do not fit: "+3 more".
    static QString moreLabel(int hidden);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void monthChanged(QDate month);

private:
    QDate firstShown() const; // the Monday of the month's first week

    QDate m_month;
    int m_weeks = 0;
    std::vector<Entry> m_entries; // sorted by start, partner, id
};

} // namespace kopru::exporting
