// SPDX-License-Identifier: GPL-3.0-or-later
// The programme's quality indicators (docs/quality.md): every figure against
// counts made here by loops over the raw rows (SELECT * of each table), on a
// small hand-built database whose answers are also written down by hand, and
// on a demo database; kopru-cli quality's text and JSON.
#include "models/quality/needchange.h"
#include "models/quality/programmefacts.h"
#include "models/quality/qualityformat.h"
#include "models/quality/qualityindicators.h"
#include "models/safety/purge.h"
#include "tests/common/testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlRecord>
#include <cmath>
#include <functional>
#include <map>
#include <set>

using namespace kopru;
using namespace kopru::quality;

namespace {

using Row = QSqlRecord;

std::vector<Row> rowsOf(QSqlDatabase db, const QString &table)
{
    std::vector<Row> rows;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT * FROM ") + table))
        qWarning("%s", qPrintable(q.lastError().text()));
    while (q.next())
        rows.push_back(q.record());
    return rows;
}

int integer(const Row &r, const char *column)
{
    return r.value(QLatin1String(column)).toInt();
}

bool isNull(const Row &r, const char *column)
{
    return r.value(QLatin1String(column)).isNull();
}

QString text(const Row &r, const char *column)
{
    return r.value(QLatin1String(column)).toString();
}

// The expected figures of one group, counted by loops over raw rows.
struct Expected
{
    int surveyed = 0, placed = 0, completed = 0, cancelled = 0;
    double planned = 0, delivered = 0;
    std::map<QString, int> reasons;
    int trainingRespondents = 0, trainingAnswers = 0, teacherRespondents = 0, teacherAnswers = 0;
    double trainingSum = 0, teacherSum = 0;
    int partnersActive = 0, partnersRepeat = 0, highNeeds = 0, covered = 0;
    int pairs = 0;
    double meanDifference = std::nan("");
    std::map<QString, double> competencyDifference; // paired competencies only
};

// The raw rows of a database and the counting, independent of the library.
class Reference
{
public:
    explicit Reference(QSqlDatabase db)
        : teachers(rowsOf(db, QStringLiteral("teacher")))
        , ratings(rowsOf(db, QStringLiteral("need_rating")))
        , placements(rowsOf(db, QStringLiteral("placement")))
        , sessions(rowsOf(db, QStringLiteral("training_session")))
        , sessionCompetencies(rowsOf(db, QStringLiteral("session_competency")))
        , attendance(rowsOf(db, QStringLiteral("attendance")))
        , answers(rowsOf(db, QStringLiteral("evaluation_answer")))
        , items(rowsOf(db, QStringLiteral("evaluation_item")))
        , competencies(rowsOf(db, QStringLiteral("competency")))
        , erasedTeachers(rowsOf(db, QStringLiteral("erased_teacher")))
        , erasedPlacements(rowsOf(db, QStringLiteral("erased_placement")))
    {
        for (const Row &r : ratings)
            m_ratingsOf[integer(r, "teacher_id")].push_back(&r);
    }

