// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/editing/dbcommand.h"

#include <QVariant>

namespace kopru {

// Sets a teacher's need (or proficiency) for one competency in survey round 1.
// A null value means "not applicable". When the teacher had no rating for the
// competency, undo removes the rating row again. Refused when the rating is
// no longer what the change was made from: with `seenVersion` (the rating's
// version when the user saw it) by its version, so on either backend, and
// named as `subject` in the refusal; without it by the value (SQLite only).
class SetRatingCommand final : public DbCommand
{
public:
    enum class Column { Need, Proficiency };

    SetRatingCommand(QSqlDatabase db, int teacherId, int competencyId, Column column, bool existed, QVariant oldValue,
        QVariant newValue, const QString &text, QVariant seenVersion = {}, QString subject = {});

protected:
    Status apply() override;
    Status revert() override;
    void announce() override;

private:
    Status write(const QVariant &value);
    // Whether the rating row exists as `exists` says and holds `expected`.
    Status expect(bool exists, const QVariant &expected);
    // Whether the rating row exists as `exists` says, at version m_version.
    Status expectVersion(bool exists);
    // Reads the rating's version into m_version (after a write).
    Status keepVersion();
    QString rowKey() const; // for RowVersion::remember

    int m_teacherId, m_competencyId;
    Column m_column;
    bool m_existed;
    QVariant m_old, m_new;
    QVariant m_version; // the rating's version before the next apply or revert
    QString m_subject;
    bool m_byVersion;
    bool m_wrote = false;
};

// Marks whether a training session covers a competency. Refused when the
// session's coverage of it is no longer what the user saw (another user
// covered or removed it meanwhile: the write itself finds nothing to do, so
// the check holds on a server too), naming who last changed the session;
// undo and redo likewise. `subject` names the competency in the refusal.
class SetCoverageCommand final : public DbCommand
{
public:
    SetCoverageCommand(QSqlDatabase db, int sessionId, int competencyId, bool covered, const QString &text, QString subject = {});

protected:
    Status apply() override { return write(m_covered); }
    Status revert() override { return write(!m_covered); }
    void announce() override;

private:
    Status write(bool covered);

    int m_sessionId, m_competencyId;
    bool m_covered;
    QString m_subject;
};

} // namespace kopru
