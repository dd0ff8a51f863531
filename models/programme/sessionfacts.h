// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <vector>

namespace kopru::programme {

// One training session and its placements as the follow-through forms need
// them (issue #15): where and when, the hours planned, and who was placed.
struct SessionFacts
{
    struct Placement
    {
        int id = 0;
        QString teacher; // "first last"
        QString status; // proposed, confirmed, completed, cancelled
        QString cancelReason; // empty: none recorded
        QDate completedOn; // invalid: none recorded
        bool certified = false; // a certificate of participation was issued
        QVariant version, uid; // as loaded: what a change of its outcome, attendance or evaluations expects
    };

    int id = 0;
    QString partner, fieldCode, fieldName;
    QDate start, end;
    double hours = 0; // planned for the whole session
    std::vector<Placement> placements; // by teacher name

    // Monday to Friday from start to end: the days a teacher is expected.
    std::vector<QDate> workingDays() const;
    // The hours planned for one working day (the session's hours spread evenly).
    double hoursPerDay() const;
    // "Partner – FIELD, dd.MM.yyyy – dd.MM.yyyy".
    QString title() const;

    // Reads session `sessionId`; an error when there is no such session.
    static Expected<SessionFacts> load(QSqlDatabase db, int sessionId);
};

// Within the caller's write transaction, before anything of placement `p` is
// written: refused when the placement (its outcome, attendance, evaluations
// or certificate: each raises its version) changed since it was loaded —
// "“Ayşe Işık” was changed by … at 10:42" (RowVersion) — else it is held
// against other writers until the commit. No lost update on either backend.
Status holdPlacement(QSqlDatabase db, const SessionFacts::Placement &p);

// Hours shown to the user: at most two decimals, in the UI's locale ("7,5").
QString formatHours(double hours);

} // namespace kopru::programme
