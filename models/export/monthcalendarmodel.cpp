// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/export/monthcalendarmodel.h"

#include "models/core/languagepreference.h"
#include "models/domain/turkishtext.h"

#include <QLocale>
#include <algorithm>

namespace kopru::exporting {

MonthCalendarModel::MonthCalendarModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    const QDate today = QDate::currentDate();
    m_month = QDate(today.year(), today.month(), 1);
    m_weeks = int(firstShown().daysTo(m_month.addMonths(1).addDays(-1)) / 7) + 1;
}

void MonthCalendarModel::setSessions(const std::vector<ScheduleSession> &sessions)
{
    beginResetModel();
    m_entries.clear();
    m_entries.reserve(sessions.size());
    for (const ScheduleSession &s : sessions)
        m_entries.push_back({ s.sessionId, s.partnerName, s.fieldCode, LanguagePreference::uiName(s.fieldName, s.fieldNameEn),
            s.centreName, s.start, s.end, int(s.attendees.size()), s.capacity });
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) {
        if (a.start != b.start)
            return a.start < b.start;
        if (const int c = TurkishText::compare(a.partnerName, b.partnerName))
            return c < 0;
        return a.sessionId < b.sessionId;
    });
    endResetModel();
}

void MonthCalendarModel::setMonth(QDate day)
{
    if (!day.isValid())
        return;
    const QDate first(day.year(), day.month(), 1);
    if (first == m_month)
        return;
    beginResetModel();
    m_month = first;
    m_weeks = int(firstShown().daysTo(m_month.addMonths(1).addDays(-1)) / 7) + 1;
    endResetModel();
    emit monthChanged(m_month);
}

void MonthCalendarModel::showPreviousMonth()
{
    setMonth(m_month.addMonths(-1));
}

void MonthCalendarModel::showNextMonth()
{
    setMonth(m_month.addMonths(1));
}

void MonthCalendarModel::showToday()
{
    setMonth(QDate::currentDate());
}

QString MonthCalendarModel::monthTitle() const
{
    return QLocale().standaloneMonthName(m_month.month(), QLocale::LongFormat) + QLatin1Char(' ')
        + QString::number(m_month.year());
}

QDate MonthCalendarModel::firstShown() const
{
    return m_month.addDays(1 - m_month.dayOfWeek());
}

QDate MonthCalendarModel::dateAt(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    return firstShown().addDays(index.row() * 7 + index.column());
}

QModelIndex MonthCalendarModel::indexOf(QDate day) const
{
    const qint64 offset = firstShown().daysTo(day);
    if (!day.isValid() || offset < 0 || offset >= qint64(m_weeks) * 7)
        return {};
    return index(int(offset / 7), int(offset % 7));
}

std::vector<const MonthCalendarModel::Entry *> MonthCalendarModel::sessionsOn(QDate day) const
{
    std::vector<const Entry *> on;
    for (const Entry &e : m_entries) {
        if (e.start > day)
            break; // sorted by start
        if (e.end >= day)
            on.push_back(&e);
    }
    return on;
}

const MonthCalendarModel::Entry *MonthCalendarModel::session(int id) const
{
    for (const Entry &e : m_entries)
        if (e.sessionId == id)
            return &e;
    return nullptr;
}

QDate MonthCalendarModel::nextSessionDay(QDate from) const
{
    QDate first;
    for (const Entry &e : m_entries)
        if (e.end >= from) {
            const QDate day = std::max(e.start, from);
            if (!first.isValid() || day < first)
                first = day;
        }
    return first;
}

QDate MonthCalendarModel::lastSessionDay() const
{
    QDate last;
    for (const Entry &e : m_entries)
        if (!last.isValid() || e.end > last)
            last = e.end;
    return last;
}

QString MonthCalendarModel::moreLabel(int hidden)
{
    return tr("+%n more", nullptr, hidden);
}

QString MonthCalendarModel::label(const Entry &entry)
{
    return entry.partnerName + QStringLiteral(" — ") + entry.fieldName;
}

int MonthCalendarModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_weeks;
}

int MonthCalendarModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 7;
}

QVariant MonthCalendarModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QDate day = dateAt(index);
    switch (role) {
    case Qt::DisplayRole:
        return day.day();
    case Qt::ToolTipRole: {
        QStringList lines { QLocale().toString(day, QLocale::LongFormat) };
        const auto on = sessionsOn(day);
        if (on.empty())
            lines << tr("No sessions");
        for (const Entry *e : on)
            lines << tr("%1 (%2–%3, %n teacher(s))", nullptr, e->teachers)
                         .arg(label(*e), QLocale().toString(e->start, QStringLiteral("dd.MM")),
                             QLocale().toString(e->end, QStringLiteral("dd.MM")));
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::AccessibleTextRole:
        return QLocale().toString(day, QLocale::LongFormat);
    case DateRole:
        return day;
    case InMonthRole:
        return day.month() == m_month.month();
    case SessionIdsRole: {
        QVariantList ids;
        for (const Entry *e : sessionsOn(day))
            ids << e->sessionId;
        return ids;
    }
    default:
        return {};
    }
}

QVariant MonthCalendarModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0)
        return {};
    if (orientation == Qt::Horizontal)
        return section < 7 ? QVariant(QLocale().standaloneDayName(section + 1, QLocale::ShortFormat)) : QVariant();
    if (section >= m_weeks)
        return {};
    return firstShown().addDays(section * 7).weekNumber();
}

} // namespace kopru::exporting