    // `groupOf(centre, field, province)` names a teacher's group; the figures of
    // `group`; with a period, of the placements whose session starts in it and
    // the needs of the teachers placed in it (erased placements have no date).
    Expected figures(const std::function<QString(int, int, int)> &groupOf, const QString &group,
        const std::optional<Period> &period = std::nullopt) const
    {
        Expected e;
        for (const QString &k : dropoutReasonKeys())
            e.reasons[k] = 0;
        std::map<int, std::set<int>> partnerSessions;
        std::map<QString, std::vector<double>> differences;
        std::vector<double> teacherDifferences;
        for (const Row &t : teachers) {
            if (groupOf(integer(t, "centre_id"), integer(t, "field_id"), integer(t, "province_id")) != group)
                continue;
            const int id = integer(t, "id");
            bool surveyed = false, placed = false;
            double sum[2] = { 0, 0 };
            int count[2] = { 0, 0 };
            std::map<int, double> before, after;
            for (const Row *rating : ratingsOf(id)) {
                const Row &r = *rating;
                const int round = integer(r, "round");
                surveyed = surveyed || round == 1;
                if (isNull(r, "need") || round > 2)
                    continue;
                sum[round - 1] += integer(r, "need");
                ++count[round - 1];
                (round == 1 ? before : after)[integer(r, "competency_id")] = integer(r, "need");
            }
            std::vector<const Row *> own;
            for (const Row &p : placements)
                if (integer(p, "teacher_id") == id && (!period || period->contains(sessionStart(p))))
                    own.push_back(&p);
            for (const Row *p : own) {
                const QString status = text(*p, "status");
                placed = placed || status != QLatin1String("proposed");
                countPlacement(e, *p, partnerSessions);
            }
            if (surveyed) {
                ++e.surveyed;
                e.placed += placed ? 1 : 0;
            }
            if (period && !placed)
                continue;
            for (const auto &[competency, need] : before) {
                if (need < 4)
                    continue;
                ++e.highNeeds;
                bool covered = false;
                for (const Row *p : own)
                    for (const Row &sc : sessionCompetencies)
                        covered = covered
                            || (text(*p, "status") != QLatin1String("cancelled")
                                && integer(sc, "session_id") == integer(*p, "session_id")
                                && integer(sc, "competency_id") == competency);
                e.covered += covered ? 1 : 0;
            }
            for (const auto &[competency, need] : after)
                if (before.count(competency))
                    differences[codeOf(competency)].push_back(need - before.at(competency));
            if (count[0] > 0 && count[1] > 0)
                teacherDifferences.push_back(sum[1] / count[1] - sum[0] / count[0]);
        }
        for (const Row &et : erasedTeachers) {
            if (groupOf(integer(et, "centre_id"), integer(et, "field_id"), integer(et, "province_id")) != group)
                continue;
            bool placed = false;
            for (const Row &ep : erasedPlacements) {
                if (integer(ep, "erased_teacher_id") != integer(et, "id") || period)
                    continue;
                const QString status = text(ep, "status");
                placed = placed || status != QLatin1String("proposed");
                if (status == QLatin1String("completed") || status == QLatin1String("cancelled")) {
                    e.planned += ep.value(QStringLiteral("hours_planned")).toDouble();
                    e.delivered += ep.value(QStringLiteral("hours_attended")).toDouble();
                }
                e.completed += status == QLatin1String("completed") ? 1 : 0;
                if (status == QLatin1String("cancelled")) {
                    ++e.cancelled;
                    ++e.reasons[isNull(ep, "cancel_reason") ? QStringLiteral("not_recorded") : text(ep, "cancel_reason")];
                }
                e.trainingAnswers += integer(ep, "training_answers");
                e.trainingSum += integer(ep, "training_sum");
                e.trainingRespondents += integer(ep, "training_answers") > 0 ? 1 : 0;
                e.teacherAnswers += integer(ep, "teacher_answers");
                e.teacherSum += integer(ep, "teacher_sum");
                e.teacherRespondents += integer(ep, "teacher_answers") > 0 ? 1 : 0;
            }
            if (integer(et, "surveyed") == 1) {
                ++e.surveyed;
                e.placed += placed ? 1 : 0;
            }
        }
        e.partnersActive = int(partnerSessions.size());
        for (const auto &[partner, s] : partnerSessions)
            e.partnersRepeat += s.size() >= 2 ? 1 : 0;
        e.pairs = int(teacherDifferences.size());
        if (e.pairs >= 2) {
            double total = 0;
            for (double d : teacherDifferences)
                total += d;
            e.meanDifference = total / e.pairs;
        }
        for (const auto &[code, d] : differences) {
            if (d.size() < 2)
                continue;
            double total = 0;
            for (double x : d)
                total += x;
            e.competencyDifference[code] = total / double(d.size());
        }
        return e;
    }

private:
    void countPlacement(Expected &e, const Row &p, std::map<int, std::set<int>> &partnerSessions) const
    {
        const QString status = text(p, "status");
        const int id = integer(p, "id");
        const Row *session = nullptr;
        for (const Row &s : sessions)
            if (integer(s, "id") == integer(p, "session_id"))
                session = &s;
        if (status == QLatin1String("completed") || status == QLatin1String("cancelled")) {
            e.planned += session->value(QStringLiteral("hours")).toDouble();
            for (const Row &a : attendance)
                if (integer(a, "placement_id") == id)
                    e.delivered += a.value(QStringLiteral("hours")).toDouble();
        }
        if (status == QLatin1String("completed")) {
            ++e.completed;
            partnerSessions[integer(*session, "partner_id")].insert(integer(*session, "id"));
        }
        if (status == QLatin1String("cancelled")) {
            ++e.cancelled;
            ++e.reasons[isNull(p, "cancel_reason") ? QStringLiteral("not_recorded") : text(p, "cancel_reason")];
        }
        bool training = false, teacher = false;
        for (const Row &a : answers) {
            if (integer(a, "placement_id") != id)
                continue;
            QString kind;
            for (const Row &i : items)
                if (integer(i, "id") == integer(a, "item_id"))
                    kind = text(i, "kind");
            const bool isTraining = kind == QLatin1String("training");
            (isTraining ? training : teacher) = true;
            if (isNull(a, "score"))
                continue;
            (isTraining ? e.trainingAnswers : e.teacherAnswers) += 1;
            (isTraining ? e.trainingSum : e.teacherSum) += integer(a, "score");
        }
        e.trainingRespondents += training ? 1 : 0;
        e.teacherRespondents += teacher ? 1 : 0;
    }

    QDate sessionStart(const Row &placement) const
    {
        for (const Row &s : sessions)
            if (integer(s, "id") == integer(placement, "session_id"))
                return QDate::fromString(text(s, "start_date"), Qt::ISODate);
        return {};
    }

    std::vector<const Row *> ratingsOf(int teacher) const
    {
        const auto found = m_ratingsOf.find(teacher);
        return found == m_ratingsOf.end() ? std::vector<const Row *>() : found->second;
    }

    QString codeOf(int competency) const
    {
        for (const Row &c : competencies)
            if (integer(c, "id") == competency)
                return text(c, "code");
        return {};
    }

    std::vector<Row> teachers, ratings, placements, sessions, sessionCompetencies, attendance, answers, items, competencies,
        erasedTeachers, erasedPlacements;
    std::map<int, std::vector<const Row *>> m_ratingsOf; // the rows of `ratings` per teacher
};

bool near(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) < 1e-9;
}

