// SPDX-License-Identifier: GPL-3.0-or-later
// The optimiser: exact on small random instances (against brute force), every
// hard rule on the national demo set, locked placements kept, DIMACS checked
// by an external solver.
#include "models/db/connection.h"
#include "models/db/referencedataloader.h"
#include "models/demo/demogenerator.h"
#include "models/demo/random.h"
#include "models/domain/nationalid.h"
#include "models/exchange/databaserole.h"
#include "models/exchange/globalid.h"
#include "models/planning/planner.h"
#include "models/planning/planreason.h"
#include "models/planning/unplaced.h"
#include "models/planning/unplacedmodel.h"
#include "tests/common/testutil.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <map>
#include <tuple>

using namespace kopru;
using kopru::test::scalar;

namespace {

// Lexicographic value of a plan: placed, covered need, −distance.
using Value = std::tuple<std::int64_t, std::int64_t, std::int64_t>;

const char *const kStarts[] = { "2027-06-14", "2027-07-05", "2027-09-06" };
const int kProvinces[] = { 6, 34, 35, 16, 1, 65 };

// A small random database: up to 6 teachers in two fields, up to 4 sessions,
// sometimes a locked or an earlier proposed placement.
void fillRandom(QSqlDatabase db, std::uint64_t seed)
{
    Random rng(seed);
    QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO school(id, name, province_id) VALUES (1, 'Okul', 6)")));
    for (int f = 1; f <= 2; ++f)
        for (int c = 1; c <= 3; ++c)
            QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO competency(id, field_id, code, title_tr) VALUES (?, ?, ?, ?)"),
                { f * 10 + c, f, QStringLiteral("C%1").arg(c), QStringLiteral("Yeterlik %1.%2").arg(f).arg(c) }));
    const int teachers = rng.between(1, 6);
    for (int t = 1; t <= teachers; ++t) {
        const int field = rng.between(1, 2);
        QVariant from, to;
        switch (rng.below(3)) {
        case 1:
            from = QStringLiteral("2027-06-01");
            to = QStringLiteral("2027-06-30");
            break;
        case 2:
            from = QStringLiteral("2027-07-01");
            break;
        default:
            break;
        }
        QVERIFY(Sql::exec(db,
            QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, school_id, province_id, "
                           "available_from, available_to) VALUES (?, ?, 'Ad', 'Soyad', ?, 1, ?, ?, ?)"),
            { t, NationalId::withCheckDigits(QString::number(100000000 + t)), field,
                kProvinces[rng.below(int(std::size(kProvinces)))], from, to }));
        for (int c = 1; c <= 3; ++c) {
            const int need = rng.below(6); // 0 = not applicable
            QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, need) VALUES (?, ?, ?)"),
                { t, field * 10 + c, need == 0 ? QVariant() : QVariant(need) }));
        }
    }
    for (int p = 1; p <= 3; ++p)
        QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO partner(id, name, province_id, active) VALUES (?, 'Firma', ?, ?)"),
            { p, kProvinces[rng.below(int(std::size(kProvinces)))], p == 3 && rng.chance(0.5) ? 0 : 1 }));
    const int sessions = rng.between(1, 4);
    for (int s = 1; s <= sessions; ++s) {
        const int field = rng.between(1, 2);
        const QDate start = QDate::fromString(QString::fromLatin1(kStarts[rng.below(3)]), Qt::ISODate);
        QVERIFY(Sql::exec(db,
            QStringLiteral("INSERT INTO training_session(id, partner_id, field_id, start_date, end_date, capacity) "
                           "VALUES (?, ?, ?, ?, ?, ?)"),
            { s, rng.between(1, 3), field, start.toString(Qt::ISODate), start.addDays(11).toString(Qt::ISODate),
                rng.between(1, 2) }));
        for (int c = 1; c <= 3; ++c)
            if (rng.chance(0.6))
                QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO session_competency(session_id, competency_id) VALUES (?, ?)"),
                    { s, field * 10 + c }));
    }
    // Earlier placements: teacher 1 locked, teacher 2 proposed (to be re-planned).
    if (rng.chance(0.4))
        QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO placement(teacher_id, session_id, locked) VALUES (1, ?, 1)"),
            { rng.between(1, sessions) }));
    if (teachers >= 2 && rng.chance(0.4))
        QVERIFY(Sql::exec(
            db, QStringLiteral("INSERT INTO placement(teacher_id, session_id) VALUES (2, ?)"), { rng.between(1, sessions) }));
}

struct BruteTeacher
{
    int id, field, province;
    QString from, to;
    std::map<int, int> needs;
};
struct BruteSession
{
    int id, field, province, free;
    QString start, end;
    std::vector<int> comps;
};

// The best plan by enumerating every assignment, from the raw tables.
Value bruteForce(QSqlDatabase db)
{
    std::vector<BruteTeacher> teachers;
    std::vector<BruteSession> sessions;
    QSqlQuery q(db);
    q.exec(QStringLiteral(
        "SELECT id, field_id, province_id, ifnull(available_from, ''), ifnull(available_to, '') FROM teacher "
        "WHERE id NOT IN (SELECT teacher_id FROM placement WHERE locked = 1 OR status IN ('confirmed', 'completed'))"));
    while (q.next())
        teachers.push_back(
            { q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt(), q.value(3).toString(), q.value(4).toString(), {} });
    for (BruteTeacher &t : teachers) {
        QSqlQuery r(db);
        r.exec(QStringLiteral("SELECT competency_id, ifnull(need, 0) FROM need_rating WHERE teacher_id = %1").arg(t.id));
        while (r.next())
            t.needs[r.value(0).toInt()] = r.value(1).toInt();
    }
    q.exec(QStringLiteral(
        "SELECT s.id, s.field_id, p.province_id, s.capacity - (SELECT count(*) FROM placement x WHERE x.session_id = s.id "
        "AND (x.locked = 1 OR x.status IN ('confirmed', 'completed'))), s.start_date, s.end_date "
        "FROM training_session s JOIN partner p ON p.id = s.partner_id WHERE p.active = 1"));
    while (q.next())
        sessions.push_back({ q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt(), q.value(3).toInt(),
            q.value(4).toString(), q.value(5).toString(), {} });
    for (BruteSession &s : sessions) {
        QSqlQuery r(db);
        r.exec(QStringLiteral("SELECT competency_id FROM session_competency WHERE session_id = %1").arg(s.id));
        while (r.next())
            s.comps.push_back(r.value(0).toInt());
    }
    Value best { -1, 0, 0 };
    std::vector<int> choice(teachers.size(), -1); // −1 = unplaced
    std::vector<int> used(sessions.size(), 0);
    std::function<void(std::size_t, Value)> walk = [&](std::size_t i, Value v) {
        if (i == teachers.size()) {
            best = std::max(best, v);
            return;
        }
        walk(i + 1, v);
        const BruteTeacher &t = teachers[i];
        for (std::size_t s = 0; s < sessions.size(); ++s) {
            const BruteSession &session = sessions[s];
            if (session.field != t.field || used[s] >= session.free)
                continue;
            if ((!t.from.isEmpty() && session.start < t.from) || (!t.to.isEmpty() && session.end > t.to))
                continue;
            std::int64_t need = 0;
            for (int c : session.comps)
                need += std::max(0, t.needs.count(c) ? t.needs.at(c) - 1 : 0);
            const std::int64_t km = std::llround(ReferenceData::distanceKm(t.province, session.province));
            ++used[s];
            walk(i + 1, { std::get<0>(v) + 1, std::get<1>(v) + need, std::get<2>(v) - km });
            --used[s];
        }
    };
    walk(0, { 0, 0, 0 });
    return best;
}

