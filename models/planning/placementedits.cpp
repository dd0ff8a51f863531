// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/placementedits.h"

#include "models/db/sql.h"
#include "models/db/transaction.h"
#include "models/editing/changenotifier.h"
#include "models/editing/rowversion.h"
#include "models/exchange/ownership.h"
#include "models/planning/planinstance.h"
#include "models/planning/planreason.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace kopru {

namespace PlacementEdits {

Expected<std::optional<PlacementRow>> read(QSqlDatabase db, int id)
{
    QSqlQuery q(db);
    if (Status s = Sql::prepare(q,
            QStringLiteral("SELECT id, teacher_id, session_id, status, locked, score, reason, plan_run_id, uid, version "
                           "FROM placement WHERE id = ?"));
        !s)
        return s.error();
    if (Status s = Sql::run(q, { id }); !s)
        return s.error();
    if (!q.next())
        return std::optional<PlacementRow>();
    return std::optional<PlacementRow>(PlacementRow { q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt(),
        q.value(3).toString(), q.value(4).toInt() != 0, q.value(5), q.value(6).toString(), q.value(7), q.value(8), q.value(9) });
}

namespace {

// How a refusal names the placement: its teacher.
QString subjectOf(QSqlDatabase db, int teacherId)
{
    auto name = Sql::scalar(db, QStringLiteral("SELECT first_name || ' ' || last_name FROM teacher WHERE id = ?"), { teacherId });
    const QString teacher = name && name.value().isValid() ? name.value().toString() : QString::number(teacherId);
    return QCoreApplication::translate("PlacementEdits", "placement of %1").arg(teacher);
}

// The refusal of a change of placement `id` that is no longer at the version
// the change was made from; the views may offer to reload.
Status refused(QSqlDatabase db, int id, int teacherId, const QVariant &uid)
{
    Status refusal = RowVersion::refusal(db, QStringLiteral("placement"), id, uid, subjectOf(db, teacherId));
    ChangeNotifier::instance()->reportStale(QStringLiteral("placement"), refusal.message());
    return refusal;
}

} // namespace

Status write(
    QSqlDatabase db, int id, int teacherId, const QVariant &seen, const std::optional<PlacementRow> &row, QVariant *version)
{
    Transaction tx(db);
    if (!tx.began())
        return tx.began();
    // Only the placement's owner changes it (docs/exchange.md, "Owners").
    if (Status s = Ownership::checkEdit(db, QStringLiteral("placement"), {}, id); !s)
        return s;
    if (Status s = Ownership::checkInsert(db, QStringLiteral("placement")); !s)
        return s;
    auto current = read(db, id);
    if (!current)
        return current.error();
    if (current.value() && current.value()->teacherId != teacherId)
        return Status::failure(QCoreApplication::translate(
            "PlacementEdits", "the placement was changed by a later optimiser run; the edit cannot be repeated"));
    // The version the command expects (no lost update of another user's change).
    const bool changed = seen.isValid() ? !current.value() || current.value()->version.toLongLong() != seen.toLongLong()
                                        : current.value().has_value();
    if (changed) {
        const QVariant uid = current.value() ? current.value()->uid : (row ? row->uid : QVariant());
        return refused(db, id, teacherId, uid);
    }
    // The write itself is conditional too: on a server another user's change
    // may commit between the check and the write.
    const QVariant expected = seen.isValid() ? seen : QVariant(QMetaType(QMetaType::LongLong));
    int written = 0;
    if (!row) {
        QSqlQuery q(db);
        if (Status s = Sql::prepare(q, QStringLiteral("DELETE FROM placement WHERE id = ? AND version = ?")); !s)
            return s;
        if (Status s = Sql::run(q, { id, expected }); !s)
            return s;
        written = q.numRowsAffected();
    } else {
        const QVariant score = row->score.isValid() ? row->score : QVariant(QMetaType(QMetaType::Double));
        const QVariant run = row->planRunId.isValid() ? row->planRunId : QVariant(QMetaType(QMetaType::Int));
        // A placement put back keeps its global id (the column's default makes one for a new placement).
        const bool keepsId = row->uid.isValid() && !row->uid.isNull();
        const QString columns = keepsId ? QStringLiteral(", uid") : QString();
        const QString marks = keepsId ? QStringLiteral(", ?") : QString();
        QVariantList values { id, row->teacherId, row->sessionId, row->status, row->locked ? 1 : 0, score, row->reason, run };
        if (keepsId)
            values << row->uid;
        QSqlQuery q(db);
        if (Status s = Sql::prepare(q,
                QStringLiteral("INSERT INTO placement(id, teacher_id, session_id, status, locked, score, reason, plan_run_id%1) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?%2) "
                               "ON CONFLICT(id) DO UPDATE SET teacher_id = excluded.teacher_id, session_id = "
                               "excluded.session_id, status = excluded.status, "
                               "locked = excluded.locked, score = excluded.score, reason = excluded.reason, plan_run_id = "
                               "excluded.plan_run_id WHERE placement.version = ?")
                    .arg(columns, marks));
            !s)
            return s;
        values << expected;
        for (int i = 0; i < values.size(); ++i)
            q.bindValue(i, values.at(i));
        if (Status s = Sql::run(q); !s)
            return s;
        written = q.numRowsAffected();
    }
    if (written != 1)
        return refused(db, id, teacherId, row ? row->uid : QVariant());
    QVariant after;
    if (row) {
        auto now = RowVersion::read(db, QStringLiteral("placement"), id);
        if (!now)
            return now.error();
        after = now.value();
    }
    if (Status s = tx.commit(); !s)
        return s;
    if (version)
        *version = after;
    return {};
}

Expected<QString> moveReason(QSqlDatabase db, int teacherId, int sessionId, double *score)
{
    QSqlQuery q(db);
    // Latest round of each rating; covered need points and the high needs covered.
    if (Status s = Sql::prepare(q,
            QStringLiteral("SELECT c.title_tr, r.need FROM session_competency sc JOIN competency c ON c.id = sc.competency_id "
                           "JOIN need_rating r ON r.competency_id = sc.competency_id AND r.teacher_id = ? "
                           "AND r.round = (SELECT max(round) FROM need_rating r2 WHERE r2.teacher_id = r.teacher_id AND "
                           "r2.competency_id = r.competency_id) "
                           "WHERE sc.session_id = ? ORDER BY c.id"));
        !s)
        return s.error();
    if (Status s = Sql::run(q, { teacherId, sessionId }); !s)
        return s.error();
    QStringList high;
    int points = 0;
    while (q.next()) {
        const int need = q.value(1).isNull() ? 0 : q.value(1).toInt();
        points += std::max(0, need - 1);
        if (need >= PlanReason::kHighNeed)
            high << q.value(0).toString();
    }
    auto highNeeds = Sql::scalar(db,
        QStringLiteral("SELECT count(*) FROM need_rating r WHERE r.teacher_id = ? AND r.need >= ? "
                       "AND r.round = (SELECT max(round) FROM need_rating r2 WHERE r2.teacher_id = r.teacher_id "
                       "AND r2.competency_id = r.competency_id)"),
        { teacherId, PlanReason::kHighNeed });
    if (!highNeeds)
        return highNeeds.error();
    auto provinces = Sql::scalar(db,
        QStringLiteral("SELECT t.province_id * 100 + p.province_id FROM teacher t, training_session s "
                       "JOIN partner p ON p.id = s.partner_id WHERE t.id = ? AND s.id = ?"),
        { teacherId, sessionId });
    if (!provinces)
        return provinces.error();
    const int a = provinces.value().toInt() / 100, b = provinces.value().toInt() % 100;
    const int km = PlanInstance::roundedKm(a, b);
    if (score)
        *score = PlanReason::score(points, km);
    PlanReason::Facts facts;
    facts.kind = PlanReason::Facts::Kind::MovedByHand;
    facts.coveredHighNeeds = high;
    facts.highNeeds = highNeeds.value().toInt();
    facts.points = points;
    facts.sameProvince = a == b;
    facts.km = km;
    return PlanReason::encode(facts);
}

Expected<SessionPlaces> sessionPlaces(QSqlDatabase db, int sessionId, int teacherId)
{
    QSqlQuery q(db);
    if (Status s = Sql::prepare(q,
            QStringLiteral("SELECT p.name, s.start_date, s.end_date, s.capacity, (SELECT count(*) FROM placement x WHERE "
                           "x.session_id = s.id AND x.status <> 'cancelled' AND x.teacher_id <> ?) "
                           "FROM training_session s JOIN partner p ON p.id = s.partner_id WHERE s.id = ?"));
        !s)
        return s.error();
    if (Status s = Sql::run(q, { teacherId, sessionId }); !s)
        return s.error();
    if (!q.next())
        return Error { QCoreApplication::translate("PlacementEdits", "the session no longer exists"), QString(), 0, 0 };
    return SessionPlaces { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt(),
        q.value(4).toInt() };
}

} // namespace PlacementEdits

