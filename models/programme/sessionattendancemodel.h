// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/programme/sessionfacts.h"

#include <QAbstractTableModel>
#include <QSqlDatabase>
#include <optional>
#include <vector>

namespace kopru::programme {

// Attendance and outcome of one training session (issue #15), edited in
// memory and written by save() in one transaction: a row per placement
// (teacher), its outcome (open, completed, cancelled) and cancellation reason,
// one absence reason for the row, the hours attended on each working day of
// the session (empty: not recorded; 0: absent) and the total. An edit that
// breaks a rule is refused with editRefused(reason) and changes nothing.
//
// On save, a completed placement gets the session's end as its completion
// date (unless it had one), an open one goes back to "confirmed", and the
// row's absence reason is written to its days with fewer hours than planned.
class SessionAttendanceModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Teacher, Outcome, CancelReason, Absence, FirstDay };
    enum class State { Open, Completed, Cancelled };

    explicit SessionAttendanceModel(QObject *parent = nullptr);
    Status load(QSqlDatabase db, int sessionId);
    const SessionFacts &session() const { return m_session; }
    // The day of a day column; invalid for the other columns.
    QDate dayOfColumn(int column) const;
    int totalColumn() const { return FirstDay + int(m_days.size()); }

    // Whether there are edits not saved yet.
    bool isModified() const;
    // Writes the edits in one transaction and reads the session again;
    // nothing is written on an error.
    Status save();
    // Writes the edits inside a transaction the caller holds; call
    // load() after committing. Call holdChangedPlacements() first.
    Status writeChanges(QSqlDatabase db) const;
    // Inside that transaction, before anything is written: refused when a
    // placement with edits was changed by someone else since load()
    // (holdPlacement), else those placements are held until the commit.
    Status holdChangedPlacements(QSqlDatabase db) const;

    // Bulk: every empty working day of a placement not cancelled gets the
    // hours planned for a day. Returns the number of days filled.
    int fillFullDays();
    // Bulk: every open placement becomes completed. Returns how many.
    int markAllCompleted();

    // The choices of the outcome, cancellation and absence columns:
    // {code, label}; code "" = none.
    static QVariantList outcomeChoices();
    static QVariantList cancelReasonChoices();
    static QVariantList absenceChoices();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // EditRole: outcome "open" / "completed" / "cancelled"; a cancellation or
    // absence code ("" = none); hours as a number or text ("" = not recorded).
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

signals:
    void editRefused(const QString &reason);
    void modifiedChanged(bool modified);

private:
    struct Row
    {
        State outcome = State::Open;
        QString cancelReason, absence;
        std::vector<std::optional<double>> hours; // per day column
        bool operator==(const Row &o) const
        {
            return outcome == o.outcome && cancelReason == o.cancelReason && absence == o.absence && hours == o.hours;
        }
    };
    bool isShort(double hours) const;
    bool hasShortDay(const Row &row) const;
    double total(const Row &row) const;
    void rowChanged(int row);
    void updateModified();

    QSqlDatabase m_db;
    SessionFacts m_session;
    std::vector<QDate> m_days; // the day columns: working days and any other day recorded
    std::vector<bool> m_workingDay; // per day column
    std::vector<Row> m_rows, m_saved;
    bool m_modified = false;
};

} // namespace kopru::programme
