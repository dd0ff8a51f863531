// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/programme/sessionattendancemodel.h"

#include "models/db/sql.h"
#include "models/db/transaction.h"
#include "models/itemmodels/roles.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace kopru::programme {

namespace {

// Hours closer than this are the same (a day's planned hours are a fraction).
constexpr double kHoursEpsilon = 0.005;

QString stateCode(SessionAttendanceModel::State s)
{
    switch (s) {
    case SessionAttendanceModel::State::Completed:
        return QStringLiteral("completed");
    case SessionAttendanceModel::State::Cancelled:
        return QStringLiteral("cancelled");
    case SessionAttendanceModel::State::Open:
        break;
    }
    return QStringLiteral("open");
}

QString labelOf(const QVariantList &choices, const QString &code)
{
    for (const QVariant &choice : choices) {
        const QVariantList pair = choice.toList();
        if (pair.at(0).toString() == code)
            return pair.at(1).toString();
    }
    return code;
}

bool isChoice(const QVariantList &choices, const QString &code)
{
    return std::any_of(
        choices.begin(), choices.end(), [&](const QVariant &choice) { return choice.toList().at(0).toString() == code; });
}

QVariantList choice(const char *code, const QString &label)
{
    return { QString::fromLatin1(code), label };
}

} // namespace

SessionAttendanceModel::SessionAttendanceModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

QVariantList SessionAttendanceModel::outcomeChoices()
{
    return { QVariant(choice("open", tr("open"))), QVariant(choice("completed", tr("completed"))),
        QVariant(choice("cancelled", tr("cancelled"))) };
}

QVariantList SessionAttendanceModel::cancelReasonChoices()
{
    return { QVariant(choice("", tr("(not recorded)"))), QVariant(choice("illness", tr("illness"))),
        QVariant(choice("withdrew", tr("withdrew"))), QVariant(choice("partner_cancelled", tr("partner cancelled"))),
        QVariant(choice("other", tr("other reason"))) };
}

QVariantList SessionAttendanceModel::absenceChoices()
{
    return { QVariant(choice("", tr("(none)"))), QVariant(choice("illness", tr("illness"))),
        QVariant(choice("excused", tr("excused"))), QVariant(choice("unexcused", tr("unexcused"))),
        QVariant(choice("partner", tr("partner's reason"))), QVariant(choice("other", tr("other reason"))) };
}

Status SessionAttendanceModel::load(QSqlDatabase db, int sessionId)
{
    m_db = db;
    auto facts = SessionFacts::load(db, sessionId);
    if (!facts)
        return facts.error();
    // The placements' recorded days: hours and absence per placement and day.
    struct Day
    {
        int placementId;
        QDate day;
        double hours;
        QString absence;
    };
    std::vector<Day> recorded;
    Status s = Sql::forEachRow(db,
        QStringLiteral("SELECT a.placement_id, a.day, a.hours, a.absence FROM attendance a JOIN placement p ON p.id = "
                       "a.placement_id WHERE p.session_id = ? ORDER BY a.day"),
        { sessionId }, [&](const QSqlQuery &q) {
            recorded.push_back({ q.value(0).toInt(), QDate::fromString(q.value(1).toString(), Qt::ISODate), q.value(2).toDouble(),
                q.value(3).toString() });
        });
    if (!s)
        return s;

    beginResetModel();
    m_session = std::move(facts.value());
    m_days = m_session.workingDays();
    for (const Day &d : recorded)
        if (d.day.isValid() && std::find(m_days.begin(), m_days.end(), d.day) == m_days.end())
            m_days.push_back(d.day);
    std::sort(m_days.begin(), m_days.end());
    const std::vector<QDate> working = m_session.workingDays();
    m_workingDay.clear();
    for (const QDate &d : m_days)
        m_workingDay.push_back(std::find(working.begin(), working.end(), d) != working.end());
    m_rows.clear();
    for (const SessionFacts::Placement &p : m_session.placements) {
        Row row;
        row.outcome = p.status == QLatin1String("completed") ? State::Completed
            : p.status == QLatin1String("cancelled")         ? State::Cancelled
                                                             : State::Open;
        row.cancelReason = p.cancelReason;
        row.hours.resize(m_days.size());
        for (const Day &d : recorded) {
            if (d.placementId != p.id)
                continue;
            const auto at = std::find(m_days.begin(), m_days.end(), d.day);
            row.hours[std::size_t(at - m_days.begin())] = d.hours;
            if (row.absence.isEmpty())
                row.absence = d.absence; // the first reason recorded stands for the row
        }
        m_rows.push_back(std::move(row));
    }
    m_saved = m_rows;
    endResetModel();
    updateModified();
    return {};
}

