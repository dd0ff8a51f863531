// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/resolvereviewcommand.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"
#include "models/editing/changenotifier.h"
#include "models/editing/rowversion.h"
#include "models/exchange/heldrows.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlQuery>
#include <set>

namespace kopru {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(ResolveReviewCommand)
};

// The rows held under an item that belong to one registration (`uid` of
// `table`): the record itself (unless `dependentsOnly`), its centre's record
// and lists, and what names it — placements, proposals, sessions and their
// placements and lists.
std::vector<HeldRow> rowsOf(const std::vector<HeldRow> &held, const QString &table, const QString &uid, bool dependentsOnly)
{
    std::set<QString> sessions;
    if (table == QLatin1String("partner"))
        for (const HeldRow &r : held)
            if (r.table == QLatin1String("training_session") && r.row.value(QStringLiteral("partner_uid")).toString() == uid)
                sessions.insert(r.key);
    std::vector<HeldRow> rows;
    for (const HeldRow &r : held) {
        const QString parent = r.key.section(QLatin1Char(':'), 0, 0);
        bool own = false, dependent = false;
        if (table == QLatin1String("teacher")) {
            own = (r.table == QLatin1String("teacher") || r.table == QLatin1String("teacher_record")) && r.key == uid;
            dependent = (r.table == QLatin1String("placement") || r.table == QLatin1String("proposal"))
                && r.row.value(QStringLiteral("teacher_uid")).toString() == uid;
        } else {
            own = (r.table == QLatin1String("partner") && r.key == uid)
                || (r.table == QLatin1String("partner_competency") && parent == uid);
            dependent = sessions.count(r.key) > 0
                || (r.table == QLatin1String("session_competency") && sessions.count(parent) > 0)
                || (r.table == QLatin1String("placement")
                    && sessions.count(r.row.value(QStringLiteral("session_uid")).toString()) > 0);
        }
        if (dependent || (own && !dependentsOnly))
            rows.push_back(r);
    }
    return rows;
}

Status releaseRows(QSqlDatabase db, int reviewId, const std::vector<HeldRow> &rows)
{
    for (const HeldRow &r : rows)
        if (Status s = ReviewStore::release(db, reviewId, r.table, r.key); !s)
            return s;
    return {};
}

} // namespace

ResolveReviewCommand::ResolveReviewCommand(QSqlDatabase db, int reviewId, Action action, QString chosenUid,
    QStringList placements, const QString &text, QVariant seenVersion)
    : DbCommand(std::move(db), text)
    , m_reviewId(reviewId)
    , m_action(action)
    , m_chosen(std::move(chosenUid))
    , m_placements(std::move(placements))
    , m_seenVersion(std::move(seenVersion))
{ }

namespace {

QString rowKey(const QString &table, qint64 id)
{
    return table + QLatin1Char(':') + QString::number(id);
}

const QString kReviewItem = QStringLiteral("review_item");

} // namespace

Status ResolveReviewCommand::expectVersion(const QString &table, qint64 id, const QVariant &expected, const QString &subject)
{
    QSqlDatabase db = database();
    auto held = RowVersion::holds(db, table, int(id), expected);
    if (!held)
        return held.error();
    if (held.value())
        return {};
    auto uid = Sql::scalar(db, QStringLiteral("SELECT uid FROM %1 WHERE id = ?").arg(table), { id });
    return changedMeanwhile(table, RowVersion::refusal(db, table, int(id), uid ? uid.value() : QVariant(), subject));
}

Status ResolveReviewCommand::keepVersion(const QString &table, qint64 id)
{
    auto version = RowVersion::read(database(), table, int(id));
    if (!version)
        return version.error();
    RowVersion::remember(database(), rowKey(table, id), version.value());
    return {};
}

QList<ResolveReviewCommand::Action> ResolveReviewCommand::actionsFor(const QString &kind)
{
    if (kind == QLatin1String("capacity"))
        return { Action::KeepAll, Action::RejectPlacements };
    if (kind == QLatin1String("correction"))
        return { Action::Adopt, Action::Reject };
    return { Action::Keep, Action::Merge, Action::Reject };
}

QString ResolveReviewCommand::code(Action action)
{
    switch (action) {
    case Action::Keep:
        return QStringLiteral("keep");
    case Action::Merge:
        return QStringLiteral("merge");
    case Action::Reject:
        return QStringLiteral("reject");
    case Action::KeepAll:
        return QStringLiteral("keep_all");
    case Action::RejectPlacements:
        return QStringLiteral("reject_placements");
    case Action::Adopt:
        return QStringLiteral("adopt");
    }
    return {};
}

