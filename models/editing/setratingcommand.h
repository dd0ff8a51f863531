// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/editing/dbcommand.h"

#include <QVariant>

namespace kopru {

// Sets a teacher's need (or proficiency) for one competency in survey round 1.
// A null value means "not applicable". When the teacher had no rating for the
// competency, undo removes the rating row again. Refused when the rating is
// no longer what the change was made from.
class SetRatingCommand final : public DbCommand
{
public:
    enum class Column { Need, Proficiency };

    SetRatingCommand(QSqlDatabase db, int teacherId, int competencyId, Column column, bool existed, QVariant oldValue,
        QVariant newValue, const QString &text);

protected:
    Status apply() override;
    Status revert() override;
    void announce() override;

private:
    Status write(const QVariant &value);
    // Whether the rating row exists as `exists` says and holds `expected`.
    Status expect(bool exists, const QVariant &expected);

    int m_teacherId, m_competencyId;
    Column m_column;
    bool m_existed;
    QVariant m_old, m_new;
};

// Marks whether a training session covers a competency.
class SetCoverageCommand final : public DbCommand
{
public:
    SetCoverageCommand(QSqlDatabase db, int sessionId, int competencyId, bool covered, const QString &text);

protected:
    Status apply() override { return write(m_covered); }
    Status revert() override { return write(!m_covered); }
    void announce() override;

private:
    Status write(bool covered);

    int m_sessionId, m_competencyId;
    bool m_covered;
};

} // namespace kopru