QDate SessionAttendanceModel::dayOfColumn(int column) const
{
    const int d = column - FirstDay;
    return d >= 0 && d < int(m_days.size()) ? m_days[std::size_t(d)] : QDate();
}

bool SessionAttendanceModel::isModified() const
{
    return m_rows != m_saved;
}

void SessionAttendanceModel::updateModified()
{
    const bool modified = isModified();
    if (modified != m_modified) {
        m_modified = modified;
        emit modifiedChanged(modified);
    }
}

void SessionAttendanceModel::rowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    updateModified();
}

bool SessionAttendanceModel::isShort(double hours) const
{
    return hours < m_session.hoursPerDay() - kHoursEpsilon;
}

bool SessionAttendanceModel::hasShortDay(const Row &row) const
{
    return std::any_of(row.hours.begin(), row.hours.end(), [this](const std::optional<double> &h) { return h && isShort(*h); });
}

double SessionAttendanceModel::total(const Row &row) const
{
    double sum = 0;
    for (const std::optional<double> &h : row.hours)
        sum += h.value_or(0);
    return sum;
}

int SessionAttendanceModel::fillFullDays()
{
    int filled = 0;
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        Row &row = m_rows[r];
        if (row.outcome == State::Cancelled)
            continue;
        int before = filled;
        for (std::size_t d = 0; d < m_days.size(); ++d)
            if (m_workingDay[d] && !row.hours[d]) {
                row.hours[d] = m_session.hoursPerDay();
                ++filled;
            }
        if (filled != before)
            emit dataChanged(index(int(r), 0), index(int(r), columnCount() - 1));
    }
    updateModified();
    return filled;
}

int SessionAttendanceModel::markAllCompleted()
{
    int marked = 0;
    for (std::size_t r = 0; r < m_rows.size(); ++r)
        if (m_rows[r].outcome == State::Open) {
            m_rows[r].outcome = State::Completed;
            ++marked;
            emit dataChanged(index(int(r), 0), index(int(r), columnCount() - 1));
        }
    updateModified();
    return marked;
}

Status SessionAttendanceModel::save()
{
    if (!isModified())
        return {};
    Transaction transaction(m_db);
    if (!transaction.began())
        return transaction.began();
    if (Status s = holdChangedPlacements(m_db); !s)
        return s;
    if (Status s = writeChanges(m_db); !s)
        return s;
    if (Status s = transaction.commit(); !s)
        return s;
    return load(m_db, m_session.id);
}

Status SessionAttendanceModel::holdChangedPlacements(QSqlDatabase db) const
{
    for (std::size_t r = 0; r < m_rows.size(); ++r)
        if (!(m_rows[r] == m_saved[r]))
            if (Status s = holdPlacement(db, m_session.placements[r]); !s)
                return s;
    return {};
}