// Every figure of `g` against the reference counts `e`.
void compareFigures(const GroupFigures &g, const Expected &e)
{
    const QByteArray key = g.key.toUtf8();
    const char *where = key.constData();
    QVERIFY2(g.surveyed == e.surveyed, where);
    QVERIFY2(g.placed == e.placed, where);
    QVERIFY2(g.completed == e.completed, where);
    QVERIFY2(g.cancelled == e.cancelled, where);
    QVERIFY2(near(g.hoursPlanned, e.planned), where);
    QVERIFY2(near(g.hoursDelivered, e.delivered), where);
    QVERIFY2(g.dropoutReasons == e.reasons, where);
    QVERIFY2(g.training.respondents == e.trainingRespondents, where);
    QVERIFY2(g.training.answers == e.trainingAnswers, where);
    QVERIFY2(near(g.training.sum, e.trainingSum), where);
    QVERIFY2(g.teacher.respondents == e.teacherRespondents, where);
    QVERIFY2(g.teacher.answers == e.teacherAnswers, where);
    QVERIFY2(near(g.teacher.sum, e.teacherSum), where);
    QVERIFY2(g.partnersActive == e.partnersActive, where);
    QVERIFY2(g.partnersRepeat == e.partnersRepeat, where);
    QVERIFY2(g.highNeeds == e.highNeeds, where);
    QVERIFY2(g.highNeedsCovered == e.covered, where);
    if (e.pairs >= 2) {
        QVERIFY2(g.needChange.paired, where);
        QVERIFY2(g.needChange.n == e.pairs, where);
        QVERIFY2(near(g.needChange.change, e.meanDifference), where);
        QVERIFY2(g.needChange.ciLow <= g.needChange.change && g.needChange.change <= g.needChange.ciHigh, where);
    }
    for (const auto &[code, difference] : e.competencyDifference) {
        bool found = false;
        for (const CompetencyChange &c : g.competencyChanges)
            if (c.code == code) {
                found = true;
                QVERIFY2(c.change.paired, qPrintable(g.key + QLatin1Char(' ') + code));
                QVERIFY2(near(c.change.change, difference), qPrintable(g.key + QLatin1Char(' ') + code));
            }
        QVERIFY2(found, qPrintable(g.key + QLatin1Char(' ') + code));
    }
}

// Every grouping of the database (of a period) against the reference.
void compareAll(QSqlDatabase db, const std::optional<Period> &period = std::nullopt)
{
    const Reference reference(db);
    for (Grouping grouping : { Grouping::Total, Grouping::Centre, Grouping::Field, Grouping::Province }) {
        auto computed = computeQualityIndicators(db, grouping, period);
        QVERIFY2(computed, qPrintable(computed.message()));
        compareFigures(
            computed->total, reference.figures([](int, int, int) { return QStringLiteral("total"); }, "total", period));
        if (QTest::currentTestFailed())
            return;
        QHash<int, QString> fieldCodes;
        for (const Row &f : rowsOf(db, QStringLiteral("field")))
            fieldCodes.insert(integer(f, "id"), text(f, "code"));
        const auto groupOf = [&](int centre, int field, int province) {
            switch (grouping) {
            case Grouping::Centre:
                return centre == 0 ? QStringLiteral("none") : QString::number(centre);
            case Grouping::Field:
                return fieldCodes.value(field);
            case Grouping::Province:
                return QString::number(province);
            case Grouping::Total:
                break;
            }
            return QString();
        };
        int teachersInGroups = 0;
        for (const GroupFigures &g : computed->groups) {
            compareFigures(g, reference.figures(groupOf, g.key, period));
            if (QTest::currentTestFailed())
                return;
            teachersInGroups += g.surveyed;
        }
        if (grouping != Grouping::Total)
            QCOMPARE(teachersInGroups, computed->total.surveyed);
    }
}

} // namespace