QString ResolveReviewCommand::title(Action action)
{
    switch (action) {
    case Action::Keep:
        return Text::tr("Keep One");
    case Action::Merge:
        return Text::tr("Merge");
    case Action::Reject:
        return Text::tr("Reject");
    case Action::KeepAll:
        return Text::tr("Keep All");
    case Action::RejectPlacements:
        return Text::tr("Reject Placements");
    case Action::Adopt:
        return Text::tr("Adopt");
    }
    return {};
}

Status ResolveReviewCommand::apply()
{
    QSqlDatabase db = database();
    m_added.clear();
    m_aliases.clear();
    m_decisionsBefore.clear();
    m_adoptedColumn.clear();
    // The item as the user saw it (or as the undo left it), held until the
    // commit: a second user deciding it meanwhile is refused, naming the first.
    QVariant expected = m_wrote ? RowVersion::remembered(db, rowKey(kReviewItem, m_reviewId)) : m_seenVersion;
    if (!expected.isValid()) {
        auto now = RowVersion::read(db, kReviewItem, m_reviewId);
        if (!now)
            return now.error();
        expected = now.value();
    }
    if (expected.isValid())
        if (Status s = expectVersion(kReviewItem, m_reviewId, expected, text()); !s)
            return s;
    auto item = ReviewStore::byId(db, m_reviewId);
    if (!item)
        return item.error();
    if (item->id == 0)
        return Status::failure(Text::tr("the review item no longer exists"));
    if (item->status != QLatin1String("open"))
        return Status::failure(Text::tr("the review item was resolved already"));
    if (!actionsFor(item->kind).contains(m_action))
        return Status::failure(Text::tr("this decision does not fit this kind of conflict"));
    QSqlQuery before(db);
    if (Status s = Sql::prepare(before,
            QStringLiteral("SELECT centres, status, resolution, chosen_uid, detail, resolved_at, resolved_by FROM review_item "
                           "WHERE id = ?"));
        !s)
        return s;
    if (Status s = Sql::run(before, { m_reviewId }); !s)
        return s;
    m_itemBefore.clear();
    if (before.next())
        for (int i = 0; i < 7; ++i)
            m_itemBefore << before.value(i);
    before.finish();
    Status held;
    m_heldBefore = ReviewStore::heldRows(db, m_reviewId, &held);
    if (!held)
        return held;

    Status done;
    if (item->kind == QLatin1String("capacity"))
        done = resolveCapacity(item.value());
    else if (item->kind == QLatin1String("correction"))
        done = resolveCorrection(item.value());
    else
        done = resolveDuplicate(item.value());
    if (!done)
        return done;
    if (Status s = Sql::exec(db,
            QStringLiteral(
                "UPDATE review_item SET status = 'resolved', resolution = ?, chosen_uid = ?, resolved_at = %1, resolved_by = %2 "
                "WHERE id = ?")
                .arg(SqlDialect::nowText(SqlDialect::backendOf(db)), SqlDialect::changeLabel(SqlDialect::backendOf(db))),
            { code(m_action), m_chosen.isNull() ? QStringLiteral("") : m_chosen, m_reviewId });
        !s)
        return s;
    // What an undo expects: the item, and the teacher an adopted correction changed.
    if (!m_adoptedColumn.isEmpty())
        if (Status s = keepVersion(QStringLiteral("teacher"), m_adoptedTeacher); !s)
            return s;
    m_wrote = true;
    return keepVersion(kReviewItem, m_reviewId);
}