QString glpsolPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("glpsol"));
}

} // namespace

class TestPlanner : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;
    std::unique_ptr<Database> m_national, m_small;
    QString newPath() { return m_dir.filePath(QStringLiteral("p%1.kopru").arg(++m_n)); }

private slots:
    void initTestCase()
    {
        m_national = test::newDatabase(newPath());
        QVERIFY(m_national);
        // The plain national demo: nothing placed yet (not its completed first programme).
        DemoGenerator::Options plain;
        plain.programme = false;
        auto summary = DemoGenerator::generate(m_national->connection(), plain);
        QVERIFY2(summary, qPrintable(summary.message()));
        m_small = test::newDatabase(newPath());
        QVERIFY(m_small);
    }

    void defaultWeightsAreLexicographicAtProductScale()
    {
        const PlanWeights w;
        QVERIFY(w.lexicographicFor(PlanWeights::kMaxPlaced, PlanWeights::kMaxKm, PlanWeights::kMaxNeed));
        // Independently: the worst case of each lower objective is below one unit of the one above.
        QVERIFY(w.need > PlanWeights::kMaxPlaced * PlanWeights::kMaxKm * w.distance);
        QVERIFY(w.place > PlanWeights::kMaxPlaced * (PlanWeights::kMaxNeed * w.need + PlanWeights::kMaxKm * w.distance));
        QVERIFY(!w.lexicographicFor(10 * PlanWeights::kMaxPlaced, PlanWeights::kMaxKm, PlanWeights::kMaxNeed));
        PlanWeights flat { 1, 1, 1 };
        QVERIFY(!flat.lexicographicFor(2, 100, 4));
        flat.maximizePlaced = false;
        QVERIFY(!flat.lexicographicFor(2, 100, 4));
        PlanWeights byWeight;
        byWeight.maximizePlaced = false;
        QVERIFY(byWeight.lexicographicFor(PlanWeights::kMaxPlaced, PlanWeights::kMaxKm, PlanWeights::kMaxNeed));
        byWeight.place
            = PlanWeights::kMaxPlaced * (PlanWeights::kMaxNeed * w.need + PlanWeights::kMaxKm * w.distance); // one short
        QVERIFY(!byWeight.lexicographicFor(PlanWeights::kMaxPlaced, PlanWeights::kMaxKm, PlanWeights::kMaxNeed));
        // Total cost of a national plan stays exact in a double (what glpsol computes with).
        QVERIFY(double(5000) * double(w.place) < 9007199254740992.0);
    }

    void weightsRoundTripThroughJson()
    {
        PlanWeights w { 1234567, 89, 3 };
        w.maximizePlaced = false;
        auto back = PlanWeights::fromJson(w.toJson());
        QVERIFY(back);
        QVERIFY(back.value() == w);
        QVERIFY(PlanWeights::fromJson(QJsonObject {}).value() == PlanWeights {});
        QVERIFY(!PlanWeights::fromJson(QJsonObject { { QStringLiteral("maximizePlaced"), 1 } }));
        QVERIFY(!PlanWeights::fromJson(QJsonObject { { QStringLiteral("need"), -1 } }));
        QVERIFY(!PlanWeights::fromJson(QJsonObject { { QStringLiteral("place"), 1.5 } }));
        QVERIFY(!PlanWeights::fromJson(QJsonObject { { QStringLiteral("distance"), QStringLiteral("x") } }));
    }

    // A stored reason is written straight (no QJsonObject a proposal) and is
    // compared with the stored text to keep an unchanged proposal: it must be
    // exactly the compact JSON QJsonDocument writes for the same facts.
    void encodedReasonIsQtsJson()
    {
        const auto qtJson = [](const PlanReason::Facts &f) {
            QJsonObject o;
            o.insert(QStringLiteral("kind"),
                f.kind == PlanReason::Facts::Kind::MovedByHand ? QStringLiteral("moved") : QStringLiteral("planned"));
            o.insert(QStringLiteral("high"), QJsonArray::fromStringList(f.coveredHighNeeds));
            o.insert(QStringLiteral("highNeeds"), f.highNeeds);
            o.insert(QStringLiteral("points"), f.points);
            o.insert(QStringLiteral("sameProvince"), f.sameProvince);
            o.insert(QStringLiteral("km"), f.km);
            return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
        };
        const QStringList titles { QStringLiteral("PLC programlama"), QStringLiteral("İş güvenliği \"temel\""),
            QStringLiteral("C:\\yol\tsekme"), QString::fromUtf16(u"Işık \U0001F600"), QString() };
        Random rng(7);
        for (int n = 0; n < 200; ++n) {
            PlanReason::Facts f;
            f.kind = rng.next() % 2 ? PlanReason::Facts::Kind::Planned : PlanReason::Facts::Kind::MovedByHand;
            for (std::uint64_t k = rng.next() % 4; k > 0; --k)
                f.coveredHighNeeds << titles[qsizetype(rng.next() % std::uint64_t(titles.size()))];
            f.highNeeds = int(rng.next() % 40);
            f.points = int(rng.next() % 200) - (n == 3 ? 1000 : 0);
            f.sameProvince = rng.next() % 2;
            f.km = n == 5 ? -7 : int(rng.next() % 2200);
            QCOMPARE(PlanReason::encode(f), qtJson(f));
        }
        // And it reads back as the same facts.
        PlanReason::Facts f;
        f.coveredHighNeeds = titles.mid(0, 2);
        f.highNeeds = 5;
        f.points = 9;
        f.km = 120;
        QVERIFY(PlanReason::render(PlanReason::encode(f)).contains(titles[1]));
    }

    void optimalAgainstBruteForce_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<bool>("maximizePlaced");
        for (quint64 seed = 1; seed <= 30; ++seed) {
            QTest::newRow(qPrintable(QStringLiteral("seed %1, most placed by max flow").arg(seed))) << seed << true;
            QTest::newRow(qPrintable(QStringLiteral("seed %1, placed by weight").arg(seed))) << seed << false;
        }
    }
    void optimalAgainstBruteForce()
    {
        QFETCH(quint64, seed);
        QFETCH(bool, maximizePlaced);
        const QSqlDatabase c = m_small->connection();
        for (const char *table : { "placement", "plan_run", "session_competency", "training_session", "partner_competency",
                 "partner", "need_rating", "competency", "teacher", "school" })
            QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM ") + QLatin1String(table)));
        fillRandom(c, seed);
        if (QTest::currentTestFailed())
            return;
        const Value expected = bruteForce(c);
        const int lockedBefore = scalar(c, QStringLiteral("SELECT count(*) FROM placement WHERE locked = 1")).toInt();

        PlanOptions options;
        options.weights.maximizePlaced = maximizePlaced;
        auto result = Planner::run(c, options);
        QVERIFY2(result, qPrintable(result.message()));
        QVERIFY(result->lexicographic);
        // What was stored, measured independently of the solver's own sums.
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral(
            "SELECT t.province_id, p.province_id, t.id, s.id FROM placement x JOIN teacher t ON t.id = x.teacher_id "
            "JOIN training_session s ON s.id = x.session_id JOIN partner p ON p.id = s.partner_id "
            "WHERE x.plan_run_id = %1")
                           .arg(result->planRunId)));
        std::int64_t placed = 0, need = 0, km = 0;
        while (q.next()) {
            ++placed;
            km += std::llround(ReferenceData::distanceKm(q.value(0).toInt(), q.value(1).toInt()));
            need += scalar(c,
                QStringLiteral("SELECT ifnull(sum(max(r.need - 1, 0)), 0) FROM need_rating r JOIN session_competency sc "
                               "ON sc.competency_id = r.competency_id WHERE r.teacher_id = %1 AND sc.session_id = %2")
                    .arg(q.value(2).toInt())
                    .arg(q.value(3).toInt()))
                        .toLongLong();
        }
        const Value got { placed, need, -km };
        QCOMPARE(got, expected);
        QCOMPARE(result->placed, int(placed));
        QCOMPARE(result->coveredNeed, need);
        QCOMPARE(result->km, km);
        const PlanWeights w;
        QCOMPARE(result->objective, (maximizePlaced ? 0 : -w.place * placed) - w.need * need + w.distance * km);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM placement WHERE locked = 1")).toInt(), lockedBefore);
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT count(*) FROM placement WHERE locked = 0 AND plan_run_id IS NOT %1")
                         .arg(result->planRunId))
                     .toInt(),
            0);
    }

    void nationalPlanKeepsEveryHardRule()
    {
        const QSqlDatabase c = m_national->connection();
        auto result = Planner::run(c, {});
        QVERIFY2(result, qPrintable(result.message()));
        QVERIFY(result->placed > 3000);
        QVERIFY(result->lexicographic);
        const int places = scalar(c,
            QStringLiteral(
                "SELECT sum(s.capacity) FROM training_session s JOIN partner p ON p.id = s.partner_id WHERE p.active = 1"))
                               .toInt();
        QVERIFY(result->placed <= places);
        QCOMPARE(result->placed + result->unplaced, scalar(c, QStringLiteral("SELECT count(*) FROM teacher")).toInt());
        // One placement per teacher.
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT count(*) FROM (SELECT teacher_id FROM placement WHERE status <> 'cancelled' "
                                    "GROUP BY teacher_id HAVING count(*) > 1)"))
                     .toInt(),
            0);
        // Capacity.
        QCOMPARE(
            scalar(c,
                QStringLiteral("SELECT count(*) FROM training_session s WHERE s.capacity < (SELECT count(*) FROM placement x "
                               "WHERE x.session_id = s.id AND x.status <> 'cancelled')"))
                .toInt(),
            0);
        // Same field.
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT count(*) FROM placement x JOIN teacher t ON t.id = x.teacher_id "
                                    "JOIN training_session s ON s.id = x.session_id WHERE t.field_id <> s.field_id"))
                     .toInt(),
            0);
        // Dates inside the availability window.
        QCOMPARE(
            scalar(c,
                QStringLiteral(
                    "SELECT count(*) FROM placement x JOIN teacher t ON t.id = x.teacher_id "
                    "JOIN training_session s ON s.id = x.session_id WHERE s.start_date < ifnull(t.available_from, s.start_date) "
                    "OR s.end_date > ifnull(t.available_to, s.end_date)"))
                .toInt(),
            0);
        // Every placement explained, scored and tied to the run; the run recorded.
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT count(*) FROM placement WHERE reason = '' OR score IS NULL OR plan_run_id IS NOT ?")
                         .replace(QLatin1Char('?'), QString::number(result->planRunId)))
                     .toInt(),
            0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT placed FROM plan_run WHERE id = %1").arg(result->planRunId)).toInt(),
            result->placed);
        QCOMPARE(scalar(c, QStringLiteral("SELECT objective FROM plan_run WHERE id = %1").arg(result->planRunId)).toLongLong(),
            qint64(result->objective));
        QVERIFY(scalar(c, QStringLiteral("SELECT parameters FROM plan_run WHERE id = %1").arg(result->planRunId))
                    .toString()
                    .contains(QStringLiteral("\"need\"")));
        // The reasons are stored as facts and rendered in the reader's language.
        int explained = 0;
        QSqlQuery reasons(c);
        QVERIFY(reasons.exec(QStringLiteral("SELECT reason FROM placement")));
        while (reasons.next()) {
            const QString stored = reasons.value(0).toString();
            QVERIFY2(stored.startsWith(QLatin1Char('{')), qPrintable(stored));
            const QString shown = PlanReason::render(stored);
            if (shown.contains(QLatin1String("high needs"))
                && (shown.endsWith(QLatin1String("same province")) || shown.endsWith(QLatin1String(" km away"))))
                ++explained;
        }
        QVERIFY2(explained > 1000, qPrintable(QString::number(explained)));
    }

    void unplacedTeachersHaveTheirReason()
    {
        const QSqlDatabase c = m_national->connection();
        PlanOptions options;
        options.listUnplaced = true;
        auto result = Planner::run(c, options);
        QVERIFY2(result, qPrintable(result.message()));
        auto unplaced = Unplaced::load(c);
        QVERIFY2(unplaced, qPrintable(unplaced.message()));
        QCOMPARE(int(unplaced->size()), result->unplaced);
        // The run's own list (from its instance in memory, for plan --json) is what the database says after it.
        auto reread = Unplaced::reasons(c);
        QVERIFY2(reread, qPrintable(reread.message()));
        QCOMPARE(result->unplacedTeachers.size(), reread->size());
        for (std::size_t i = 0; i < reread->size(); ++i) {
            const UnplacedTeacher &a = result->unplacedTeachers[i], &b = reread.value()[i];
            QCOMPARE(a.teacherId, b.teacherId);
            QCOMPARE(a.fieldCode, b.fieldCode);
            QCOMPARE(int(a.reason), int(b.reason));
            QCOMPARE(a.sessionsInField, b.sessionsInField);
            QCOMPARE(a.sessionsThatFit, b.sessionsThatFit);
        }
        QHash<int, int> byReason;
        const QString freeFittingSessions = QStringLiteral(
            "SELECT count(*) FROM training_session s JOIN partner p ON p.id = s.partner_id JOIN teacher t ON t.id = %1 "
            "WHERE p.active = 1 AND s.field_id = t.field_id AND s.start_date >= ifnull(t.available_from, s.start_date) "
            "AND s.end_date <= ifnull(t.available_to, s.end_date) "
            "AND s.capacity > (SELECT count(*) FROM placement x WHERE x.session_id = s.id AND x.status <> 'cancelled')");
        int checked = 0;
        for (const UnplacedTeacher &u : unplaced.value()) {
            ++byReason[int(u.reason)];
            QVERIFY(!u.name.isEmpty() && !u.fieldCode.isEmpty());
            QVERIFY(!Unplaced::reasonText(u.reason).isEmpty());
            switch (u.reason) {
            case UnplacedTeacher::Reason::NoSession:
                QCOMPARE(u.sessionsInField, 0);
                break;
            case UnplacedTeacher::Reason::DatesUnavailable:
                QVERIFY(u.sessionsInField > 0);
                QCOMPARE(u.sessionsThatFit, 0);
                break;
            case UnplacedTeacher::Reason::LockedElsewhere:
            case UnplacedTeacher::Reason::SessionsFull:
                QVERIFY(u.sessionsThatFit > 0);
                // Not a free place left in a session that fits (else the optimum would have used it).
                if (checked++ < 50)
                    QCOMPARE(scalar(c, freeFittingSessions.arg(u.teacherId)).toInt(), 0);
                break;
            }
        }
        QVERIFY2(byReason.value(int(UnplacedTeacher::Reason::SessionsFull)) > 0, "the national set has full sessions");
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT count(*) FROM teacher t WHERE NOT EXISTS (SELECT 1 FROM placement x WHERE "
                                    "x.teacher_id = t.id AND x.status <> 'cancelled')"))
                     .toInt(),
            int(unplaced->size()));
    }

    // The plan gives its proposals the owner and label the owner trigger gives
    // a row inserted without them (it does not let the trigger run, for
    // speed), and a global id of its own each.
    void storedProposalsCarryTheOwnerTheTriggerGives()
    {
        for (const DatabaseRole &role : { DatabaseRole::national(), DatabaseRole::centre(2) }) {
            auto db = test::newDatabase(newPath());
            QVERIFY(db);
            DemoGenerator::Options o;
            o.teachers = 300;
            o.partners = 60;
            o.minPlaces = 120;
            o.programme = false;
            if (role.isCentre())
                o.role = role; // else the whole data set, the national office's (a national role holds no sessions)
            auto made = DemoGenerator::generate(db->connection(), o);
            QVERIFY2(made, qPrintable(made.message()));
            const QSqlDatabase c = db->connection();
            QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM placement")));
            auto result = Planner::run(c, {});
            QVERIFY2(result, qPrintable(result.message()));
            QVERIFY2(result->placed > 1, qPrintable(QStringLiteral("%1 placed as %2").arg(result->placed).arg(role.code())));
            const QString proposals = QStringLiteral("FROM placement WHERE status = 'proposed'");
            QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) ") + proposals).toInt(), result->placed);
            QCOMPARE(scalar(c, QStringLiteral("SELECT count(DISTINCT uid) ") + proposals).toInt(), result->placed);
            QCOMPARE(scalar(c, QStringLiteral("SELECT count(DISTINCT owner_centre_id IS NULL) ") + proposals).toInt(), 1);
            QCOMPARE(scalar(c, QStringLiteral("SELECT count(DISTINCT modified_by) ") + proposals).toInt(), 1);
            QCOMPARE(scalar(c, QStringLiteral("SELECT min(version) = 1 AND max(version) = 1 ") + proposals).toInt(), 1);
            int valid = 0;
            QVERIFY(Sql::forEachRow(c, QStringLiteral("SELECT uid ") + proposals,
                [&valid](const QSqlQuery &q) { valid += GlobalId::isValid(q.value(0).toString()) ? 1 : 0; }));
            QCOMPARE(valid, result->placed);
            const QVariant owner = scalar(c, QStringLiteral("SELECT owner_centre_id ") + proposals + QStringLiteral(" LIMIT 1"));
            const QString label
                = scalar(c, QStringLiteral("SELECT modified_by ") + proposals + QStringLiteral(" LIMIT 1")).toString();
            QCOMPARE(owner.isNull(), role.isNational());
            if (role.isCentre())
                QCOMPARE(owner.toInt(), role.centreId());
            QCOMPARE(label, role.code());
            // A placement inserted without an owner gets the same from the trigger.
            QVERIFY(Sql::exec(c,
                QStringLiteral(
                    "INSERT INTO placement(teacher_id, session_id, status) SELECT t.id, s.id, 'confirmed' FROM teacher t "
                    "JOIN training_session s ON s.field_id = t.field_id WHERE NOT EXISTS (SELECT 1 FROM placement p "
                    "WHERE p.teacher_id = t.id) LIMIT 1")));
            const QString manual = QStringLiteral("FROM placement WHERE status = 'confirmed' AND locked = 0");
            QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) ") + manual).toInt(), 1);
            QCOMPARE(scalar(c, QStringLiteral("SELECT owner_centre_id ") + manual), owner);
            QCOMPARE(scalar(c, QStringLiteral("SELECT modified_by ") + manual).toString(), label);
        }
    }

    // The sweep that finds each unplaced teacher's reason (Unplaced::classify)
    // counts exactly what the rule of eligibility says, pair by pair, on
    // random instances with open and closed dates, ties and full sessions.
    void unplacedReasonsEqualPairByPairCounting()
    {
        Random random(20261207);
        const auto date = [&random]() { return QDate(2027, 1, 1).addDays(random.below(40)).toString(Qt::ISODate); };
        for (int round = 0; round < 40; ++round) {
            PlanInstance in;
            const int sessions = random.below(30);
            for (int s = 0; s < sessions; ++s) {
                PlanSession session;
                session.id = s + 1;
                session.field = 1 + random.below(3);
                session.start = date();
                session.end = QDate::fromString(session.start, Qt::ISODate).addDays(random.below(10)).toString(Qt::ISODate);
                session.free = random.between(-1, 2);
                in.sessions.push_back(session);
            }
            std::vector<char> placed;
            for (int t = 0; t < 60; ++t) {
                PlanTeacher teacher;
                teacher.id = 1000 + t;
                teacher.field = 1 + random.below(4); // field 4 has no session
                if (random.chance(0.7))
                    teacher.availableFrom = date();
                if (random.chance(0.7))
                    teacher.availableTo = date();
                in.teachers.push_back(teacher);
                placed.push_back(random.chance(0.3) ? 1 : 0);
            }
            const std::vector<UnplacedTeacher> listed = Unplaced::classify(in, placed);
            std::size_t next = 0;
            for (std::size_t t = 0; t < in.teachers.size(); ++t) {
                if (placed[t])
                    continue;
                QVERIFY(next < listed.size());
                const UnplacedTeacher &u = listed[next++];
                QCOMPARE(u.teacherId, in.teachers[t].id);
                int inField = 0, fit = 0, withPlaces = 0;
                for (const PlanSession &s : in.sessions) {
                    inField += s.field == in.teachers[t].field ? 1 : 0;
                    if (PlanInstance::eligible(in.teachers[t], s)) {
                        ++fit;
                        withPlaces += s.free > 0 ? 1 : 0;
                    }
                }
                QCOMPARE(u.sessionsInField, inField);
                QCOMPARE(u.sessionsThatFit, fit);
                const UnplacedTeacher::Reason expected = inField == 0 ? UnplacedTeacher::Reason::NoSession
                    : fit == 0                                        ? UnplacedTeacher::Reason::DatesUnavailable
                    : withPlaces == 0                                 ? UnplacedTeacher::Reason::LockedElsewhere
                                                                      : UnplacedTeacher::Reason::SessionsFull;
                QCOMPARE(int(u.reason), int(expected));
            }
            QCOMPARE(next, listed.size());
        }
    }

    void eachUnplacedReasonOnASmallCase()
    {
        auto db = test::newDatabase(newPath());
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        const int elk = scalar(c, QStringLiteral("SELECT id FROM field WHERE code = 'ELK'")).toInt();
        const int bil = scalar(c, QStringLiteral("SELECT id FROM field WHERE code = 'BIL'")).toInt();
        const int other = scalar(c, QStringLiteral("SELECT min(id) FROM field WHERE code NOT IN ('ELK', 'BIL')")).toInt();
        QVERIFY(elk > 0 && bil > 0 && other > 0);
        const auto exec = [&c](const QString &sql, std::initializer_list<QVariant> values) {
            if (Status s = Sql::exec(c, sql, values); !s)
                qWarning("%s", qPrintable(s.message()));
            return scalar(c, QStringLiteral("SELECT last_insert_rowid()")).toInt();
        };
        const QString teacher = QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id, "
                                               "available_from, available_to) VALUES (?, ?, 'Test', ?, 6, ?, ?)");
        const int datesOut = exec(teacher,
            { QStringLiteral("31234567854"), QStringLiteral("Ayşe"), elk, QStringLiteral("2027-06-01"),
                QStringLiteral("2027-06-30") });
        const int noSession
            = exec(teacher, { QStringLiteral("41234567822"), QStringLiteral("Berk"), other, QVariant(), QVariant() });
        const int lockedIn = exec(teacher, { QStringLiteral("51234567890"), QStringLiteral("Cem"), bil, QVariant(), QVariant() });
        const int lockedOut
            = exec(teacher, { QStringLiteral("61234567868"), QStringLiteral("Deniz"), bil, QVariant(), QVariant() });
        const int fullA = exec(teacher, { QStringLiteral("71234567836"), QStringLiteral("Ece"), elk, QVariant(), QVariant() });
        const int fullB = exec(teacher, { QStringLiteral("81234567804"), QStringLiteral("Filiz"), elk, QVariant(), QVariant() });
        const int partner = exec(QStringLiteral("INSERT INTO partner(name, province_id) VALUES (?, 6)"), { QStringLiteral("A") });
        const QString session = QStringLiteral("INSERT INTO training_session(partner_id, field_id, start_date, end_date, hours, "
                                               "capacity) VALUES (?, ?, '2027-07-05', '2027-07-16', 80, 1)");
        exec(session, { partner, elk });
        const int bilSession = exec(session, { partner, bil });
        exec(QStringLiteral("INSERT INTO placement(teacher_id, session_id, status, locked) VALUES (?, ?, 'confirmed', 1)"),
            { lockedIn, bilSession });
        PlanOptions options;
        options.listUnplaced = true;
        auto result = Planner::run(c, options);
        QVERIFY2(result, qPrintable(result.message()));
        QCOMPARE(result->placed, 1); // one of Ece and Filiz
        auto unplaced = Unplaced::load(c);
        QVERIFY2(unplaced, qPrintable(unplaced.message()));
        QHash<int, UnplacedTeacher::Reason> reasons;
        for (const UnplacedTeacher &u : unplaced.value())
            reasons.insert(u.teacherId, u.reason);
        QCOMPARE(reasons.size(), 4);
        QCOMPARE(int(result->unplacedTeachers.size()), 4);
        for (const UnplacedTeacher &u : result->unplacedTeachers)
            QCOMPARE(int(u.reason), int(reasons.value(u.teacherId)));
        QCOMPARE(reasons.value(datesOut), UnplacedTeacher::Reason::DatesUnavailable);
        QCOMPARE(reasons.value(noSession), UnplacedTeacher::Reason::NoSession);
        QCOMPARE(reasons.value(lockedOut), UnplacedTeacher::Reason::LockedElsewhere);
        QVERIFY(!reasons.contains(lockedIn));
        QCOMPARE(reasons.contains(fullA) ? reasons.value(fullA) : reasons.value(fullB), UnplacedTeacher::Reason::SessionsFull);
        QVERIFY(reasons.contains(fullA) != reasons.contains(fullB));
        // A scope narrows the list.
        auto bilOnly = Unplaced::load(c, PlanScope { bil, 0, 0 });
        QVERIFY(bilOnly);
        QCOMPARE(int(bilOnly->size()), 1);
        QCOMPARE(bilOnly->front().teacherId, lockedOut);
        QCOMPARE(Unplaced::reasonKey(bilOnly->front().reason), QStringLiteral("locked-elsewhere"));

        // The list model of the plan page.
        UnplacedModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.load(c));
        QCOMPARE(model.rowCount(), 4);
        for (int r = 0; r < model.rowCount(); ++r) {
            const int id = model.index(r, 0).data(TeacherIdRole).toInt();
            QCOMPARE(model.index(r, UnplacedModel::Reason).data().toString(), Unplaced::reasonText(reasons.value(id)));
            QCOMPARE(model.index(r, 0).data(UnplacedModel::ReasonRole).toInt(), int(reasons.value(id)));
        }
        QVERIFY(model.load(c, PlanScope { bil, 0, 0 }));
        QCOMPARE(model.rowCount(), 1);
    }

    void lockedAndConfirmedSurviveReplanning()
    {
        const QSqlDatabase c = m_national->connection();
        if (scalar(c, QStringLiteral("SELECT count(*) FROM placement")).toInt() == 0)
            QVERIFY(Planner::run(c, {}));
        // Lock 50, confirm 50, and move one locked teacher by hand to a session the optimiser would not choose.
        QVERIFY(Sql::exec(
            c, QStringLiteral("UPDATE placement SET locked = 1 WHERE id IN (SELECT id FROM placement ORDER BY id LIMIT 50)")));
        QVERIFY(Sql::exec(c,
            QStringLiteral("UPDATE placement SET status = 'confirmed' WHERE id IN (SELECT id FROM placement WHERE locked = 0 "
                           "ORDER BY id DESC LIMIT 50)")));
        QVERIFY(Sql::exec(c,
            QStringLiteral("UPDATE placement SET session_id = (SELECT s.id FROM training_session s JOIN teacher t ON t.field_id "
                           "= s.field_id "
                           "WHERE t.id = placement.teacher_id ORDER BY s.id DESC LIMIT 1), reason = 'by hand' "
                           "WHERE id = (SELECT min(id) FROM placement WHERE locked = 1)")));
        const auto snapshot = [&c] {
            QStringList rows;
            QSqlQuery q(c);
            q.exec(QStringLiteral("SELECT id, teacher_id, session_id, status, locked, score, reason, plan_run_id FROM placement "
                                  "WHERE locked = 1 OR status = 'confirmed' ORDER BY id"));
            while (q.next()) {
                QStringList cols;
                for (int i = 0; i < 8; ++i)
                    cols << q.value(i).toString();
                rows << cols.join(QLatin1Char('|'));
            }
            return rows;
        };
        const QStringList before = snapshot();
        QCOMPARE(before.size(), 100);
        auto result = Planner::run(c, {});
        QVERIFY2(result, qPrintable(result.message()));
        QCOMPARE(snapshot(), before);
        QCOMPARE(result->kept, 100);
        // The kept teachers were not planned a second time, capacity still holds.
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT count(*) FROM (SELECT teacher_id FROM placement WHERE status <> 'cancelled' "
                                    "GROUP BY teacher_id HAVING count(*) > 1)"))
                     .toInt(),
            0);
        // (The session the teacher was moved into by hand may be over capacity, but only through kept placements.)
        QCOMPARE(
            scalar(c,
                QStringLiteral("SELECT count(*) FROM training_session s WHERE s.capacity < (SELECT count(*) FROM placement x "
                               "WHERE x.session_id = s.id AND x.status <> 'cancelled') AND EXISTS (SELECT 1 FROM placement x "
                               "WHERE x.session_id = s.id AND x.status = 'proposed' AND x.locked = 0)"))
                .toInt(),
            0);
        QCOMPARE(
            scalar(c,
                QStringLiteral("SELECT count(*) FROM placement WHERE locked = 0 AND status = 'proposed' AND plan_run_id <> %1")
                    .arg(result->planRunId))
                .toInt(),
            0);
    }

    // Re-planning rewrites only the proposals that change (issue #16): one
    // proposed again unchanged and without a plan decision keeps its row
    // (id, uid, version: nothing travels in the exchange), the others are
    // deleted (a tombstone each) and inserted anew; either way the scope's
    // proposals afterwards are exactly the run's assignments.
    void replanningRewritesOnlyChangedProposals()
    {
        const QSqlDatabase c = m_national->connection();
        QVERIFY(Planner::run(c, {}));
        struct Row
        {
            qint64 id, version;
            QString uid;
            int sessionId;
            double score;
            QString reason;
        };
        const auto proposals = [&c] {
            std::map<int, Row> rows; // by teacher
            QSqlQuery q(c);
            q.exec(QStringLiteral("SELECT teacher_id, id, version, uid, session_id, score, reason FROM placement "
                                  "WHERE status = 'proposed' AND locked = 0"));
            while (q.next())
                rows[q.value(0).toInt()] = { q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString(),
                    q.value(4).toInt(), q.value(5).toDouble(), q.value(6).toString() };
            return rows;
        };
        const std::map<int, Row> before = proposals();
        QVERIFY(before.size() > 1000);
        // A decision on one proposal; a teacher made unavailable for the session of another.
        const int decidedTeacher = before.begin()->first;
        QVERIFY(Sql::exec(c, QStringLiteral("INSERT INTO plan_decision(placement_id, decision) VALUES (?, 'rejected')"),
            { before.begin()->second.id }));
        const int movedTeacher = std::next(before.begin(), 7)->first;
        QVERIFY(Sql::exec(c,
            QStringLiteral("UPDATE teacher SET available_to = date((SELECT start_date FROM training_session WHERE id = ?), "
                           "'-1 day') WHERE id = ?"),
            { std::next(before.begin(), 7)->second.sessionId, movedTeacher }));
        const int tombstones = scalar(c, QStringLiteral("SELECT count(*) FROM tombstone WHERE table_name = 'placement'")).toInt();

        auto result = Planner::run(c, {});
        QVERIFY2(result, qPrintable(result.message()));
        const std::map<int, Row> after = proposals();
        QCOMPARE(int(after.size()), result->placed);
        int kept = 0;
        for (const PlanAssignment &a : result->assignments) {
            const auto now = after.find(a.teacherId);
            QVERIFY(now != after.end());
            QCOMPARE(now->second.sessionId, a.sessionId);
            QCOMPARE(now->second.score, PlanReason::score(a.coveredNeed, a.km));
            const auto was = before.find(a.teacherId);
            const bool same = was != before.end() && a.teacherId != decidedTeacher && was->second.sessionId == a.sessionId
                && was->second.score == now->second.score && was->second.reason == now->second.reason;
            if (same) {
                ++kept;
                QCOMPARE(now->second.id, was->second.id);
                QCOMPARE(now->second.uid, was->second.uid);
                QCOMPARE(now->second.version, was->second.version);
            } else if (was != before.end()) {
                QVERIFY(now->second.uid != was->second.uid);
            }
        }
        QVERIFY(kept > int(before.size()) / 2);
        QVERIFY(after.count(movedTeacher) == 0 || after.at(movedTeacher).sessionId != before.at(movedTeacher).sessionId);
        QVERIFY(after.at(decidedTeacher).uid != before.at(decidedTeacher).uid);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM plan_decision")).toInt(), 0);
        // Every proposal not kept left a tombstone; all carry this run's id.
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM tombstone WHERE table_name = 'placement'")).toInt(),
            tombstones + int(before.size()) - kept);
        QCOMPARE(
            scalar(c,
                QStringLiteral("SELECT count(*) FROM placement WHERE status = 'proposed' AND locked = 0 AND plan_run_id <> %1")
                    .arg(result->planRunId))
                .toInt(),
            0);
    }

    void scopedRunTouchesOnlyItsField()
    {
        const QSqlDatabase c = m_national->connection();
        const int otherBefore = scalar(
            c, QStringLiteral("SELECT count(*) FROM placement x JOIN teacher t ON t.id = x.teacher_id WHERE t.field_id <> 3"))
                                    .toInt();
        PlanOptions options;
        options.scope.fieldId = 3;
        auto result = Planner::run(c, options);
        QVERIFY2(result, qPrintable(result.message()));
        QVERIFY(result->placed > 0);
        QCOMPARE(
            scalar(
                c, QStringLiteral("SELECT count(*) FROM placement x JOIN teacher t ON t.id = x.teacher_id WHERE t.field_id <> 3"))
                .toInt(),
            otherBefore);
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT count(*) FROM placement WHERE plan_run_id = %1 AND teacher_id NOT IN (SELECT id FROM "
                                    "teacher WHERE field_id = 3)")
                         .arg(result->planRunId))
                     .toInt(),
            0);
    }

    void provinceAndCentreScopes_data()
    {
        QTest::addColumn<int>("centre");
        QTest::addColumn<int>("province");
        QTest::newRow("province 34") << 0 << 34;
        QTest::newRow("centre 2") << 2 << 0;
    }
    void provinceAndCentreScopes()
    {
        QFETCH(int, centre);
        QFETCH(int, province);
        const QSqlDatabase c = m_national->connection();
        const QString inScope = QStringLiteral(
            "SELECT id FROM teacher WHERE field_id = 1 AND (%1 = 0 OR centre_id = %1) AND (%2 = 0 OR province_id = %2)")
                                    .arg(centre)
                                    .arg(province);
        const QString outside = scalar(c,
            QStringLiteral("SELECT group_concat(id || ':' || teacher_id || ':' || session_id) FROM placement "
                           "WHERE teacher_id NOT IN (%1)")
                .arg(inScope))
                                    .toString();
        PlanOptions options;
        options.scope = { 1, centre, province };
        auto result = Planner::run(c, options);
        QVERIFY2(result, qPrintable(result.message()));
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT group_concat(id || ':' || teacher_id || ':' || session_id) FROM placement "
                                    "WHERE teacher_id NOT IN (%1)")
                         .arg(inScope))
                     .toString(),
            outside);
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT count(*) FROM placement WHERE plan_run_id = %1 AND teacher_id NOT IN (%2)")
                         .arg(result->planRunId)
                         .arg(inScope))
                     .toInt(),
            0);
        QCOMPARE(result->placed + result->unplaced + result->kept,
            scalar(c, QStringLiteral("SELECT count(*) FROM (%1)").arg(inScope)).toInt());
        QCOMPARE(
            scalar(c,
                QStringLiteral("SELECT count(*) FROM training_session s WHERE s.capacity < (SELECT count(*) FROM placement x "
                               "WHERE x.session_id = s.id AND x.status <> 'cancelled') AND EXISTS (SELECT 1 FROM placement x "
                               "WHERE x.session_id = s.id AND x.plan_run_id = %1)")
                    .arg(result->planRunId))
                .toInt(),
            0);
    }

    void cancelledRunChangesNothing()
    {
        const QSqlDatabase c = m_national->connection();
        const QString before
            = scalar(c, QStringLiteral("SELECT group_concat(id || ':' || session_id) FROM placement")).toString();
        const int runs = scalar(c, QStringLiteral("SELECT count(*) FROM plan_run")).toInt();
        std::atomic_bool cancel { true };
        auto result = Planner::run(c, {}, {}, &cancel);
        QVERIFY(!result);
        QVERIFY(result.message().contains(QStringLiteral("cancelled")));
        QCOMPARE(scalar(c, QStringLiteral("SELECT group_concat(id || ':' || session_id) FROM placement")).toString(), before);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM plan_run")).toInt(), runs);
    }

    // On a file the run stores each field's placements while the next are
    // solved (PlanStore::Writer): a cancel or a storing error in the middle
    // of that leaves nothing behind either.
    void cancelWhileStoringChangesNothing()
    {
        const QSqlDatabase c = m_national->connection();
        const QString placements
            = QStringLiteral("SELECT group_concat(id || ':' || session_id || ':' || plan_run_id) FROM placement");
        const QString before = scalar(c, placements).toString();
        const int runs = scalar(c, QStringLiteral("SELECT count(*) FROM plan_run")).toInt();
        std::atomic_bool cancel { false };
        // Cancelled once the instance is loaded: the solve has begun, nothing stored yet.
        auto result = Planner::run(
            c, {},
            [&](int percent) {
                if (percent == 40)
                    cancel = true;
            },
            &cancel);
        QVERIFY(cancel);
        QVERIFY(!result);
        QVERIFY2(result.message().contains(QStringLiteral("cancelled")), qPrintable(result.message()));
        QCOMPARE(scalar(c, placements).toString(), before);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM plan_run")).toInt(), runs);
    }

    // The progress moves on with each field solved (and stored), not only
    // at the stages: at 100,000 teachers solving and storing take seconds.
    void progressMovesWithTheFields()
    {
        const QSqlDatabase c = m_national->connection();
        std::vector<int> seen;
        auto result = Planner::run(c, {}, [&seen](int percent) { seen.push_back(percent); });
        QVERIFY2(result, qPrintable(result.message()));
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        // The solve's end (80 %) is said once: by the last field, not again after it.
        QCOMPARE(std::count(seen.begin(), seen.end(), 80), 1);
        QCOMPARE(seen.front(), 0);
        QCOMPARE(seen.back(), 100);
        const int fields = scalar(c, QStringLiteral("SELECT count(DISTINCT field_id) FROM teacher")).toInt();
        QVERIFY(fields > 3);
        const auto between = std::count_if(seen.begin(), seen.end(), [](int p) { return p > 40 && p < 80; });
        QVERIFY2(between >= fields / 2, qPrintable(QStringLiteral("%1 steps between 40 and 80").arg(between)));
    }

    void storingErrorWhileSolvingChangesNothing()
    {
        const QSqlDatabase c = m_national->connection();
        PlanOptions solveOnly;
        solveOnly.store = false;
        auto planned = Planner::run(c, solveOnly);
        QVERIFY2(planned, qPrintable(planned.message()));
        // No proposal stands (each new one is inserted); the last placement
        // of the last field refused: every field before it is stored first.
        QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM placement WHERE status = 'proposed' AND locked = 0")));
        const PlanAssignment last = planned->assignments.back();
        const QString fieldOf = QStringLiteral("SELECT field_id FROM teacher WHERE id = %1");
        QVERIFY(scalar(c, fieldOf.arg(last.teacherId)) != scalar(c, fieldOf.arg(planned->assignments.front().teacherId)));
        QVERIFY(Sql::exec(c,
            QStringLiteral("CREATE TRIGGER refuse_one BEFORE INSERT ON placement WHEN NEW.teacher_id = %1 "
                           "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
                .arg(last.teacherId)));
        const QString placements
            = QStringLiteral("SELECT group_concat(id || ':' || session_id || ':' || plan_run_id) FROM placement");
        const QString before = scalar(c, placements).toString();
        const int runs = scalar(c, QStringLiteral("SELECT count(*) FROM plan_run")).toInt();
        auto result = Planner::run(c, {});
        QVERIFY(Sql::exec(c, QStringLiteral("DROP TRIGGER refuse_one")));
        QVERIFY(!result);
        QVERIFY2(result.message().contains(QStringLiteral("refused by the test")), qPrintable(result.message()));
        QCOMPARE(result.error().file, Sql::fileOf(c));
        QCOMPARE(scalar(c, placements).toString(), before);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM plan_run")).toInt(), runs);
        // And the same run without the refusal stores the plan solved before.
        auto stored = Planner::run(c, {});
        QVERIFY2(stored, qPrintable(stored.message()));
        QCOMPARE(stored->objective, planned->objective);
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT count(*) FROM placement WHERE plan_run_id = %1").arg(stored->planRunId)).toInt(),
            stored->placed);
    }

    // kopru-cli waits in beforeCommit for its backup: called once, with the
    // plan stored in the open transaction, which nobody else sees (a backup
    // made meanwhile on its own connection holds the state before); when it
    // fails the transaction is rolled back and its error is the run's.
    void failingBeforeCommitChangesNothing()
    {
        const QSqlDatabase c = m_national->connection();
        const QString placements = QStringLiteral("SELECT group_concat(id || ':' || session_id) FROM placement");
        const QString before = scalar(c, placements).toString();
        const int runs = scalar(c, QStringLiteral("SELECT count(*) FROM plan_run")).toInt();
        PlanOptions options;
        int calls = 0;
        const QString planRuns = QStringLiteral("SELECT count(*) FROM plan_run");
        int runsInside = -1, runsOutside = -1;
        QString seenOutside;
        options.beforeCommit = [&]() -> Status {
            ++calls;
            runsInside = scalar(c, planRuns).toInt();
            auto other = Connection::open(Sql::fileOf(c), Connection::Access::ReadOnly);
            if (other) {
                seenOutside = scalar(other.value()->db(), placements).toString();
                runsOutside = scalar(other.value()->db(), planRuns).toInt();
            }
            return Error { QStringLiteral("the backup was not made: disk full"), {}, 0, 0 };
        };
        auto result = Planner::run(c, options);
        QVERIFY(!result);
        QCOMPARE(calls, 1);
        QVERIFY(result.message().contains(QStringLiteral("disk full")));
        QCOMPARE(runsInside, runs + 1); // the plan was stored in the transaction ...
        QCOMPARE(runsOutside, runs); // ... and another connection saw the state before
        QCOMPARE(seenOutside, before);
        QCOMPARE(scalar(c, QStringLiteral("SELECT group_concat(id || ':' || session_id) FROM placement")).toString(), before);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM plan_run")).toInt(), runs);

        // A hook that succeeds: called once, and the plan is stored.
        options.beforeCommit = [&calls]() -> Status {
            ++calls;
            return {};
        };
        auto stored = Planner::run(c, options);
        QVERIFY2(stored, qPrintable(stored.message()));
        QCOMPARE(calls, 2);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM plan_run")).toInt(), runs + 1);
        // Solving only (store = false) writes nothing and needs no hook.
        options.store = false;
        QVERIFY(Planner::run(c, options));
        QCOMPARE(calls, 2);
    }

    void dimacsGivesTheSameOptimumInGlpsol()
    {
        const QString glpsol = glpsolPath();
        if (glpsol.isEmpty())
            QSKIP("glpsol (GLPK, Debian package glpk-utils) is not installed: the DIMACS check against an external solver is "
                  "skipped");
        auto db = test::newDatabase(newPath());
        QVERIFY(db);
        DemoGenerator::Options demo;
        demo.teachers = 300;
        demo.partners = 60;
        demo.minPlaces = 150;
        demo.seed = 7;
        QVERIFY(DemoGenerator::generate(db->connection(), demo));
        // Lock a few so that the instance is a re-planning one.
        QVERIFY(Planner::run(db->connection(), {}));
        QVERIFY(Sql::exec(db->connection(), QStringLiteral("UPDATE placement SET locked = 1 WHERE id % 7 = 0")));
        PlanOptions options;
        options.dimacsPath = m_dir.filePath(QStringLiteral("plan.dimacs"));
        options.store = false;
        auto result = Planner::run(db->connection(), options);
        QVERIFY2(result, qPrintable(result.message()));

        // GLPK's ordinary simplex and, as the arbiter, its rational-arithmetic one.
        for (const QStringList &extra : { QStringList {}, QStringList { QStringLiteral("--exact") } }) {
            const QString out = m_dir.filePath(QStringLiteral("glpsol.sol"));
            QFile::remove(out);
            QProcess p;
            p.start(glpsol, QStringList { QStringLiteral("--mincost"), options.dimacsPath, QStringLiteral("-w"), out } + extra);
            QVERIFY(p.waitForFinished(300000));
            QCOMPARE(p.exitCode(), 0);
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QString solution = QString::fromUtf8(f.readAll());
            // "s bas ROWS COLS PRIMAL DUAL OBJECTIVE"
            const QRegularExpressionMatch m
                = QRegularExpression(QStringLiteral("^s bas \\d+ \\d+ f f (\\S+)$"), QRegularExpression::MultilineOption)
                      .match(solution);
            QVERIFY2(m.hasMatch(), qPrintable(solution.left(400)));
            bool ok = false;
            const double glpk = m.captured(1).toDouble(&ok);
            QVERIFY(ok);
            QCOMPARE(qint64(std::llround(glpk)), qint64(result->objective));
        }
    }
};

QTEST_GUILESS_MAIN(TestPlanner)
#include "tst_planner.moc"