class TestQuality : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString newPath() { return m_dir.filePath(QStringLiteral("db%1.kopru").arg(++m_n)); }

    // Eight teachers of field 1 (docs: the figures are worked out in handBuiltFigures).
    static void fillHandBuilt(QSqlDatabase c)
    {
        const char *statements[] = {
            "INSERT INTO teacher(id, national_id, first_name, last_name, field_id, province_id, centre_id) VALUES "
            "(1, '10000000001', 'Ayşe', 'Işık', 1, 6, 1), (2, '10000000002', 'Ali', 'Kaya', 1, 6, 1), "
            "(3, '10000000003', 'Elif', 'Şahin', 1, 34, 2), (4, '10000000004', 'Can', 'Öz', 1, 34, 2), "
            "(5, '10000000005', 'Deniz', 'Ak', 1, 6, NULL), (6, '10000000006', 'Ece', 'Gül', 1, 6, 1), "
            "(7, '10000000007', 'Fatih', 'Çelik', 1, 6, 1), (8, '10000000008', 'Gökhan', 'Ün', 1, 34, 2)",
            "INSERT INTO competency(id, field_id, code, title_tr) VALUES (1, 1, 'C1', 'PLC'), (2, 1, 'C2', 'SCADA')",
            "INSERT INTO need_rating(teacher_id, competency_id, round, need) VALUES "
            "(1, 1, 1, 5), (1, 2, 1, 4), (1, 1, 2, 3), (1, 2, 2, 3), (2, 1, 1, 4), (2, 2, 1, 2), (2, 1, 2, 2), (2, 2, 2, 2), "
            "(3, 1, 1, 5), (3, 2, 1, NULL), (4, 1, 1, 1), (4, 2, 1, 5), (6, 1, 1, 3), (6, 1, 2, 4), (7, 1, 1, 2)",
            "INSERT INTO partner(id, name, province_id) VALUES (1, 'Anadolu Enerji A.Ş.', 6), (2, 'Boğaziçi Otomasyon', 34)",
            "INSERT INTO training_session(id, partner_id, field_id, start_date, end_date, hours, capacity) VALUES "
            "(1, 1, 1, '2027-06-14', '2027-06-15', 16, 5), (2, 2, 1, '2027-06-14', '2027-06-16', 24, 5), "
            "(3, 1, 1, '2027-09-06', '2027-09-08', 24, 5), (4, 1, 1, '2027-10-04', '2027-10-06', 24, 5)",
            "INSERT INTO session_competency(session_id, competency_id) VALUES (1, 1), (2, 2), (3, 1), (3, 2)",
            "INSERT INTO placement(id, teacher_id, session_id, status, completed_on, cancel_reason) VALUES "
            "(1, 1, 1, 'completed', '2027-06-15', NULL), (2, 2, 1, 'completed', '2027-06-15', NULL), "
            "(3, 3, 2, 'cancelled', NULL, 'illness'), (4, 4, 3, 'proposed', NULL, NULL), "
            "(5, 5, 4, 'completed', '2027-10-06', NULL), (7, 7, 1, 'completed', '2027-06-15', NULL), "
            "(8, 8, 2, 'completed', '2027-06-16', NULL)",
            "INSERT INTO attendance(placement_id, day, hours, absence) VALUES (1, '2027-06-14', 8, NULL), "
            "(1, '2027-06-15', 8, NULL), (2, '2027-06-14', 8, NULL), (2, '2027-06-15', 4, 'illness'), "
            "(3, '2027-06-14', 8, NULL), (7, '2027-06-14', 8, NULL), (7, '2027-06-15', 8, NULL)",
            // training: items 1-5; teacher: items 6-10.
            "INSERT INTO evaluation_answer(placement_id, item_id, score) VALUES (1, 1, 5), (1, 2, 4), (1, 3, NULL), "
            "(1, 6, 4), (2, 1, 3), (2, 6, 5), (2, 7, 3), (7, 1, 4), (7, 2, 2)",
            "INSERT INTO certificate(placement_id, number, verification_code) VALUES (7, 'SMM-01-2027-000007', 'K7QH2M9X')",
        };
        for (const char *sql : statements)
            QVERIFY2(Sql::exec(c, QString::fromUtf8(sql)), sql);
        // Teacher 7 is erased: the counts stay.
        const Status s = purgeTeacher(c, 7);
        QVERIFY2(s, qPrintable(s.message()));
    }

    static GroupFigures groupOf(const QualityIndicators &q, const QString &key)
    {
        for (const GroupFigures &g : q.groups)
            if (g.key == key)
                return g;
        return {};
    }