Status ResolveReviewCommand::resolveDuplicate(const ReviewItem &item)
{
    QSqlDatabase db = database();
    const QString table = item.kind == QLatin1String("duplicate_teacher") ? QStringLiteral("teacher") : QStringLiteral("partner");
    const QString kept = item.detail.value(QStringLiteral("kept")).toString();
    QStringList registrations;
    for (const HeldRow &r : m_heldBefore)
        if (r.table == table)
            registrations << r.key;
    if (m_action == Action::Reject)
        return {};
    const bool chosenHeld = registrations.contains(m_chosen);
    if (!chosenHeld && (m_chosen.isEmpty() || m_chosen != kept))
        return Status::failure(Text::tr("choose one of the records of this conflict"));
    if (chosenHeld && !kept.isEmpty())
        return Status::failure(Text::tr("the national office's record stays: keep or merge into it"));
    ApplySummary summary;
    if (chosenHeld) {
        const std::vector<HeldRow> rows = rowsOf(m_heldBefore, table, m_chosen, false);
        auto added = HeldRows::apply(db, rows, summary);
        if (!added)
            return added.error();
        m_added.insert(m_added.end(), added->begin(), added->end());
        if (Status s = releaseRows(db, m_reviewId, rows); !s)
            return s;
    }
    if (m_action == Action::Keep)
        return {};
    // Merge: every other registration stands for the chosen record from now on.
    auto owner = Sql::scalar(db, QStringLiteral("SELECT owner_centre_id FROM %1 WHERE uid = ?").arg(table), { m_chosen });
    if (!owner)
        return owner.error();
    for (const QString &other : registrations) {
        if (other == m_chosen)
            continue;
        if (Status s = Sql::exec(db,
                QStringLiteral("INSERT INTO uid_alias(uid, target_uid, table_name, target_owner_centre_id) VALUES (?, ?, ?, ?)"),
                { other, m_chosen, table, owner.value() });
            !s)
            return s;
        m_aliases << other;
        const std::vector<HeldRow> dependents = rowsOf(m_heldBefore, table, other, true);
        auto added = HeldRows::apply(db, dependents, summary);
        if (!added)
            return added.error();
        m_added.insert(m_added.end(), added->begin(), added->end());
        if (Status s = releaseRows(db, m_reviewId, rowsOf(m_heldBefore, table, other, false)); !s)
            return s;
    }
    // The record that stays goes again to the centres whose registration it absorbed.
    return Sql::exec(db, QStringLiteral("UPDATE %1 SET change_serial = NULL WHERE uid = ?").arg(table), { m_chosen });
}

Status ResolveReviewCommand::resolveCapacity(const ReviewItem &item)
{
    if (m_action == Action::KeepAll)
        return {};
    QSqlDatabase db = database();
    const QJsonArray listed = item.detail.value(QStringLiteral("placements")).toArray();
    if (m_placements.isEmpty())
        return Status::failure(Text::tr("choose the placements to reject"));
    for (const QString &uid : std::as_const(m_placements)) {
        if (!listed.contains(uid))
            return Status::failure(Text::tr("a chosen placement is not one of this session's"));
        auto id = Sql::scalar(db, QStringLiteral("SELECT id FROM placement WHERE uid = ?"), { uid });
        auto decided = Sql::scalar(db,
            QStringLiteral("SELECT d.decision FROM plan_decision d JOIN placement p ON p.id = d.placement_id WHERE p.uid = ?"),
            { uid });
        if (!id || !decided)
            return Status::failure(Text::tr("cannot read the placement"));
        if (!id.value().isValid())
            return Status::failure(Text::tr("the placement no longer exists"));
        m_decisionsBefore.emplace_back(uid, decided.value());
        if (Status s = Sql::exec(db,
                QStringLiteral(
                    "INSERT INTO plan_decision(placement_id, decision, note) VALUES (?, 'rejected', ?) ON CONFLICT(placement_id) "
                    "DO UPDATE SET decision = excluded.decision, note = excluded.note"),
                { id.value(), Text::tr("the session has more placements than places") });
            !s)
            return s;
    }
    return {};
}