Status SessionAttendanceModel::writeChanges(QSqlDatabase db) const
{
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        const Row &row = m_rows[r];
        const Row &old = m_saved[r];
        if (row == old)
            continue;
        const SessionFacts::Placement &p = m_session.placements[r];
        if (row.outcome != old.outcome || row.cancelReason != old.cancelReason) {
            QString status = QStringLiteral("confirmed");
            QVariant completedOn, cancelReason;
            if (row.outcome == State::Completed) {
                status = QStringLiteral("completed");
                completedOn = (p.completedOn.isValid() ? p.completedOn : m_session.end).toString(Qt::ISODate);
            } else if (row.outcome == State::Cancelled) {
                status = QStringLiteral("cancelled");
                if (!row.cancelReason.isEmpty())
                    cancelReason = row.cancelReason;
            } else if (p.status == QLatin1String("proposed") || p.status == QLatin1String("confirmed")) {
                status = p.status; // still open as it was
            }
            if (Status s = Sql::exec(db,
                    QStringLiteral("UPDATE placement SET status = ?, cancel_reason = ?, completed_on = ? WHERE id = ?"),
                    { status, cancelReason, completedOn, p.id });
                !s)
                return s;
        }
        for (std::size_t d = 0; d < m_days.size(); ++d) {
            const std::optional<double> &hours = row.hours[d];
            const std::optional<double> &before = old.hours[d];
            if (hours == before && (row.absence == old.absence || !hours || !isShort(*hours)))
                continue;
            const QString day = m_days[d].toString(Qt::ISODate);
            Status s;
            if (!hours) {
                s = Sql::exec(db, QStringLiteral("DELETE FROM attendance WHERE placement_id = ? AND day = ?"), { p.id, day });
            } else {
                const QVariant absence = isShort(*hours) && !row.absence.isEmpty() ? QVariant(row.absence) : QVariant();
                if (before)
                    s = Sql::exec(db,
                        QStringLiteral("UPDATE attendance SET hours = ?, absence = ? WHERE placement_id = ? AND day = ?"),
                        { *hours, absence, p.id, day });
                else
                    s = Sql::exec(db,
                        QStringLiteral("INSERT INTO attendance(placement_id, day, hours, absence) VALUES (?, ?, ?, ?)"),
                        { p.id, day, *hours, absence });
            }
            if (!s)
                return s;
        }
    }
    return {};
}

int SessionAttendanceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SessionAttendanceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : totalColumn() + 1;
}

QVariant SessionAttendanceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const SessionFacts::Placement &placement = m_session.placements[std::size_t(index.row())];
    const int c = index.column();
    const bool dayColumn = c >= FirstDay && c < totalColumn();
    const std::optional<double> hours = dayColumn ? row.hours[std::size_t(c - FirstDay)] : std::nullopt;
    switch (role) {
    case Qt::DisplayRole:
        if (c == Teacher)
            return placement.teacher;
        if (c == Outcome)
            return labelOf(outcomeChoices(), stateCode(row.outcome));
        if (c == CancelReason)
            return row.cancelReason.isEmpty() ? QString() : labelOf(cancelReasonChoices(), row.cancelReason);
        if (c == Absence)
            return row.absence.isEmpty() ? QString() : labelOf(absenceChoices(), row.absence);
        if (dayColumn)
            return hours ? formatHours(*hours) : QString();
        return formatHours(total(row));
    case Qt::EditRole:
        if (c == Outcome)
            return stateCode(row.outcome);
        if (c == CancelReason)
            return row.cancelReason;
        if (c == Absence)
            return row.absence;
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        return c >= FirstDay ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        // A day missed in part or whole stands out; a row cancelled is greyed.
        if (dayColumn && hours && isShort(*hours))
            return QBrush(QColor(0xb0, 0x30, 0x20));
        if (row.outcome == State::Cancelled && c != Outcome && c != CancelReason)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case Qt::ToolTipRole:
        if (dayColumn)
            return tr("Hours attended on %1 (planned: %2); empty = not recorded, 0 = absent")
                .arg(QLocale().toString(dayOfColumn(c), QLocale::LongFormat), formatHours(m_session.hoursPerDay()));
        if (c == Absence)
            return tr("Why hours were missed: written to the days with fewer hours than planned");
        if (c == CancelReason)
            return tr("Why the placement was cancelled (only for a cancelled placement)");
        if (c == totalColumn())
            return tr("%1 of %2 hours planned").arg(formatHours(total(row)), formatHours(m_session.hours));
        return {};
    case IdRole:
        return placement.id;
    case StatusRole:
        return placement.status;
    case SessionIdRole:
        return m_session.id;
    case SortRole:
        if (dayColumn)
            return hours ? QVariant(*hours) : QVariant();
        if (c == totalColumn())
            return total(row);
        return data(index, Qt::DisplayRole);
    case ValueKindRole:
        return int(c == Teacher || c == totalColumn() ? ValueKind::ReadOnly : ValueKind::Text);
    case ChoicesRole:
        if (c == Outcome)
            return outcomeChoices();
        if (c == CancelReason)
            return cancelReasonChoices();
        if (c == Absence)
            return absenceChoices();
        return {};
    case MinimumRole:
        return dayColumn ? QVariant(0) : QVariant();
    case MaximumRole:
        return dayColumn ? QVariant(24) : QVariant();
    default:
        return {};
    }
}