private slots:
    void tQuantileMatchesTheTable()
    {
        QCOMPARE(tQuantile975(1), 12.706);
        QCOMPARE(tQuantile975(2), 4.303);
        QCOMPARE(tQuantile975(10), 2.228);
        QCOMPARE(tQuantile975(30), 2.042);
        QCOMPARE(tQuantile975(10.7), 2.228); // Welch's df rounded down
        // Published values beyond the table (to three decimals).
        QVERIFY(std::abs(tQuantile975(40) - 2.021) < 0.001);
        QVERIFY(std::abs(tQuantile975(60) - 2.000) < 0.001);
        QVERIFY(std::abs(tQuantile975(120) - 1.980) < 0.001);
        QVERIFY(std::abs(tQuantile975(100000) - 1.960) < 0.001);
        QVERIFY(std::isnan(tQuantile975(0)));
    }

    // A server sends the ratings in no particular order: the rounds of a
    // competency arrive apart and are merged into one pair per competency.
    void needsReadInAnyOrderAreMergedByCompetency()
    {
        const double nan = NeedChange::kNaN;
        using N = ProgrammeFacts::CompetencyNeed;
        std::vector<N> needs { N { 7, { 4, nan } }, N { 3, { 5, nan } }, N { 7, { nan, 2 } }, N { 3, { nan, nan } },
            N { 9, { nan, 1 } } };
        ProgrammeFacts::orderNeeds(needs);
        QCOMPARE(int(needs.size()), 3);
        QCOMPARE(needs[0].competency, 3);
        QCOMPARE(needs[0].need.before, 5.0);
        QVERIFY(std::isnan(needs[0].need.after));
        QCOMPARE(needs[1].competency, 7);
        QCOMPARE(needs[1].need.before, 4.0);
        QCOMPARE(needs[1].need.after, 2.0);
        QCOMPARE(needs[2].competency, 9);
        QVERIFY(std::isnan(needs[2].need.before));
        QCOMPARE(needs[2].need.after, 1.0);
        // Already in order (as SQLite sends them): left as it is.
        std::vector<N> ordered { N { 1, { 3, 4 } }, N { 2, { 5, nan } } };
        ProgrammeFacts::orderNeeds(ordered);
        QCOMPARE(int(ordered.size()), 2);
        QCOMPARE(ordered[1].need.before, 5.0);
    }

    void needChangeIsPairedOrWelch()
    {
        const double nan = NeedChange::kNaN;
        // Paired: differences -2, -2, +1: mean -1, sd sqrt(3), half width 4.303 * 1.
        const NeedChange paired = computeNeedChange({ { 5, 3 }, { 4, 2 }, { 3, 4 }, { 5, nan } });
        QVERIFY(paired.paired);
        QCOMPARE(paired.n, 3);
        QCOMPARE(paired.before, 4.0);
        QCOMPARE(paired.after, 3.0);
        QCOMPARE(paired.change, -1.0);
        QVERIFY(near(paired.ciLow, -1.0 - 4.303));
        QVERIFY(near(paired.ciHigh, -1.0 + 4.303));
        // Independent rounds: 2, 4 before; 1, 1, 1 after: Welch, variance 0 after.
        const NeedChange welch = computeNeedChange({ { 2, nan }, { 4, nan }, { nan, 1 }, { nan, 1 }, { nan, 1 } });
        QVERIFY(!welch.paired);
        QCOMPARE(welch.nBefore, 2);
        QCOMPARE(welch.nAfter, 3);
        QCOMPARE(welch.change, -2.0);
        // se = sqrt(2/2) = 1, df = 1: half width 12.706.
        QVERIFY(near(welch.ciHigh, -2.0 + 12.706));
        // One round only: no change.
        QVERIFY(std::isnan(computeNeedChange({ { 3, nan } }).change));
    }

    void handBuiltFigures()
    {
        auto db = test::newDatabase(newPath());
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        fillHandBuilt(c);
        if (QTest::currentTestFailed())
            return;
        auto computed = computeQualityIndicators(c, Grouping::Total);
        QVERIFY2(computed, qPrintable(computed.message()));
        const GroupFigures &t = computed->total;
        // Surveyed 1, 2, 3, 4, 6 and the erased 7; placed of them 1, 2, 3 (cancelled) and 7.
        QCOMPARE(t.surveyed, 6);
        QCOMPARE(t.placed, 4);
        // Completed 1, 2, 5, 7, 8; cancelled 3 (illness).
        QCOMPARE(t.completed, 5);
        QCOMPARE(t.cancelled, 1);
        QCOMPARE(t.dropoutReasons.at(QStringLiteral("illness")), 1);
        QCOMPARE(t.dropoutReasons.at(QStringLiteral("not_recorded")), 0);
        // Hours of ended placements: 16+16+24+24+16+24 planned, 16+12+8+0+16+0 attended.
        QCOMPARE(t.hoursPlanned, 120.0);
        QCOMPARE(t.hoursDelivered, 52.0);
        // Training answers 5, 4, 3, 4, 2 (N/A left out); the partners' 4, 5, 3.
        QCOMPARE(t.training.answers, 5);
        QCOMPARE(t.training.respondents, 3);
        QCOMPARE(t.training.mean(), 3.6);
        QCOMPARE(t.teacher.answers, 3);
        QCOMPARE(t.teacher.mean(), 4.0);
        // Partner 1 completed in sessions 1 and 4 (a repeat), partner 2 in session 2.
        QCOMPARE(t.partnersActive, 2);
        QCOMPARE(t.partnersRepeat, 1);
        // High needs: 1/C1, 1/C2, 2/C1, 3/C1, 4/C2; covered 1/C1, 2/C1 (session 1) and 4/C2
        // (proposed, session 3); 3's placement is cancelled.
        QCOMPARE(t.highNeeds, 5);
        QCOMPARE(t.highNeedsCovered, 3);
        // Need: teachers 1 (4.5 -> 3), 2 (3 -> 2), 6 (3 -> 4): paired, mean -0.5.
        QVERIFY(t.needChange.paired);
        QCOMPARE(t.needChange.n, 3);
        QCOMPARE(t.needChange.before, 3.5);
        QCOMPARE(t.needChange.after, 3.0);
        QCOMPARE(t.needChange.change, -0.5);
        // sd of -1.5, -1, +1 is sqrt(1.75); half width 4.303 * sqrt(1.75 / 3).
        QVERIFY(near(t.needChange.ciHigh, -0.5 + 4.303 * std::sqrt(1.75 / 3)));
        QCOMPARE(int(t.competencyChanges.size()), 2);
        QCOMPARE(t.competencyChanges[0].code, QStringLiteral("C1"));
        QCOMPARE(t.competencyChanges[0].change.change, -1.0); // -2, -2, +1
        QCOMPARE(t.competencyChanges[1].change.change, -0.5); // -1, 0
        QCOMPARE(t.participationRate(), 4.0 / 6.0);
        QCOMPARE(t.completionRate(), 5.0 / 6.0);

        auto byCentre = computeQualityIndicators(c, Grouping::Centre);
        QVERIFY(byCentre);
        QCOMPARE(int(byCentre->groups.size()), 3);
        const GroupFigures one = groupOf(byCentre.value(), QStringLiteral("1"));
        QCOMPARE(one.surveyed, 4); // 1, 2, 6 and the erased 7
        QCOMPARE(one.placed, 3);
        QCOMPARE(one.completed, 3);
        QCOMPARE(one.hoursPlanned, 48.0);
        QCOMPARE(one.hoursDelivered, 44.0);
        QCOMPARE(one.partnersActive, 1);
        const GroupFigures two = groupOf(byCentre.value(), QStringLiteral("2"));
        QCOMPARE(two.surveyed, 2);
        QCOMPARE(two.placed, 1);
        QCOMPARE(two.cancelled, 1);
        QCOMPARE(two.highNeeds, 2);
        QCOMPARE(two.highNeedsCovered, 1);
        const GroupFigures none = groupOf(byCentre.value(), QStringLiteral("none"));
        QCOMPARE(none.surveyed, 0);
        QVERIFY(std::isnan(none.participationRate()));
        QCOMPARE(none.completed, 1);

        compareAll(c);
    }

    void periodsParse()
    {
        auto h1 = Period::parse(QStringLiteral("2027H1"));
        QVERIFY2(h1, qPrintable(h1.message()));
        QCOMPARE(h1->first(), QDate(2027, 1, 1));
        QCOMPARE(h1->last(), QDate(2027, 6, 30));
        QCOMPARE(h1->previous().code(), QStringLiteral("2026H2"));
        QCOMPARE(h1->previous().first(), QDate(2026, 7, 1));
        QCOMPARE(h1->previous().last(), QDate(2026, 12, 31));
        QCOMPARE(Period::parse(QStringLiteral(" 2026h2 "))->previous().code(), QStringLiteral("2026H1"));
        auto year = Period::parse(QStringLiteral("2027"));
        QVERIFY(year);
        QCOMPARE(year->first(), QDate(2027, 1, 1));
        QCOMPARE(year->last(), QDate(2027, 12, 31));
        QCOMPARE(year->previous().code(), QStringLiteral("2026"));
        QVERIFY(year->contains(QDate(2027, 12, 31)));
        QVERIFY(!h1->contains(QDate(2027, 7, 1)));
        QVERIFY(!h1->contains(QDate()));
        QCOMPARE(Period::halfOf(QDate(2027, 6, 30)).code(), QStringLiteral("2027H1"));
        QCOMPARE(Period::halfOf(QDate(2027, 7, 1)).code(), QStringLiteral("2027H2"));
        QCOMPARE(h1->displayName(), QStringLiteral("January–June 2027"));
        for (const char *bad : { "2027H3", "H1", "27H1", "2027-H1", "", "1999", "2027H12" }) {
            auto parsed = Period::parse(QString::fromLatin1(bad));
            QVERIFY2(!parsed, bad);
            QVERIFY2(parsed.message().contains(QString::fromLatin1(bad)), qPrintable(parsed.message()));
        }
    }

    // The hand-built programme per period: sessions 1 and 2 start in June
    // 2027 (2027H1), 3 and 4 in September and October (2027H2).
    void periodFigures()
    {
        auto db = test::newDatabase(newPath());
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        fillHandBuilt(c);
        if (QTest::currentTestFailed())
            return;
        auto h1 = computeQualityIndicators(c, Grouping::Total, Period::parse(QStringLiteral("2027H1")).value());
        QVERIFY2(h1, qPrintable(h1.message()));
        const GroupFigures &t = h1->total;
        QCOMPARE(h1->period->code(), QStringLiteral("2027H1"));
        // Surveyed: every round-1 teacher (1, 2, 3, 4, 6 and the erased 7); placed in H1: 1, 2, 3
        // (8 did not answer the survey; 7's erased placement has no date).
        QCOMPARE(t.surveyed, 6);
        QCOMPARE(t.placed, 3);
        QCOMPARE(t.completed, 3); // 1, 2, 8
        QCOMPARE(t.cancelled, 1); // 3
        QCOMPARE(t.hoursPlanned, 16.0 + 16 + 24 + 24);
        QCOMPARE(t.hoursDelivered, 16.0 + 12 + 8);
        QCOMPARE(t.training.answers, 3); // placements 1 and 2: 5, 4, 3
        QCOMPARE(t.partnersActive, 2);
        QCOMPARE(t.partnersRepeat, 0);
        // Needs of the teachers placed in H1: 1 (4.5 -> 3) and 2 (3 -> 2); high needs 1/C1, 1/C2, 2/C1, 3/C1.
        QVERIFY(t.needChange.paired);
        QCOMPARE(t.needChange.n, 2);
        QCOMPARE(t.needChange.change, -1.25);
        QCOMPARE(t.highNeeds, 4);
        QCOMPARE(t.highNeedsCovered, 2);

        auto h2 = computeQualityIndicators(c, Grouping::Total, Period::parse(QStringLiteral("2027H2")).value());
        QVERIFY(h2);
        QCOMPARE(h2->total.surveyed, 6);
        QCOMPARE(h2->total.placed, 0); // 4's placement is only proposed; 5 did not answer the survey
        QCOMPARE(h2->total.completed, 1);
        QCOMPARE(h2->total.cancelled, 0);
        QCOMPARE(h2->total.highNeeds, 0);
        QVERIFY(std::isnan(h2->total.needChange.change));

        auto before = computeQualityIndicators(c, Grouping::Total, Period::parse(QStringLiteral("2026H2")).value());
        QVERIFY(before);
        QCOMPARE(before->total.completed + before->total.cancelled + before->total.placed, 0);
        QVERIFY(std::isnan(before->total.completionRate()));

        for (const char *period : { "2027H1", "2027H2", "2027", "2026H2" }) {
            compareAll(c, Period::parse(QString::fromLatin1(period)).value());
            if (QTest::currentTestFailed())
                return;
        }
    }

    // A demo with a plan, its programme recorded here by rules that touch
    // every indicator; then erasures change none of the counts they keep.
    void demoFigures()
    {
        const QString path = newPath();
        QString out, err;
        // The plain demo (--no-programme), planned; its programme is written below.
        QCOMPARE(test::runCli({ QStringLiteral("demo"), path, QStringLiteral("--teachers"), QStringLiteral("400"),
                                  QStringLiteral("--partners"), QStringLiteral("80"), QStringLiteral("--no-programme") },
                     &out, &err),
            0);
        QCOMPARE(test::runCli({ QStringLiteral("plan"), path }, &out, &err), 0);
        auto opened = Database::open(path);
        QVERIFY2(opened, qPrintable(opened.message()));
        const QSqlDatabase c = opened.value()->connection();
        const char *statements[] = {
            "UPDATE placement SET status = 'completed', completed_on = (SELECT end_date FROM training_session s "
            "WHERE s.id = session_id) WHERE id % 5 <> 0",
            "UPDATE placement SET status = 'cancelled', cancel_reason = CASE id % 3 WHEN 0 THEN 'illness' WHEN 1 THEN "
            "'withdrew' END WHERE id % 5 = 0",
            "INSERT INTO attendance(placement_id, day, hours, absence) SELECT p.id, s.start_date, p.id % 9, "
            "CASE WHEN p.id % 9 < 8 THEN 'illness' END FROM placement p JOIN training_session s ON s.id = p.session_id",
            "INSERT INTO evaluation_answer(placement_id, item_id, score) SELECT p.id, i.id, CASE WHEN (p.id + i.id) % 7 = 0 "
            "THEN NULL ELSE 1 + (p.id * i.id) % 5 END FROM placement p, evaluation_item i WHERE p.id % 2 = 0",
            "INSERT INTO need_rating(teacher_id, competency_id, round, need) SELECT teacher_id, competency_id, 2, "
            "max(1, need - 1 - teacher_id % 2) FROM need_rating WHERE round = 1 AND need IS NOT NULL AND teacher_id % 3 = 0",
        };
        for (const char *sql : statements)
            QVERIFY2(Sql::exec(c, QString::fromUtf8(sql)), sql);
        auto before = computeQualityIndicators(c, Grouping::Total);
        QVERIFY(before);
        const GroupFigures &t = before->total;
        QVERIFY(t.completed > 100 && t.cancelled > 20 && t.surveyed > 300);
        QVERIFY(t.training.answers > 100 && t.teacher.answers > 100 && t.partnersActive > 10);
        QVERIFY(t.needChange.paired && t.needChange.change < 0 && t.needChange.ciHigh < 0);
        QVERIFY(t.highNeeds > 0 && t.highNeedsCovered > 0);
        compareAll(c);
        if (QTest::currentTestFailed())
            return;
        // The plan's sessions spread over the periods; each period against the reference.
        for (const char *period : { "2027H1", "2027H2", "2028" }) {
            compareAll(c, Period::parse(QString::fromLatin1(period)).value());
            if (QTest::currentTestFailed())
                return;
        }
        auto h1 = computeQualityIndicators(c, Grouping::Total, Period::parse(QStringLiteral("2027H1")).value());
        auto h2 = computeQualityIndicators(c, Grouping::Total, Period::parse(QStringLiteral("2027H2")).value());
        QVERIFY(h1 && h2);
        QVERIFY(h1->total.completed > 0 && h2->total.completed > 0);
        QVERIFY(h1->total.completed + h2->total.completed <= t.completed);

        // Erase three teachers with completed, cancelled and evaluated placements.
        for (const char *sql : { "SELECT min(teacher_id) FROM placement WHERE status = 'completed' AND id % 2 = 0",
                 "SELECT min(teacher_id) FROM placement WHERE status = 'cancelled'",
                 "SELECT max(teacher_id) FROM placement WHERE status = 'completed'" }) {
            const int teacher = test::scalar(c, QString::fromLatin1(sql)).toInt();
            const Status s = purgeTeacher(c, teacher);
            QVERIFY2(s, qPrintable(s.message()));
        }
        auto after = computeQualityIndicators(c, Grouping::Total);
        QVERIFY(after);
        const GroupFigures &a = after->total;
        QCOMPARE(a.surveyed, t.surveyed);
        QCOMPARE(a.placed, t.placed);
        QCOMPARE(a.completed, t.completed);
        QCOMPARE(a.cancelled, t.cancelled);
        QCOMPARE(a.dropoutReasons, t.dropoutReasons);
        QCOMPARE(a.hoursPlanned, t.hoursPlanned);
        QCOMPARE(a.hoursDelivered, t.hoursDelivered);
        QCOMPARE(a.training.answers, t.training.answers);
        QCOMPARE(a.training.sum, t.training.sum);
        QCOMPARE(a.teacher.sum, t.teacher.sum);
        compareAll(c);
    }

    void cliTextAndJson()
    {
        const QString path = newPath();
        {
            auto db = test::newDatabase(path);
            QVERIFY(db);
            fillHandBuilt(db->connection());
        }
        QString out, err;
        QCOMPARE(test::runCli({ QStringLiteral("quality"), path, QStringLiteral("--json") }, &out, &err), 0);
        QJsonParseError parseError;
        const QJsonObject json = QJsonDocument::fromJson(out.toUtf8(), &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(json.value(QStringLiteral("by")).toString(), QStringLiteral("total"));
        const QJsonArray info = json.value(QStringLiteral("indicators")).toArray();
        QCOMPARE(info.size(), 10);
        const QJsonObject total = json.value(QStringLiteral("total")).toObject();
        for (const QJsonValue &i : info) {
            const QString id = i.toObject().value(QStringLiteral("id")).toString();
            QVERIFY2(total.contains(id), qPrintable(id));
            QVERIFY(!i.toObject().value(QStringLiteral("definition")).toString().isEmpty());
        }
        QCOMPARE(total.value(QStringLiteral("participation")).toObject().value(QStringLiteral("placed")).toInt(), 4);
        QCOMPARE(total.value(QStringLiteral("participation")).toObject().value(QStringLiteral("surveyed")).toInt(), 6);
        QCOMPARE(total.value(QStringLiteral("completion_rate")).toObject().value(QStringLiteral("rate")).toDouble(), 5.0 / 6.0);
        QCOMPARE(total.value(QStringLiteral("dropout_reasons")).toObject().value(QStringLiteral("illness")).toInt(), 1);
        QCOMPARE(total.value(QStringLiteral("satisfaction_training")).toObject().value(QStringLiteral("mean")).toDouble(), 3.6);
        const QJsonObject overall
            = total.value(QStringLiteral("need_reduction")).toObject().value(QStringLiteral("overall")).toObject();
        QCOMPARE(overall.value(QStringLiteral("change")).toDouble(), -0.5);
        QVERIFY(overall.value(QStringLiteral("paired")).toBool());
        QCOMPARE(total.value(QStringLiteral("high_need_coverage")).toObject().value(QStringLiteral("covered")).toInt(), 3);
        QVERIFY(json.value(QStringLiteral("groups")).toArray().isEmpty());

        QCOMPARE(test::runCli({ QStringLiteral("quality"), path, QStringLiteral("--json"), QStringLiteral("--by"),
                                  QStringLiteral("province") },
                     &out, &err),
            0);
        const QJsonArray groups = QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("groups")).toArray();
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups[0].toObject().value(QStringLiteral("key")).toString(), QStringLiteral("6"));
        QCOMPARE(groups[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Ankara"));
        QCOMPARE(groups[1].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("İstanbul"));

        // Text: one line per indicator, values right-aligned in their column.
        QCOMPARE(test::runCli({ QStringLiteral("quality"), path }, &out, &err), 0);
        const QStringList lines = out.split(QLatin1Char('\n'));
        QVERIFY2(lines.size() > 12, qPrintable(out));
        QVERIFY(lines[1].startsWith(QStringLiteral("Indicator")));
        QCOMPARE(lines[2].count(QLatin1Char('-')), lines[1].size());
        const auto line = [&](const QString &start) {
            for (const QString &l : lines)
                if (l.startsWith(start))
                    return l;
            return QString();
        };
        QVERIFY2(line(QStringLiteral("Participation")).contains(QStringLiteral("66.7 %  4 / 6")), qPrintable(out));
        QVERIFY2(line(QStringLiteral("Completion rate")).contains(QStringLiteral("83.3 %  5 / 6")), qPrintable(out));
        QVERIFY2(line(QStringLiteral("Completion rate")).endsWith(QStringLiteral("4a")), qPrintable(out));
        QVERIFY2(line(QStringLiteral("Need reduction")).contains(QStringLiteral("-0.50")), qPrintable(out));
        QVERIFY2(line(QStringLiteral("Drop-out reasons")).contains(QStringLiteral("illness 1")), qPrintable(out));
        const int valueEnd = line(QStringLiteral("Participation")).indexOf(QStringLiteral(" %")) + 2;
        QCOMPARE(line(QStringLiteral("Completion rate")).indexOf(QStringLiteral(" %")) + 2, valueEnd);
        QVERIFY2(out.contains(QStringLiteral("Need change per competency")), qPrintable(out));

        QCOMPARE(
            test::runCli({ QStringLiteral("quality"), path, QStringLiteral("--by"), QStringLiteral("centre") }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("(no centre)")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Total")), qPrintable(out));

        // Wrong usage: exit 2, the reason on stderr.
        QCOMPARE(
            test::runCli({ QStringLiteral("quality"), path, QStringLiteral("--by"), QStringLiteral("school") }, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("school")), qPrintable(err));
        QCOMPARE(test::runCli({ QStringLiteral("quality"), m_dir.filePath(QStringLiteral("missing.kopru")) }, &out, &err), 2);
    }
};

QTEST_GUILESS_MAIN(TestQuality)
#include "tst_quality.moc"