PlacementEditCommand::PlacementEditCommand(
    QSqlDatabase db, PlacementRow before, std::optional<PlacementRow> after, const QString &text, Done done)
    : PlacementEditCommand(std::move(db), before.id, before.teacherId, before, std::move(after), text, std::move(done))
{ }

PlacementEditCommand::PlacementEditCommand(QSqlDatabase db, int id, int teacherId, std::optional<PlacementRow> before,
    std::optional<PlacementRow> after, const QString &text, Done done)
    : m_db(std::move(db))
    , m_id(id)
    , m_teacherId(teacherId)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_done(std::move(done))
{
    setText(text);
}

void PlacementEditCommand::redo()
{
    QVariant version;
    Status s = PlacementEdits::write(m_db, m_id, m_teacherId, expected(m_before), m_after, &version);
    if (s)
        keep(m_after, version);
    // A new placement got its global id from the column's default: keep it,
    // so that a redo after an undo puts back the same placement.
    if (s && m_after && (!m_after->uid.isValid() || m_after->uid.isNull())) {
        auto row = PlacementEdits::read(m_db, m_id);
        if (!row)
            s = Status(row.error());
        else if (row.value())
            m_after->uid = row.value()->uid;
    }
    if (m_done)
        m_done(s);
}

QVariant PlacementEditCommand::expected(const std::optional<PlacementRow> &now) const
{
    if (!now)
        return {};
    // After this program's own later change of the placement (and its undo),
    // the version that change left.
    const QVariant kept = m_wrote ? RowVersion::remembered(m_db, QStringLiteral("placement:%1").arg(m_id)) : QVariant();
    return kept.isValid() ? kept : now->version;
}