QVariant SessionAttendanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const QDate day = dayOfColumn(section);
    if (role == Qt::ToolTipRole && day.isValid())
        return QLocale().toString(day, QLocale::LongFormat);
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Teacher:
        return tr("Teacher");
    case Outcome:
        return tr("Outcome");
    case CancelReason:
        return tr("Cancelled because");
    case Absence:
        return tr("Absence reason");
    default:
        break;
    }
    if (day.isValid())
        return QLocale().toString(day, QStringLiteral("ddd\ndd.MM"));
    return tr("Total hours");
}

Qt::ItemFlags SessionAttendanceModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    const int c = index.column();
    if (c == Outcome || c == Absence || (c >= FirstDay && c < totalColumn())
        || (c == CancelReason && m_rows[std::size_t(index.row())].outcome == State::Cancelled))
        f |= Qt::ItemIsEditable;
    return f;
}

bool SessionAttendanceModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= rowCount())
        return false;
    Row &row = m_rows[std::size_t(index.row())];
    const int c = index.column();
    const QString text = value.toString().trimmed();
    if (c == Outcome) {
        State state = State::Open;
        if (text == QLatin1String("completed"))
            state = State::Completed;
        else if (text == QLatin1String("cancelled"))
            state = State::Cancelled;
        else if (text != QLatin1String("open")) {
            emit editRefused(tr("The outcome is open, completed or cancelled; \"%1\" refused.").arg(text));
            return false;
        }
        if (state != row.outcome && m_session.placements[std::size_t(index.row())].certified) {
            emit editRefused(tr("A certificate of participation was issued for this placement: it stays completed."));
            return false;
        }
        row.outcome = state;
        if (state != State::Cancelled)
            row.cancelReason.clear();
        rowChanged(index.row());
        return true;
    }
    if (c == CancelReason) {
        if (!isChoice(cancelReasonChoices(), text)) {
            emit editRefused(tr("\"%1\" is not a reason for a cancellation.").arg(text));
            return false;
        }
        if (!text.isEmpty() && row.outcome != State::Cancelled) {
            emit editRefused(tr("A cancellation reason is given only for a cancelled placement: set the outcome to "
                                "cancelled first."));
            return false;
        }
        row.cancelReason = text;
        rowChanged(index.row());
        return true;
    }
    if (c == Absence) {
        if (!isChoice(absenceChoices(), text)) {
            emit editRefused(tr("\"%1\" is not a reason for an absence.").arg(text));
            return false;
        }
        if (!text.isEmpty() && !hasShortDay(row)) {
            emit editRefused(tr("An absence reason applies to the days with fewer hours than planned: enter the hours of "
                                "such a day first."));
            return false;
        }
        row.absence = text;
        rowChanged(index.row());
        return true;
    }
    if (c < FirstDay || c >= totalColumn())
        return false;
    std::optional<double> hours;
    if (!value.isNull() && !text.isEmpty()) {
        bool ok = false;
        double v = value.userType() == QMetaType::QString ? QLocale().toDouble(text, &ok) : value.toDouble(&ok);
        if (!ok && value.userType() == QMetaType::QString)
            v = QLocale::c().toDouble(text, &ok);
        if (!ok || !std::isfinite(v)) {
            emit editRefused(tr("\"%1\" is not a number of hours.").arg(text));
            return false;
        }
        if (v < 0 || v > 24) {
            emit editRefused(tr("The hours attended in a day are 0 to 24; %1 refused.").arg(text));
            return false;
        }
        hours = v;
    }
    std::optional<double> &cell = row.hours[std::size_t(c - FirstDay)];
    // The value shown, given back unchanged, keeps the exact hours behind it.
    if (hours && cell && formatHours(*hours) == formatHours(*cell))
        return true;
    cell = hours;
    rowChanged(index.row());
    return true;
}

} // namespace kopru::programme
