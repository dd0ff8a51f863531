// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QHash>
#include <QSqlDatabase>

namespace kopru {

// What a plan was computed from, as far as others may change it while the
// optimiser runs: the version of every placement (locked, confirmed, proposed
// or cancelled: the plan reads them all for the sessions' free places) and of
// its plan decision. Read in the transaction that reads the plan's instance;
// checked in the transaction that stores the plan, so a plan is never stored
// over placements another user, program or window changed meanwhile
// (docs/server.md, "Several users at once").
class PlanSnapshot
{
public:
    static Expected<PlanSnapshot> read(QSqlDatabase db);

    // Refuses when a placement was changed, added or deleted since read():
    // the error names up to five of them (teacher and session) and how many
    // more, and has no file (the data changed; nothing is written).
    Status verify(QSqlDatabase db) const;

    int size() const { return int(m_marks.size()); }

private:
    struct Mark
    {
        qint64 version = 0;
        qint64 decision = 0; // the plan decision's version, 0 without one
        int teacherId = 0;
        int sessionId = 0;
        bool operator==(const Mark &o) const { return version == o.version && decision == o.decision; }
    };
    static Status readMarks(QSqlDatabase db, QHash<int, Mark> &marks);

    QHash<int, Mark> m_marks; // by placement id
};

} // namespace kopru
