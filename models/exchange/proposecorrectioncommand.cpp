// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/proposecorrectioncommand.h"

#include "models/db/sql.h"
#include "models/editing/changenotifier.h"
#include "models/exchange/ownership.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace kopru {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(ProposeCorrectionCommand)
};

QString referencedTable(const QString &column)
{
    if (column == QLatin1String("field_id"))
        return QStringLiteral("field");
    if (column == QLatin1String("school_id"))
        return QStringLiteral("school");
    if (column == QLatin1String("centre_id"))
        return QStringLiteral("centre");
    return {};
}

} // namespace

ProposeCorrectionCommand::ProposeCorrectionCommand(
    QSqlDatabase db, int teacherId, QString column, QVariant value, QString note, const QString &text, SeenRow seen)
    : DbCommand(std::move(db), text)
    , m_teacherId(teacherId)
    , m_column(std::move(column))
    , m_value(std::move(value))
    , m_note(std::move(note))
    , m_seen(std::move(seen))
{
    if (m_seen.subject.isEmpty())
        m_seen.subject = text;
}

Status ProposeCorrectionCommand::expectVersion(
    const QString &table, int id, const QVariant &expected, const QVariant &uid, const QString &subject)
{
    auto held = RowVersion::holds(database(), table, id, expected);
    if (!held)
        return held.error();
    if (held.value())
        return {};
    return changedMeanwhile(table, RowVersion::refusal(database(), table, id, uid, subject));
}

QStringList ProposeCorrectionCommand::columns()
{
    return { QStringLiteral("national_id"), QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("field_id"),
        QStringLiteral("branch"), QStringLiteral("school_id"), QStringLiteral("province_id"), QStringLiteral("centre_id"),
        QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("experience_years") };
}

Status ProposeCorrectionCommand::apply()
{
    QSqlDatabase db = database();
    if (!columns().contains(m_column))
        return Status::failure(Text::tr("a correction names one of the teacher's identity values"));
    if (Status s = Ownership::checkInsert(db, QStringLiteral("proposal")); !s)
        return s;
    auto ownership = Ownership::of(db);
    if (!ownership)
        return ownership.error();
    if (!ownership->role().isCentre())
        return Status::failure(Text::tr("the national office changes its records itself; corrections come from centres"));
    // The teacher as the user saw it (a redo: as the first proposal found it), held until the commit.
    const QString teachers = QStringLiteral("teacher");
    if (!m_seen.version.isValid()) {
        auto now = RowVersion::read(db, teachers, m_teacherId);
        if (!now)
            return now.error();
        m_seen.version = now.value();
    }
    if (m_seen.version.isValid())
        if (Status s = expectVersion(teachers, m_teacherId, m_seen.version, m_seen.uid, m_seen.subject); !s)
            return s;
    auto version = Sql::scalar(db, QStringLiteral("SELECT version FROM teacher WHERE id = ?"), { m_teacherId });
    if (!version)
        return version.error();
    if (!version.value().isValid())
        return Status::failure(Text::tr("the teacher no longer exists"));
    QVariant value = m_value;
    if (const QString table = referencedTable(m_column); !table.isEmpty() && !value.isNull()) {
        auto uid = Sql::scalar(db, QStringLiteral("SELECT uid FROM %1 WHERE id = ?").arg(table), { value });
        if (!uid)
            return uid.error();
        if (!uid.value().isValid())
            return Status::failure(Text::tr("the value names a record that does not exist"));
        value = uid.value();
    }
    QSqlQuery q(db);
    const bool again = !m_uid.isEmpty(); // redo: the same proposal comes back
    if (Status s = Sql::prepare(q,
            again
                ? QStringLiteral("INSERT INTO proposal(id, uid, teacher_id, column_name, proposed_value, base_version, note) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)")
                : QStringLiteral(
                    "INSERT INTO proposal(teacher_id, column_name, proposed_value, base_version, note) VALUES (?, ?, ?, ?, ?)"));
        !s)
        return s;
    const QVariant text = value.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(value.toString());
    if (Status s = again ? Sql::run(q, { m_id, m_uid, m_teacherId, m_column, text, version.value(), m_note })
                         : Sql::run(q, { m_teacherId, m_column, text, version.value(), m_note });
        !s)
        return s;
    if (!again) {
        m_id = q.lastInsertId().toInt();
        auto uid = Sql::scalar(db, QStringLiteral("SELECT uid FROM proposal WHERE id = ?"), { m_id });
        if (!uid)
            return uid.error();
        m_uid = uid.value().toString();
    }
    auto made = RowVersion::read(db, QStringLiteral("proposal"), m_id);
    if (!made)
        return made.error();
    m_proposalVersion = made.value(); // what an undo expects
    return {};
}

Status ProposeCorrectionCommand::revert()
{
    // The proposal as this command made it: not taken back over someone else's change.
    if (Status s = expectVersion(QStringLiteral("proposal"), m_id, m_proposalVersion, m_uid, text()); !s)
        return s;
    return Sql::exec(database(), QStringLiteral("DELETE FROM proposal WHERE id = ?"), { m_id });
}

void ProposeCorrectionCommand::announce()
{
    ChangeNotifier::instance()->notifyAll(QStringLiteral("proposal"));
}

} // namespace kopru