void PlacementEditCommand::keep(std::optional<PlacementRow> &now, const QVariant &version)
{
    if (now)
        now->version = version;
    m_wrote = true;
    RowVersion::remember(m_db, QStringLiteral("placement:%1").arg(m_id), version);
}

void PlacementEditCommand::undo()
{
    QVariant version;
    const Status s = PlacementEdits::write(m_db, m_id, m_teacherId, expected(m_after), m_before, &version);
    if (s)
        keep(m_before, version);
    if (m_done)
        m_done(s);
}

namespace {

Expected<PlacementRow> current(QSqlDatabase db, int id)
{
    auto row = PlacementEdits::read(db, id);
    if (!row)
        return row.error();
    if (!row.value())
        return Error { QCoreApplication::translate("PlacementEdits", "placement %1 no longer exists").arg(id), {}, 0, 0 };
    return *row.value();
}

} // namespace

Expected<PlacementEditCommand *> PlacementEditCommand::setLocked(QSqlDatabase db, int id, bool locked, Done done)
{
    auto before = current(db, id);
    if (!before)
        return before.error();
    PlacementRow after = before.value();
    after.locked = locked;
    return new PlacementEditCommand(db, before.value(), after,
        locked ? QCoreApplication::translate("PlacementEdits", "Lock placement")
               : QCoreApplication::translate("PlacementEdits", "Unlock placement"),
        std::move(done));
}

Expected<PlacementEditCommand *> PlacementEditCommand::confirm(QSqlDatabase db, int id, Done done)
{
    auto before = current(db, id);
    if (!before)
        return before.error();
    PlacementRow after = before.value();
    after.status = QStringLiteral("confirmed");
    return new PlacementEditCommand(
        db, before.value(), after, QCoreApplication::translate("PlacementEdits", "Confirm placement"), std::move(done));
}

Expected<PlacementEditCommand *> PlacementEditCommand::move(QSqlDatabase db, int id, int sessionId, Done done)
{
    auto before = current(db, id);
    if (!before)
        return before.error();
    PlacementRow after = before.value();
    double score = 0;
    auto reason = PlacementEdits::moveReason(db, after.teacherId, sessionId, &score);
    if (!reason)
        return reason.error();
    after.sessionId = sessionId;
    after.locked = true; // a hand-made choice is kept by the next optimiser run
    after.score = score;
    after.reason = reason.value();
    return new PlacementEditCommand(
        db, before.value(), after, QCoreApplication::translate("PlacementEdits", "Move teacher"), std::move(done));
}

Expected<PlacementEditCommand *> PlacementEditCommand::place(QSqlDatabase db, int teacherId, int sessionId, Done done)
{
    auto placed = Sql::scalar(
        db, QStringLiteral("SELECT count(*) FROM placement WHERE teacher_id = ? AND status <> 'cancelled'"), { teacherId });
    if (!placed)
        return placed.error();
    if (placed.value().toInt() > 0)
        return Error { QCoreApplication::translate("PlacementEdits", "the teacher already has a placement: move it instead"), {},
            0, 0 };
    auto next = Sql::scalar(db, QStringLiteral("SELECT coalesce(max(id), 0) + 1 FROM placement"));
    if (!next)
        return next.error();
    double score = 0;
    auto reason = PlacementEdits::moveReason(db, teacherId, sessionId, &score);
    if (!reason)
        return reason.error();
    PlacementRow after;
    after.id = next.value().toInt();
    after.teacherId = teacherId;
    after.sessionId = sessionId;
    after.status = QStringLiteral("proposed");
    after.locked = true; // a hand-made choice is kept by the next optimiser run
    after.score = score;
    after.reason = reason.value();
    return new PlacementEditCommand(db, after.id, teacherId, std::nullopt, after,
        QCoreApplication::translate("PlacementEdits", "Place teacher"), std::move(done));
}

Expected<PlacementEditCommand *> PlacementEditCommand::remove(QSqlDatabase db, int id, Done done)
{
    auto before = current(db, id);
    if (!before)
        return before.error();
    return new PlacementEditCommand(
        db, before.value(), std::nullopt, QCoreApplication::translate("PlacementEdits", "Remove placement"), std::move(done));
}

} // namespace kopru
