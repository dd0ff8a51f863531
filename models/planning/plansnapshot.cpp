// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/plansnapshot.h"

#include "models/db/sql.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QStringList>
#include <algorithm>
#include <vector>

namespace kopru {

namespace {

constexpr int kNamed = 5; // placements named in a refusal; the rest are counted

// "Ayşe Işık (Demir Makine, 2026-03-02)": the teacher and the session.
QString describe(QSqlDatabase db, int teacherId, int sessionId)
{
    auto teacher
        = Sql::scalar(db, QStringLiteral("SELECT first_name || ' ' || last_name FROM teacher WHERE id = ?"), { teacherId });
    QSqlQuery q(db);
    QString session;
    if (Sql::prepare(q,
            QStringLiteral("SELECT p.name, s.start_date FROM training_session s JOIN partner p ON p.id = s.partner_id "
                           "WHERE s.id = ?"))
        && Sql::run(q, { sessionId }) && q.next())
        session = QCoreApplication::translate("PlanSnapshot", "%1, %2").arg(q.value(0).toString(), q.value(1).toString());
    else
        session = QCoreApplication::translate("PlanSnapshot", "session %1").arg(sessionId);
    const QString name = teacher && teacher.value().isValid() ? teacher.value().toString() : QString::number(teacherId);
    return QCoreApplication::translate("PlanSnapshot", "%1 (%2)").arg(name, session);
}

} // namespace

Status PlanSnapshot::readMarks(QSqlDatabase db, QHash<int, Mark> &marks)
{
    return Sql::forEachRow(db,
        QStringLiteral("SELECT p.id, p.version, coalesce(d.version, 0), p.teacher_id, p.session_id FROM placement p "
                       "LEFT JOIN plan_decision d ON d.placement_id = p.id"),
        [&marks](const QSqlQuery &q) {
            marks.insert(q.value(0).toInt(),
                Mark { q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toInt(), q.value(4).toInt() });
        });
}

Expected<PlanSnapshot> PlanSnapshot::read(QSqlDatabase db)
{
    PlanSnapshot snapshot;
    if (Status s = readMarks(db, snapshot.m_marks); !s)
        return s.error();
    return snapshot;
}

Status PlanSnapshot::verify(QSqlDatabase db) const
{
    QHash<int, Mark> now;
    if (Status s = readMarks(db, now); !s)
        return s;
    // Changed or deleted since, then added since: by placement id, so the
    // message is the same whatever order the backend returns rows in.
    std::vector<std::pair<int, Mark>> changed;
    for (auto it = m_marks.cbegin(); it != m_marks.cend(); ++it) {
        const auto found = now.constFind(it.key());
        if (found == now.cend())
            changed.emplace_back(it.key(), it.value());
        else if (!(found.value() == it.value()))
            changed.emplace_back(it.key(), found.value()); // named as it is now (moved: its new session)
    }
    for (auto it = now.cbegin(); it != now.cend(); ++it)
        if (!m_marks.contains(it.key()))
            changed.emplace_back(it.key(), it.value());
    if (changed.empty())
        return {};
    std::sort(changed.begin(), changed.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList named;
    for (std::size_t i = 0; i < changed.size() && i < std::size_t(kNamed); ++i)
        named << describe(db, changed[i].second.teacherId, changed[i].second.sessionId);
    QString list = named.join(QStringLiteral("; "));
    const int more = int(changed.size()) - int(named.size());
    if (more > 0)
        list += QCoreApplication::translate("PlanSnapshot", " and %n more", nullptr, more);
    return Status::failure(QCoreApplication::translate("PlanSnapshot",
        "the plan was not stored: %n placement(s) changed while the optimiser ran (another user, program or window): "
        "%1. Nothing was changed; plan again to plan over the current placements.",
        nullptr, int(changed.size()))
                               .arg(list));
}

} // namespace kopru
