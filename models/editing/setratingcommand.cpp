// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/editing/setratingcommand.h"

#include "models/db/sql.h"
#include "models/editing/changenotifier.h"
#include "models/editing/rowversion.h"
#include "models/exchange/ownership.h"

#include <QSqlQuery>

namespace kopru {

SetRatingCommand::SetRatingCommand(QSqlDatabase db, int teacherId, int competencyId, Column column, bool existed,
    QVariant oldValue, QVariant newValue, const QString &text, QVariant seenVersion, QString subject)
    : DbCommand(std::move(db), text)
    , m_teacherId(teacherId)
    , m_competencyId(competencyId)
    , m_column(column)
    , m_existed(existed)
    , m_old(std::move(oldValue))
    , m_new(std::move(newValue))
    , m_version(std::move(seenVersion))
    , m_subject(subject.isEmpty() ? text : std::move(subject))
    , m_byVersion(m_version.isValid() || !existed)
{ }

Status SetRatingCommand::expectVersion(bool exists)
{
    auto version = Sql::scalar(database(),
        QStringLiteral("SELECT version FROM need_rating WHERE teacher_id = ? AND competency_id = ? AND round = 1"),
        { m_teacherId, m_competencyId });
    if (!version)
        return version.error();
    const bool found = version.value().isValid();
    const QVariant kept = m_wrote ? RowVersion::remembered(database(), rowKey()) : QVariant();
    const QVariant expected = kept.isValid() ? kept : m_version;
    if (found == exists && (!found || version.value().toLongLong() == expected.toLongLong()))
        return {};
    // Ratings record no author: the refusal says what changed, not who.
    return changedMeanwhile(QStringLiteral("need_rating"), RowVersion::refusalWithoutAuthor(m_subject, exists && !found));
}

Status SetRatingCommand::keepVersion()
{
    auto version = Sql::scalar(database(),
        QStringLiteral("SELECT version FROM need_rating WHERE teacher_id = ? AND competency_id = ? AND round = 1"),
        { m_teacherId, m_competencyId });
    if (!version)
        return version.error();
    m_version = version.value();
    m_wrote = true;
    RowVersion::remember(database(), rowKey(), m_version);
    return {};
}

QString SetRatingCommand::rowKey() const
{
    return QStringLiteral("need_rating:%1:%2").arg(m_teacherId).arg(m_competencyId);
}

Status SetRatingCommand::write(const QVariant &value)
{
    // The needs survey is the national office's (docs/exchange.md, "Owners").
    if (Status s = Ownership::checkInsert(database(), QStringLiteral("need_rating")); !s)
        return s;
    const QString sql = m_column == Column::Need
        ? QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, round, need) VALUES (?, ?, 1, ?) "
                         "ON CONFLICT(teacher_id, competency_id, round) DO UPDATE SET need = excluded.need")
        : QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, round, proficiency) VALUES (?, ?, 1, ?) "
                         "ON CONFLICT(teacher_id, competency_id, round) DO UPDATE SET proficiency = excluded.proficiency");
    return Sql::exec(database(), sql, { m_teacherId, m_competencyId, value });
}

Status SetRatingCommand::expect(bool exists, const QVariant &expected)
{
    const QString sql = m_column == Column::Need
        ? QStringLiteral("SELECT need IS ? FROM need_rating WHERE teacher_id = ? AND competency_id = ? AND round = 1")
        : QStringLiteral("SELECT proficiency IS ? FROM need_rating WHERE teacher_id = ? AND competency_id = ? AND round = 1");
    auto same = Sql::scalar(database(), sql, { expected, m_teacherId, m_competencyId });
    if (!same)
        return same.error();
    const bool found = same.value().isValid();
    if (found != exists || (found && same.value().toInt() != 1))
        return changedMeanwhile();
    return {};
}

Status SetRatingCommand::apply()
{
    if (Status s = m_byVersion ? expectVersion(m_existed) : expect(m_existed, m_old); !s)
        return s;
    if (Status s = write(m_new); !s)
        return s;
    return m_byVersion ? keepVersion() : Status();
}

Status SetRatingCommand::revert()
{
    if (Status s = m_byVersion ? expectVersion(true) : expect(true, m_new); !s)
        return s;
    if (!m_existed) {
        m_version = QVariant();
        return Sql::exec(database(),
            QStringLiteral("DELETE FROM need_rating WHERE teacher_id = ? AND competency_id = ? AND round = 1"),
            { m_teacherId, m_competencyId });
    }
    if (Status s = write(m_old); !s)
        return s;
    return m_byVersion ? keepVersion() : Status();
}

void SetRatingCommand::announce()
{
    ChangeNotifier::instance()->notify(QStringLiteral("need_rating"), { m_teacherId });
}

SetCoverageCommand::SetCoverageCommand(
    QSqlDatabase db, int sessionId, int competencyId, bool covered, const QString &text, QString subject)
    : DbCommand(std::move(db), text)
    , m_sessionId(sessionId)
    , m_competencyId(competencyId)
    , m_covered(covered)
    , m_subject(subject.isEmpty() ? text : std::move(subject))
{ }

Status SetCoverageCommand::write(bool covered)
{
    QSqlDatabase db = database();
    if (Status s = Ownership::checkEdit(db, QStringLiteral("session_competency"), {}, m_sessionId); !s)
        return s;
    // The statement is the check: a link someone else added (or removed)
    // meanwhile leaves it nothing to do.
    QSqlQuery q(db);
    if (Status s = Sql::prepare(q,
            covered ? QStringLiteral("INSERT INTO session_competency(session_id, competency_id) VALUES (?, ?) "
                                     "ON CONFLICT(session_id, competency_id) DO NOTHING")
                    : QStringLiteral("DELETE FROM session_competency WHERE session_id = ? AND competency_id = ?"));
        !s)
        return s;
    if (Status s = Sql::run(q, { m_sessionId, m_competencyId }); !s)
        return s;
    if (q.numRowsAffected() == 1)
        return {};
    q.finish();
    const QString session = QStringLiteral("training_session");
    auto uid = Sql::scalar(db, QStringLiteral("SELECT uid FROM training_session WHERE id = ?"), { m_sessionId });
    return changedMeanwhile(session, RowVersion::refusal(db, session, m_sessionId, uid ? uid.value() : QVariant(), m_subject));
}

void SetCoverageCommand::announce()
{
    ChangeNotifier::instance()->notify(QStringLiteral("session_competency"), { m_sessionId });
}

} // namespace kopru