Status ResolveReviewCommand::resolveCorrection(const ReviewItem &item)
{
    if (m_action == Action::Reject)
        return {};
    QSqlDatabase db = database();
    const QString teacher = item.detail.value(QStringLiteral("teacher")).toString();
    const QString column = item.detail.value(QStringLiteral("column")).toString();
    const QJsonValue value = item.detail.value(QStringLiteral("value"));
    // Columns that name another record hold its global id in the proposal.
    static const std::map<QString, QString> refs { { QStringLiteral("field_id"), QStringLiteral("field") },
        { QStringLiteral("school_id"), QStringLiteral("school") }, { QStringLiteral("centre_id"), QStringLiteral("centre") } };
    static const QStringList columns { QStringLiteral("national_id"), QStringLiteral("first_name"), QStringLiteral("last_name"),
        QStringLiteral("field_id"), QStringLiteral("branch"), QStringLiteral("school_id"), QStringLiteral("province_id"),
        QStringLiteral("centre_id"), QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("experience_years") };
    if (!columns.contains(column))
        return Status::failure(Text::tr("the correction names an unknown column"));
    QVariant newValue = value.isNull() ? QVariant() : value.toVariant();
    if (auto r = refs.find(column); r != refs.end() && !value.isNull()) {
        auto id = Sql::scalar(db, QStringLiteral("SELECT id FROM %1 WHERE uid = ?").arg(r->second), { value.toString() });
        if (!id)
            return id.error();
        if (!id.value().isValid())
            return Status::failure(Text::tr("the correction names a record this database does not have"));
        newValue = id.value();
    }
    QSqlQuery q(db);
    if (Status s = Sql::prepare(q, QStringLiteral("SELECT id, %1 FROM teacher WHERE uid = ?").arg(column)); !s)
        return s;
    if (Status s = Sql::run(q, { teacher }); !s)
        return s;
    if (!q.next())
        return Status::failure(Text::tr("the teacher of the correction no longer exists"));
    m_adoptedTeacher = q.value(0).toLongLong();
    m_adoptedBefore = q.value(1);
    m_adoptedColumn = column;
    q.finish();
    return Sql::exec(db, QStringLiteral("UPDATE teacher SET %1 = ? WHERE id = ?").arg(column), { newValue, m_adoptedTeacher });
}

Status ResolveReviewCommand::revert()
{
    QSqlDatabase db = database();
    // Nobody changed the item, nor the teacher of an adopted correction, since the decision.
    if (Status s = expectVersion(kReviewItem, m_reviewId, RowVersion::remembered(db, rowKey(kReviewItem, m_reviewId)), text());
        !s)
        return s;
    if (!m_adoptedColumn.isEmpty())
        if (Status s = expectVersion(QStringLiteral("teacher"), m_adoptedTeacher,
                RowVersion::remembered(db, rowKey(QStringLiteral("teacher"), m_adoptedTeacher)), text());
            !s)
            return s;
    for (auto it = m_added.crbegin(); it != m_added.crend(); ++it)
        if (Status s = Sql::exec(db, QStringLiteral("DELETE FROM %1 WHERE uid = ?").arg(it->first), { it->second }); !s)
            return s;
    for (const QString &alias : std::as_const(m_aliases))
        if (Status s = Sql::exec(db, QStringLiteral("DELETE FROM uid_alias WHERE uid = ?"), { alias }); !s)
            return s;
    for (const auto &[uid, decision] : m_decisionsBefore) {
        const Status s = decision.isValid()
            ? Sql::exec(db,
                QStringLiteral(
                    "UPDATE plan_decision SET decision = ? WHERE placement_id = (SELECT id FROM placement WHERE uid = ?)"),
                { decision, uid })
            : Sql::exec(db,
                QStringLiteral("DELETE FROM plan_decision WHERE placement_id = (SELECT id FROM placement WHERE uid = ?)"),
                { uid });
        if (!s)
            return s;
    }
    if (!m_adoptedColumn.isEmpty())
        if (Status s = Sql::exec(db, QStringLiteral("UPDATE teacher SET %1 = ? WHERE id = ?").arg(m_adoptedColumn),
                { m_adoptedBefore, m_adoptedTeacher });
            !s)
            return s;
    if (Status s = Sql::exec(db, QStringLiteral("DELETE FROM review_parked WHERE review_id = ?"), { m_reviewId }); !s)
        return s;
    for (const HeldRow &r : m_heldBefore)
        if (Status s = ReviewStore::hold(db, m_reviewId, r); !s)
            return s;
    if (m_itemBefore.size() != 7)
        return Status::failure(Text::tr("the review item no longer exists"));
    if (Status s = Sql::exec(db,
            QStringLiteral(
                "UPDATE review_item SET centres = ?, status = ?, resolution = ?, chosen_uid = ?, detail = ?, resolved_at = ?, "
                "resolved_by = ? WHERE id = ?"),
            { m_itemBefore.at(0), m_itemBefore.at(1), m_itemBefore.at(2), m_itemBefore.at(3), m_itemBefore.at(4),
                m_itemBefore.at(5), m_itemBefore.at(6), m_reviewId });
        !s)
        return s;
    return keepVersion(kReviewItem, m_reviewId); // what a redo expects
}

void ResolveReviewCommand::announce()
{
    ChangeNotifier *n = ChangeNotifier::instance();
    for (const char *table :
        { "review_item", "teacher", "partner", "training_session", "placement", "plan_decision", "uid_alias" })
        n->notifyAll(QLatin1String(table));
}

} // namespace kopru
