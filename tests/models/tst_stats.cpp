// SPDX-License-Identifier: GPL-3.0-or-later
// Needs-analysis statistics checked against values computed independently in
// the test from a small hand-made fixture (not-applicable answers, supply,
// suppression at 4 vs 5 respondents), survey round 1 against round 2, the
// item models under QAbstractItemModelTester, and the `kopru-cli stats` contract.
#include "models/domain/nationalid.h"
#include "models/domain/turkishtext.h"
#include "models/quality/competencychangemodel.h"
#include "models/stats/competencystatsmodel.h"
#include "models/stats/fielddatacache.h"
#include "models/stats/flagfiltermodel.h"
#include "models/stats/groupstatsmodel.h"
#include "models/stats/needstatistics.h"
#include "models/stats/roundcomparison.h"
#include "models/stats/statsformat.h"
#include "tests/common/testutil.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <cmath>
#include <map>
#include <optional>

using namespace kopru;
using namespace kopru::stats;

namespace {

// The fixture: field ELK, three competencies; 0 in a rating row = not applicable.
// Teachers 1–5 in Ankara (plate 6, centre 1), 6–9 in İzmir (plate 35, centre 14),
// teacher 10 in Ankara without any rating.
constexpr int kAnkara = 6, kIzmir = 35;
struct TeacherRow
{
    int province;
    int centre;
    std::array<int, 3> needs;
    bool rated;
};
const TeacherRow kTeachers[] = {
    { kAnkara, 1, { 5, 4, 0 }, true },
    { kAnkara, 1, { 4, 0, 0 }, true },
    { kAnkara, 1, { 3, 2, 0 }, true },
    { kAnkara, 1, { 5, 1, 0 }, true },
    { kAnkara, 1, { 1, 5, 0 }, true },
    { kIzmir, 14, { 2, 3, 0 }, true },
    { kIzmir, 14, { 4, 4, 0 }, true },
    { kIzmir, 14, { 0, 5, 0 }, true },
    { kIzmir, 14, { 5, 2, 0 }, true },
    { kAnkara, 1, { 0, 0, 0 }, false },
};
const char *const kCodes[] = { "E1", "E2", "E3" };
// Sessions of the field: capacity and the competencies (indices) they cover.
struct SessionRow
{
    int capacity;
    std::vector<int> covers;
};
const SessionRow kSessions[] = { { 3, { 0, 1 } }, { 2, { 0 } } };

// Expected numbers computed straight from the tables above.
struct Expect
{
    int respondents = 0, na = 0, high = 0, sum = 0;
    std::array<int, 5> dist {};
};
Expect expectFor(int comp, int province = 0)
{
    Expect e;
    for (const TeacherRow &t : kTeachers) {
        if (!t.rated || (province && t.province != province))
            continue;
        const int n = t.needs[std::size_t(comp)];
        if (n == 0) {
            ++e.na;
            continue;
        }
        ++e.respondents;
        e.sum += n;
        e.high += n >= 4;
        ++e.dist[std::size_t(n - 1)];
    }
    return e;
}
int supplyFor(int comp)
{
    int s = 0;
    for (const SessionRow &r : kSessions)
        for (int c : r.covers)
            s += c == comp ? r.capacity : 0;
    return s;
}

// The statistics as they were computed before FieldData: SQL aggregates
// (GROUP BY competency, need; GROUP BY group, competency, need), an
// independent reference for the one-pass counting in C++.
template <typename RowFn> bool eachRow(QSqlDatabase db, const QString &sql, const QVariantList &bindings, RowFn row)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return false;
    for (int i = 0; i < bindings.size(); ++i)
        q.bindValue(i, bindings.at(i));
    if (!q.exec())
        return false;
    while (q.next())
        row(q);
    return true;
}

struct Reference
{
    int round = 0, teachers = 0, respondents = 0;
    QString scopeName;
    std::map<int, RatingCounts> perCompetency; // by competency id
};

Reference referenceStats(QSqlDatabase db, int fieldId, Scope scope)
{
    Reference r;
    const QString column = scope.kind == Scope::Kind::Province ? QStringLiteral("t.province_id") : QStringLiteral("t.centre_id");
    const QString condition = scope.kind == Scope::Kind::All ? QString() : QStringLiteral(" AND %1 = ?").arg(column);
    r.round = test::scalar(db,
        QStringLiteral("SELECT max(r.round) FROM teacher t JOIN need_rating r ON r.teacher_id = t.id "
                       "WHERE t.field_id = %1")
            .arg(fieldId))
                  .toInt();
    if (scope.kind != Scope::Kind::All)
        r.scopeName = test::scalar(db,
            QStringLiteral("SELECT name FROM %1 WHERE id = %2")
                .arg(scope.kind == Scope::Kind::Province ? QStringLiteral("province") : QStringLiteral("centre"))
                .arg(scope.id))
                          .toString();
    QVariantList bindings { fieldId };
    if (scope.kind != Scope::Kind::All)
        bindings << scope.id;
    eachRow(db, QStringLiteral("SELECT count(*) FROM teacher t WHERE t.field_id = ?") + condition, bindings,
        [&](const QSqlQuery &q) { r.teachers = q.value(0).toInt(); });
    bindings.insert(1, r.round);
    const QString from
        = QStringLiteral(" FROM teacher t JOIN need_rating r ON r.teacher_id = t.id WHERE t.field_id = ? AND r.round = ?")
        + condition;
    eachRow(db, QStringLiteral("SELECT count(DISTINCT r.teacher_id)") + from, bindings,
        [&](const QSqlQuery &q) { r.respondents = q.value(0).toInt(); });
    eachRow(db,
        QStringLiteral("SELECT r.competency_id, r.need, count(*)") + from + QStringLiteral(" GROUP BY r.competency_id, r.need"),
        bindings, [&](const QSqlQuery &q) {
            r.perCompetency[q.value(0).toInt()].add(q.value(1).isNull() ? 0 : q.value(1).toInt(), q.value(2).toInt());
        });
    return r;
}

struct ReferenceGroup
{
    QString name;
    int teachers = 0, respondents = 0;
    std::map<int, RatingCounts> perCompetency;
};

std::map<int, ReferenceGroup> referenceBreakdown(QSqlDatabase db, int fieldId, int round, Breakdown::Kind kind)
{
    const QString column = kind == Breakdown::Kind::Province ? QStringLiteral("t.province_id") : QStringLiteral("t.centre_id");
    const QString table = kind == Breakdown::Kind::Province ? QStringLiteral("province") : QStringLiteral("centre");
    std::map<int, ReferenceGroup> groups;
    eachRow(db,
        QStringLiteral("SELECT %1, (SELECT g.name FROM %2 g WHERE g.id = %1), count(*) FROM teacher t "
                       "WHERE t.field_id = ? AND %1 IS NOT NULL GROUP BY %1")
            .arg(column, table),
        { fieldId }, [&](const QSqlQuery &q) {
            groups[q.value(0).toInt()].name = q.value(1).toString();
            groups[q.value(0).toInt()].teachers = q.value(2).toInt();
        });
    const QString from
        = QStringLiteral(" FROM teacher t JOIN need_rating r ON r.teacher_id = t.id WHERE t.field_id = ? AND r.round = ?");
    eachRow(db,
        QStringLiteral("SELECT %1, count(DISTINCT r.teacher_id)").arg(column) + from + QStringLiteral(" GROUP BY %1").arg(column),
        { fieldId, round }, [&](const QSqlQuery &q) {
            if (groups.count(q.value(0).toInt()))
                groups[q.value(0).toInt()].respondents = q.value(1).toInt();
        });
    eachRow(db,
        QStringLiteral("SELECT %1, r.competency_id, r.need, count(*)").arg(column) + from
            + QStringLiteral(" GROUP BY %1, r.competency_id, r.need").arg(column),
        { fieldId, round }, [&](const QSqlQuery &q) {
            if (groups.count(q.value(0).toInt()))
                groups[q.value(0).toInt()].perCompetency[q.value(1).toInt()].add(
                    q.value(2).isNull() ? 0 : q.value(2).toInt(), q.value(3).toInt());
        });
    return groups;
}

bool sameCounts(const RatingCounts &a, const RatingCounts &b)
{
    return a.distribution == b.distribution && a.notApplicable == b.notApplicable;
}

// Compares the statistics of every field of `db`, in every scope, and both
// breakdowns with the reference; returns the number of comparisons made.
int compareWithReference(QSqlDatabase db)
{
    int checked = 0;
    auto fields = listFields(db);
    if (!fields) {
        QTest::qFail(qPrintable(fields.message()), __FILE__, __LINE__);
        return 0;
    }
    for (const FieldInfo &f : fields.value()) {
        auto data = FieldData::load(db, f.code);
        if (!data) {
            QTest::qFail(qPrintable(data.message()), __FILE__, __LINE__);
            return checked;
        }
        auto options = listScopeOptions(db, f.id);
        if (!options)
            return checked;
        const std::vector<ScopeOption> inMemory = data->scopeOptions();
        if (inMemory.size() != options->size()) {
            QTest::qFail(qPrintable(QStringLiteral("%1: scope options differ").arg(f.code)), __FILE__, __LINE__);
            return checked;
        }
        std::vector<Scope> scopes { Scope {} };
        for (std::size_t i = 0; i < options->size(); ++i) {
            const ScopeOption &a = options->at(i), &b = inMemory[i];
            if (a.scope.kind != b.scope.kind || a.scope.id != b.scope.id || a.name != b.name || a.teachers != b.teachers) {
                QTest::qFail(qPrintable(QStringLiteral("%1: scope option %2 differs").arg(f.code, a.name)), __FILE__, __LINE__);
                return checked;
            }
            scopes.push_back(a.scope);
        }
        scopes.push_back(Scope { Scope::Kind::Province, 1 }); // a province without teachers of the field, most likely
        for (const Scope &scope : scopes) {
            const FieldStats st = data->stats(scope);
            auto viaSql = computeFieldStats(db, f.code, scope);
            const Reference ref = referenceStats(db, f.id, scope);
            const QString where = QStringLiteral("%1, scope %2/%3").arg(f.code).arg(int(scope.kind)).arg(scope.id);
            const bool scoped = scope.kind != Scope::Kind::All;
            bool same = viaSql && st.round == ref.round && st.teachers == ref.teachers && st.respondents == ref.respondents
                && st.scopeName == ref.scopeName && st.suppressed == (scoped && ref.respondents < kMinGroupRespondents)
                && viaSql->competencies.size() == st.competencies.size() && viaSql->respondents == st.respondents;
            for (std::size_t i = 0; same && i < st.competencies.size(); ++i) {
                const CompetencyStats &c = st.competencies[i];
                RatingCounts expected = st.suppressed
                    ? RatingCounts {}
                    : (ref.perCompetency.count(c.id) ? ref.perCompetency.at(c.id) : RatingCounts {});
                const bool withheld = !st.suppressed && scoped && expected.respondents() < kMinGroupRespondents;
                if (withheld)
                    expected = RatingCounts {};
                same = sameCounts(c.ratings, expected) && c.suppressed == withheld && viaSql->competencies[i].id == c.id
                    && sameCounts(viaSql->competencies[i].ratings, c.ratings);
                if (same && i > 0) { // sorted by mean need, descending, NaN last
                    const double before = st.competencies[i - 1].ratings.meanNeed(), mean = c.ratings.meanNeed();
                    same = std::isnan(mean) || (!std::isnan(before) && before >= mean);
                }
            }
            if (!same) {
                QTest::qFail(qPrintable(where + QStringLiteral(": statistics differ from the reference")), __FILE__, __LINE__);
                return checked;
            }
            ++checked;
        }
        const FieldStats whole = data->stats();
        for (const Breakdown::Kind kind : { Breakdown::Kind::Province, Breakdown::Kind::Centre }) {
            const Breakdown b = data->breakdown(kind);
            auto viaSql = computeBreakdown(db, whole, kind);
            const auto ref = referenceBreakdown(db, f.id, whole.round, kind);
            bool same = viaSql && b.groups.size() == ref.size() && viaSql->groups.size() == b.groups.size();
            for (std::size_t g = 0; same && g < b.groups.size(); ++g) {
                const GroupStats &x = b.groups[g];
                const auto it = ref.find(x.id);
                same = it != ref.end() && x.name == it->second.name && x.teachers == it->second.teachers
                    && x.respondents == it->second.respondents && x.suppressed == (x.respondents < kMinGroupRespondents)
                    && viaSql->groups[g].id == x.id && x.perCompetency.size() == whole.competencies.size();
                if (g > 0 && same)
                    same = TurkishText::compare(b.groups[g - 1].name, x.name) <= 0;
                RatingCounts overall;
                for (std::size_t i = 0; same && i < whole.competencies.size(); ++i) {
                    const int id = whole.competencies[i].id;
                    const RatingCounts raw
                        = it->second.perCompetency.count(id) ? it->second.perCompetency.at(id) : RatingCounts {};
                    const bool withheld = x.suppressed || raw.respondents() < kMinGroupRespondents;
                    same = x.competencySuppressed[i] == withheld
                        && sameCounts(x.perCompetency[i], withheld ? RatingCounts {} : raw)
                        && sameCounts(viaSql->groups[g].perCompetency[i], x.perCompetency[i]);
                    if (!x.suppressed) {
                        for (int level = 1; level <= kScaleSize; ++level)
                            overall.add(level, raw.distribution[std::size_t(level - 1)]);
                        overall.notApplicable += raw.notApplicable;
                    }
                }
                same = same && sameCounts(x.overall, overall);
            }
            if (!same) {
                QTest::qFail(qPrintable(QStringLiteral("%1: breakdown %2 differs from the reference").arg(f.code).arg(int(kind))),
                    __FILE__, __LINE__);
                return checked;
            }
            ++checked;
        }
    }
    return checked;
}

// Survey rounds 1 and 2 of field ELK (issue #15): needs of E1, E2, E3 per
// round; 0 = not applicable, -1 = no rating row; no row at all in a round:
// the teacher did not answer it.
struct RoundTeacher
{
    int province;
    std::optional<std::array<int, 3>> round1, round2;
};
const RoundTeacher kRoundTeachers[] = {
    { kAnkara, { { 5, 4, 3 } }, { { 3, 4, -1 } } },
    { kAnkara, { { 4, 2, 0 } }, { { 2, -1, -1 } } },
    { kAnkara, { { 3, 5, 2 } }, { { 3, -1, -1 } } },
    { kAnkara, { { 5, 3, 4 } }, { { 2, -1, -1 } } },
    { kAnkara, { { 4, 4, 4 } }, std::nullopt },
    { kIzmir, std::nullopt, { { 1, 2, -1 } } },
    { kIzmir, { { 2, 5, 1 } }, { { 0, -1, -1 } } },
};

// The 0.975 quantile of Student's t for small degrees of freedom (tables).
double t975(int df)
{
    static const double table[] = { 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228 };
    return table[df - 1];
}

struct Sample
{
    std::vector<double> values;
    double mean() const
    {
        double sum = 0;
        for (double v : values)
            sum += v;
        return sum / double(values.size());
    }
    double variance() const
    {
        double squares = 0;
        for (double v : values)
            squares += (v - mean()) * (v - mean());
        return squares / double(values.size() - 1);
    }
};

// The figures of competency `comp` straight from kRoundTeachers.
struct ExpectedChange
{
    bool paired = false;
    int pairs = 0;
    double before = 0, after = 0, change = 0, low = 0, high = 0;
};
ExpectedChange expectedChange(int comp)
{
    Sample before, after, differences, pairedBefore, pairedAfter;
    for (const RoundTeacher &t : kRoundTeachers) {
        const int b = t.round1 ? (*t.round1)[std::size_t(comp)] : -1;
        const int a = t.round2 ? (*t.round2)[std::size_t(comp)] : -1;
        if (b > 0)
            before.values.push_back(b);
        if (a > 0)
            after.values.push_back(a);
        if (b > 0 && a > 0) {
            differences.values.push_back(a - b);
            pairedBefore.values.push_back(b);
            pairedAfter.values.push_back(a);
        }
    }
    ExpectedChange e;
    e.pairs = int(differences.values.size());
    if (e.pairs >= 2) {
        e.paired = true;
        e.before = pairedBefore.mean();
        e.after = pairedAfter.mean();
        e.change = differences.mean();
        const double half = t975(e.pairs - 1) * std::sqrt(differences.variance() / e.pairs);
        e.low = e.change - half;
        e.high = e.change + half;
        return e;
    }
    e.before = before.mean();
    e.after = after.mean();
    e.change = e.after - e.before;
    const double vb = before.variance() / double(before.values.size()), va = after.variance() / double(after.values.size());
    const double df
        = (vb + va) * (vb + va) / (vb * vb / double(before.values.size() - 1) + va * va / double(after.values.size() - 1));
    const double half = t975(int(std::floor(df))) * std::sqrt(vb + va);
    e.low = e.change - half;
    e.high = e.change + half;
    return e;
}

} // namespace

class TestStats : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QString m_path;

    const CompetencyStats *find(const FieldStats &st, const QString &code)
    {
        for (const CompetencyStats &c : st.competencies)
            if (c.code == code)
                return &c;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("fixture.kopru"));
        m_db = test::newDatabase(m_path);
        QVERIFY(m_db);
        QSqlDatabase db = m_db->connection();
        const int elk = test::scalar(db, QStringLiteral("SELECT id FROM field WHERE code = 'ELK'")).toInt();
        const int bil = test::scalar(db, QStringLiteral("SELECT id FROM field WHERE code = 'BIL'")).toInt();
        QVERIFY(elk > 0 && bil > 0);
        for (int c = 0; c < 3; ++c)
            QVERIFY(Sql::exec(db,
                QStringLiteral("INSERT INTO competency(id, field_id, code, title_tr, title_en) VALUES (?, ?, ?, ?, ?)"),
                { c + 1, elk, QString::fromLatin1(kCodes[c]), QStringLiteral("Yeterlik çğıİöşü %1").arg(c + 1),
                    QStringLiteral("Competency %1").arg(c + 1) }));
        QVERIFY(Sql::exec(
            db, QStringLiteral("INSERT INTO competency(id, field_id, code, title_tr) VALUES (99, ?, 'B1', 'Ağ')"), { bil }));
        int id = 0;
        for (const TeacherRow &t : kTeachers) {
            ++id;
            const QString nid = NationalId::withCheckDigits(QStringLiteral("1000000%1").arg(id, 2, 10, QLatin1Char('0')));
            QVERIFY(Sql::exec(db,
                QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, province_id, centre_id) "
                               "VALUES (?, ?, 'Ayşe', 'Işık', ?, ?, ?)"),
                { id, nid, elk, t.province, t.centre }));
            if (!t.rated)
                continue;
            for (int c = 0; c < 3; ++c) {
                const int n = t.needs[std::size_t(c)];
                QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, need) VALUES (?, ?, ?)"),
                    { id, c + 1, n == 0 ? QVariant() : QVariant(n) }));
            }
        }
        // Another field's teacher, rating and session must not leak into ELK.
        QVERIFY(Sql::exec(db,
            QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, province_id) "
                           "VALUES (50, ?, 'Can', 'Öz', ?, 6)"),
            { NationalId::withCheckDigits(QStringLiteral("200000050")), bil }));
        QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, need) VALUES (50, 99, 5)")));
        QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO partner(id, name, province_id) VALUES (1, 'Anadolu Enerji A.Ş.', 6)")));
        int sid = 0;
        for (const SessionRow &s : kSessions) {
            ++sid;
            QVERIFY(Sql::exec(db,
                QStringLiteral("INSERT INTO training_session(id, partner_id, field_id, start_date, end_date, capacity) "
                               "VALUES (?, 1, ?, '2027-06-14', '2027-06-25', ?)"),
                { sid, elk, s.capacity }));
            for (int c : s.covers)
                QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO session_competency(session_id, competency_id) VALUES (?, ?)"),
                    { sid, c + 1 }));
        }
        QVERIFY(Sql::exec(db,
            QStringLiteral("INSERT INTO training_session(id, partner_id, field_id, start_date, end_date, capacity) "
                           "VALUES (9, 1, ?, '2027-06-14', '2027-06-25', 7)"),
            { bil }));
        QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO session_competency(session_id, competency_id) VALUES (9, 99)")));
    }

    void perCompetency_data()
    {
        QTest::addColumn<int>("comp");
        QTest::addColumn<int>("province");
        for (int c = 0; c < 3; ++c) {
            QTest::newRow(qPrintable(QStringLiteral("%1 all").arg(QLatin1String(kCodes[c])))) << c << 0;
            QTest::newRow(qPrintable(QStringLiteral("%1 Ankara").arg(QLatin1String(kCodes[c])))) << c << kAnkara;
        }
    }
    void perCompetency()
    {
        QFETCH(int, comp);
        QFETCH(int, province);
        Scope scope;
        if (province) {
            scope.kind = Scope::Kind::Province;
            scope.id = province;
        }
        auto st = computeFieldStats(m_db->connection(), QStringLiteral("elk"), scope); // code is case-insensitive
        QVERIFY2(st, qPrintable(st.message()));
        QCOMPARE(st->code, QStringLiteral("ELK"));
        QCOMPARE(int(st->competencies.size()), 3);
        const CompetencyStats *c = find(st.value(), QLatin1String(kCodes[comp]));
        QVERIFY(c);
        Expect e = expectFor(comp, province);
        // Within a province, a competency with fewer than 5 respondents is withheld (E2 in Ankara: 4).
        const bool withheld = province && e.respondents < kMinGroupRespondents;
        QCOMPARE(c->suppressed, withheld);
        if (withheld)
            e = Expect {};
        QCOMPARE(c->ratings.respondents(), e.respondents);
        QCOMPARE(c->ratings.notApplicable, e.na);
        QCOMPARE(c->ratings.distribution, e.dist);
        QCOMPARE(c->ratings.highNeedCount(), e.high);
        if (e.respondents == 0) {
            QVERIFY(std::isnan(c->ratings.meanNeed()));
            QVERIFY(std::isnan(c->ratings.highNeedShare()));
        } else {
            QCOMPARE(c->ratings.meanNeed(), double(e.sum) / e.respondents);
            QCOMPARE(c->ratings.highNeedShare(), double(e.high) / e.respondents);
        }
        QCOMPARE(c->supply, supplyFor(comp));
    }

    void fieldTotalsAndOrder()
    {
        auto st = computeFieldStats(m_db->connection(), QStringLiteral("ELK"));
        QVERIFY2(st, qPrintable(st.message()));
        QCOMPARE(st->teachers, 10);
        QCOMPARE(st->respondents, 9); // teacher 10 never answered
        QCOMPARE(st->round, 1);
        QVERIFY(!st->suppressed);
        QCOMPARE(st->centres.size(), 2); // Cezeri Yeşil Teknoloji, Sultanbeyli Sabiha Gökçen
        // E1: (5+4+3+5+1+2+4+5)/8 = 29/8; E2: (4+2+1+5+3+4+5+2)/8 = 26/8; E3 none → last.
        QCOMPARE(st->competencies[0].code, QStringLiteral("E1"));
        QCOMPARE(st->competencies[1].code, QStringLiteral("E2"));
        QCOMPARE(st->competencies[2].code, QStringLiteral("E3"));
        QCOMPARE(st->competencies[0].ratings.meanNeed(), 29.0 / 8);
    }

    void unknownFieldListsValidCodes()
    {
        auto st = computeFieldStats(m_db->connection(), QStringLiteral("XYZ"));
        QVERIFY(!st);
        QVERIFY(st.message().contains(QStringLiteral("XYZ")));
        QVERIFY(st.message().contains(QStringLiteral("ELK")));
        QVERIFY(st.message().contains(QStringLiteral("BIL")));
    }

    void scopeSuppression_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("id");
        QTest::addColumn<int>("teachers");
        QTest::addColumn<int>("respondents");
        QTest::addColumn<bool>("suppressed");
        QTest::newRow("Ankara: 5 respondents") << int(Scope::Kind::Province) << kAnkara << 6 << 5 << false;
        QTest::newRow("Izmir: 4 respondents") << int(Scope::Kind::Province) << kIzmir << 4 << 4 << true;
        QTest::newRow("centre 1: 5 respondents") << int(Scope::Kind::Centre) << 1 << 6 << 5 << false;
        QTest::newRow("centre 14: 4 respondents") << int(Scope::Kind::Centre) << 14 << 4 << 4 << true;
        QTest::newRow("province without teachers") << int(Scope::Kind::Province) << 1 << 0 << 0 << true;
    }
    void scopeSuppression()
    {
        QFETCH(int, kind);
        QFETCH(int, id);
        QFETCH(int, teachers);
        QFETCH(int, respondents);
        QFETCH(bool, suppressed);
        auto st = computeFieldStats(m_db->connection(), QStringLiteral("ELK"), Scope { Scope::Kind(kind), id });
        QVERIFY2(st, qPrintable(st.message()));
        QCOMPARE(st->teachers, teachers);
        QCOMPARE(st->respondents, respondents);
        QCOMPARE(st->suppressed, suppressed);
        QVERIFY(!st->scopeName.isEmpty());
        if (suppressed)
            for (const CompetencyStats &c : st->competencies)
                QCOMPARE(c.ratings.respondents() + c.ratings.notApplicable, 0); // no values leak
    }

    void breakdownSuppressesSmallGroups_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("province") << int(Breakdown::Kind::Province);
        QTest::newRow("centre") << int(Breakdown::Kind::Centre);
    }
    void breakdownSuppressesSmallGroups()
    {
        QFETCH(int, kind);
        auto st = computeFieldStats(m_db->connection(), QStringLiteral("ELK"));
        QVERIFY(st);
        auto b = computeBreakdown(m_db->connection(), st.value(), Breakdown::Kind(kind));
        QVERIFY2(b, qPrintable(b.message()));
        QCOMPARE(int(b->groups.size()), 2);
        const GroupStats *ankara = nullptr, *izmir = nullptr;
        for (const GroupStats &g : b->groups)
            (g.id == kAnkara || g.id == 1 ? ankara : izmir) = &g;
        QVERIFY(ankara && izmir);
        QCOMPARE(ankara->teachers, 6);
        QCOMPARE(ankara->respondents, 5);
        QVERIFY(!ankara->suppressed);
        QCOMPARE(izmir->teachers, 4);
        QCOMPARE(izmir->respondents, 4);
        QVERIFY(izmir->suppressed);
        QCOMPARE(izmir->overall.respondents(), 0);

        // Ankara's overall mean over every answered competency.
        int sum = 0, n = 0;
        for (const TeacherRow &t : kTeachers)
            if (t.rated && t.province == kAnkara)
                for (int v : t.needs)
                    if (v) {
                        sum += v;
                        ++n;
                    }
        QCOMPARE(ankara->overall.meanNeed(), double(sum) / n);
        // Cells: E1 has 5 respondents in Ankara (shown); E2 has 4 (suppressed); E3 none.
        for (std::size_t i = 0; i < st->competencies.size(); ++i) {
            const int comp = int(st->competencies[i].code.back().digitValue()) - 1;
            const Expect e = expectFor(comp, kAnkara);
            QCOMPARE(bool(ankara->competencySuppressed[i]), e.respondents < kMinGroupRespondents);
            QCOMPARE(ankara->perCompetency[i].respondents(), e.respondents < kMinGroupRespondents ? 0 : e.respondents);
            QVERIFY(izmir->competencySuppressed[i]);
        }
    }

    void sameAsReferenceOnFixture() { QVERIFY(compareWithReference(m_db->connection()) > 0); }

    // A generated data set with a second survey round for part of one field,
    // teachers without a centre and more "not applicable" answers: the
    // one-pass counting gives what the SQL aggregates give, in every scope.
    void sameAsReferenceOnDemoData()
    {
        const QString path = m_dir.filePath(QStringLiteral("demo.kopru"));
        QString out, err;
        QCOMPARE(test::runCli({ QStringLiteral("demo"), path, QStringLiteral("--teachers"), QStringLiteral("600"),
                                  QStringLiteral("--partners"), QStringLiteral("60") },
                     &out, &err),
            0);
        auto opened = Database::open(path);
        QVERIFY2(opened, qPrintable(opened.message()));
        QSqlDatabase db = opened.value()->connection();
        const int field = test::scalar(db, QStringLiteral("SELECT min(field_id) FROM teacher")).toInt();
        QVERIFY(Sql::exec(db,
            QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, round, need) "
                           "SELECT teacher_id, competency_id, 2, need % 5 + 1 FROM need_rating "
                           "WHERE teacher_id IN (SELECT id FROM teacher WHERE field_id = ? ORDER BY id LIMIT 12)"),
            { field }));
        QVERIFY(Sql::exec(db, QStringLiteral("UPDATE teacher SET centre_id = NULL WHERE id % 7 = 0")));
        QVERIFY(Sql::exec(db, QStringLiteral("UPDATE need_rating SET need = NULL WHERE (teacher_id + competency_id) % 11 = 0")));
        QCOMPARE(test::scalar(db, QStringLiteral("SELECT max(round) FROM need_rating")).toInt(), 2);
        const int checked = compareWithReference(db);
        QVERIFY(checked > 25);
        // The field with a second round counts that round only.
        auto data
            = FieldData::load(db, test::scalar(db, QStringLiteral("SELECT code FROM field WHERE id = %1").arg(field)).toString());
        QVERIFY(data);
        QCOMPARE(data->round(), 2);
        QCOMPARE(data->stats().respondents, 12);
    }

    // The cache hands out the same data until the database changes — through
    // the same connection or another one — or it is cleared.
    void fieldDataCache()
    {
        const QString path = m_dir.filePath(QStringLiteral("cache.kopru"));
        QVERIFY(Sql::exec(m_db->connection(), QStringLiteral("VACUUM INTO ?"), { path }));
        auto opened = Database::open(path);
        QVERIFY2(opened, qPrintable(opened.message()));
        QSqlDatabase db = opened.value()->connection();
        FieldDataCache cache;
        auto a = cache.get(db, QStringLiteral("elk"));
        QVERIFY2(a, qPrintable(a.message()));
        QCOMPARE(a.value()->code(), QStringLiteral("ELK"));
        auto again = cache.get(db, QStringLiteral("ELK"));
        QVERIFY(again);
        QCOMPARE(again.value().get(), a.value().get()); // held
        QVERIFY(!cache.get(db, QStringLiteral("XYZ"))); // unknown code: the error, nothing held
        QCOMPARE(cache.size(), 1);

        QVERIFY(Sql::exec(db, QStringLiteral("UPDATE need_rating SET need = 5 WHERE teacher_id = 1")));
        auto afterEdit = cache.get(db, QStringLiteral("ELK"));
        QVERIFY(afterEdit);
        QVERIFY(afterEdit.value().get() != a.value().get());
        QCOMPARE(afterEdit.value()->stats().competencies.front().ratings.meanNeed(),
            computeFieldStats(db, QStringLiteral("ELK"))->competencies.front().ratings.meanNeed());

        {
            auto other = Database::open(path);
            QVERIFY(other);
            QVERIFY(
                Sql::exec(other.value()->connection(), QStringLiteral("UPDATE need_rating SET need = 1 WHERE teacher_id = 2")));
        }
        auto afterOther = cache.get(db, QStringLiteral("ELK"));
        QVERIFY(afterOther);
        QVERIFY(afterOther.value().get() != afterEdit.value().get());
        auto held = cache.get(db, QStringLiteral("ELK"));
        QCOMPARE(held.value().get(), afterOther.value().get());
        cache.clear();
        QCOMPARE(cache.size(), 0);
        QVERIFY(cache.get(db, QStringLiteral("ELK")).value().get() != afterOther.value().get());
    }

    void competencyModel()
    {
        auto st = computeFieldStats(m_db->connection(), QStringLiteral("ELK"));
        QVERIFY(st);
        CompetencyStatsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStats(st.value());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, CompetencyStatsModel::Code).data().toString(), QStringLiteral("E1"));
        QCOMPARE(model.index(0, CompetencyStatsModel::MeanNeed).data().toDouble(), 3.63); // 29/8 = 3.625 → 3.63
        QCOMPARE(model.index(0, CompetencyStatsModel::HighNeedShare).data().toDouble(), 62.5); // 5 of 8
        QCOMPARE(model.index(0, CompetencyStatsModel::Need5).data().toInt(), 3);
        QCOMPARE(model.index(0, CompetencyStatsModel::Supply).data().toInt(), 5);
        QVERIFY(!model.index(2, CompetencyStatsModel::MeanNeed).data().isValid()); // no respondents
        LikertScale scale = LikertScale::defaults();
        scale.labels[0] = QStringLiteral("1 hiç");
        model.setScale(scale);
        QCOMPARE(model.headerData(CompetencyStatsModel::Need1, Qt::Horizontal).toString(), QStringLiteral("1 hiç"));

        // Unmet: E1 mean 3.625 >= 3.5, 5 places for 5 high-need teachers (100 %) → met under the
        // default 10 % rule; with a 150 % rule it counts as unmet.
        FlagFilterModel unmet(CompetencyStatsModel::UnmetRole, true);
        QAbstractItemModelTester tester2(&unmet, QAbstractItemModelTester::FailureReportingMode::QtTest);
        unmet.setSourceModel(&model);
        QCOMPARE(unmet.rowCount(), 0);
        model.setRule(UnmetNeedRule { 3.5, 1.5 });
        QCOMPARE(unmet.rowCount(), 1);
        QCOMPARE(unmet.index(0, 0).data().toString(), QStringLiteral("E1"));
        model.setStats(FieldStats {});
        QCOMPARE(model.rowCount(), 0);
    }

    void groupModel()
    {
        auto st = computeFieldStats(m_db->connection(), QStringLiteral("ELK"));
        QVERIFY(st);
        auto b = computeBreakdown(m_db->connection(), st.value(), Breakdown::Kind::Province);
        QVERIFY(b);
        GroupStatsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBreakdown(b.value());
        QCOMPARE(model.rowCount(), 2);
        FlagFilterModel shown(GroupStatsModel::SuppressedRole, false);
        QAbstractItemModelTester tester2(&shown, QAbstractItemModelTester::FailureReportingMode::QtTest);
        shown.setSourceModel(&model);
        QCOMPARE(shown.rowCount(), 1);
        QCOMPARE(shown.index(0, GroupStatsModel::Name).data().toString(), QStringLiteral("Ankara"));
        for (int row = 0; row < model.rowCount(); ++row) {
            const bool suppressed = model.index(row, 0).data(GroupStatsModel::SuppressedRole).toBool();
            QCOMPARE(model.index(row, GroupStatsModel::MeanNeed).data().isValid(), !suppressed);
            QCOMPARE(model.index(row, GroupStatsModel::Status).data().toString().isEmpty(), !suppressed);
        }
    }

    void cliJson()
    {
        QString out, err;
        QCOMPARE(test::runCli({ QStringLiteral("stats"), m_path, QStringLiteral("--field"), QStringLiteral("ELK"),
                                  QStringLiteral("--json") },
                     &out, &err),
            0);
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8(), &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(out));
        const QJsonObject o = doc.object();
        QCOMPARE(o.value(QStringLiteral("field")).toString(), QStringLiteral("ELK"));
        QCOMPARE(o.value(QStringLiteral("teachers")).toInt(), 10);
        QCOMPARE(o.value(QStringLiteral("respondents")).toInt(), 9);
        const QJsonArray comps = o.value(QStringLiteral("competencies")).toArray();
        QCOMPARE(comps.size(), 3);
        double previous = 6;
        for (int i = 0; i < comps.size(); ++i) {
            const QJsonObject c = comps.at(i).toObject();
            for (const char *key :
                { "code", "title", "respondents", "not_applicable", "mean_need", "high_need_share", "distribution", "supply" })
                QVERIFY2(c.contains(QLatin1String(key)), key);
            const int comp = c.value(QStringLiteral("code")).toString().back().digitValue() - 1;
            const Expect e = expectFor(comp);
            QCOMPARE(c.value(QStringLiteral("respondents")).toInt(), e.respondents);
            QCOMPARE(c.value(QStringLiteral("not_applicable")).toInt(), e.na);
            QCOMPARE(c.value(QStringLiteral("supply")).toInt(), supplyFor(comp));
            QCOMPARE(c.value(QStringLiteral("title")).toString(), QStringLiteral("Yeterlik çğıİöşü %1").arg(comp + 1));
            const QJsonArray dist = c.value(QStringLiteral("distribution")).toArray();
            QCOMPARE(dist.size(), 5);
            for (int k = 0; k < 5; ++k)
                QCOMPARE(dist.at(k).toInt(), e.dist[std::size_t(k)]);
            if (e.respondents) {
                const double mean = c.value(QStringLiteral("mean_need")).toDouble();
                QVERIFY(std::abs(mean - double(e.sum) / e.respondents) < 1e-9);
                QVERIFY(std::abs(c.value(QStringLiteral("high_need_share")).toDouble() - double(e.high) / e.respondents) < 1e-9);
                QVERIFY(mean <= previous); // sorted by mean need, descending
                previous = mean;
            } else {
                QVERIFY(c.value(QStringLiteral("mean_need")).isNull());
            }
        }
    }

    // A database of field ELK with both survey rounds (kRoundTeachers).
    std::unique_ptr<Database> roundsDatabase(const QString &path)
    {
        auto db = test::newDatabase(path);
        if (!db)
            return {};
        QSqlDatabase c = db->connection();
        const int elk = test::scalar(c, QStringLiteral("SELECT id FROM field WHERE code = 'ELK'")).toInt();
        bool ok = true;
        for (int k = 0; k < 3; ++k)
            ok = ok
                && Sql::exec(c, QStringLiteral("INSERT INTO competency(id, field_id, code, title_tr) VALUES (?, ?, ?, ?)"),
                    { k + 1, elk, QString::fromLatin1(kCodes[k]), QStringLiteral("Yeterlik %1").arg(k + 1) });
        int id = 0;
        for (const RoundTeacher &t : kRoundTeachers) {
            ++id;
            ok = ok
                && Sql::exec(c,
                    QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, province_id) "
                                   "VALUES (?, ?, 'Ayşe', 'Işık', ?, ?)"),
                    { id, NationalId::withCheckDigits(QStringLiteral("3000000%1").arg(id, 2, 10, QLatin1Char('0'))), elk,
                        t.province });
            for (int round : { 1, 2 }) {
                const auto &needs = round == 1 ? t.round1 : t.round2;
                for (int k = 0; needs && k < 3; ++k) {
                    const int n = (*needs)[std::size_t(k)];
                    if (n >= 0)
                        ok = ok
                            && Sql::exec(c,
                                QStringLiteral(
                                    "INSERT INTO need_rating(teacher_id, competency_id, round, need) VALUES (?, ?, ?, ?)"),
                                { id, k + 1, round, n == 0 ? QVariant() : QVariant(n) });
                }
            }
        }
        if (!ok)
            return nullptr;
        return db;
    }

    void roundComparison()
    {
        auto db = roundsDatabase(m_dir.filePath(QStringLiteral("rounds.kopru")));
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        auto comparison = computeRoundComparison(c, QStringLiteral("elk"));
        QVERIFY2(comparison, qPrintable(comparison.message()));
        const RoundComparison &r = comparison.value();
        QCOMPARE(r.code, QStringLiteral("ELK"));
        QCOMPARE(r.teachers, 7);
        QCOMPARE(r.respondentsBefore, 6);
        QCOMPARE(r.respondentsAfter, 6);
        QCOMPARE(r.bothRounds, 5);
        QVERIFY(!r.suppressed);
        // E3 has no answer in round 2: left out; the rest by code.
        QCOMPARE(int(r.competencies.size()), 2);
        for (int k = 0; k < 2; ++k) {
            const quality::CompetencyChange &got = r.competencies[std::size_t(k)];
            QCOMPARE(got.code, QString::fromLatin1(kCodes[k]));
            const ExpectedChange e = expectedChange(k);
            QCOMPARE(got.change.paired, e.paired);
            QCOMPARE(got.change.n, e.paired ? e.pairs : int(got.change.nBefore + got.change.nAfter));
            QVERIFY(std::abs(got.change.before - e.before) < 1e-9);
            QVERIFY(std::abs(got.change.after - e.after) < 1e-9);
            QVERIFY(std::abs(got.change.change - e.change) < 1e-9);
            QVERIFY2(std::abs(got.change.ciLow - e.low) < 1e-9, qPrintable(QString::number(got.change.ciLow)));
            QVERIFY(std::abs(got.change.ciHigh - e.high) < 1e-9);
        }
        // E1 is paired on four teachers (-2, -2, 0, -3), E2 has one pair: Welch.
        QCOMPARE(r.competencies[0].change.n, 4);
        QCOMPARE(r.competencies[0].change.change, -1.75);
        QVERIFY(!r.competencies[1].change.paired);
        QCOMPARE(r.competencies[1].change.nBefore, 6);
        QCOMPARE(r.competencies[1].change.nAfter, 2);
        QCOMPARE(r.competencies[1].change.pairs, 1);
        QCOMPARE(r.competencies[0].change.pairs, 4);

        // Each round alone, and the latest by default.
        auto round1 = FieldData::load(c, QStringLiteral("ELK"), 1);
        auto latest = FieldData::load(c, QStringLiteral("ELK"));
        QVERIFY(round1 && latest);
        QCOMPARE(round1->round(), 1);
        QCOMPARE(round1->latestRound(), 2);
        QCOMPARE(latest->round(), 2);
        QCOMPARE(round1->stats().respondents, 6);
        QCOMPARE(round1->stats().competencies.size(), std::size_t(3));

        // A scope with fewer than kMinGroupRespondents respondents in a round is suppressed.
        const RoundComparison izmir = compareRounds(round1.value(), latest.value(), Scope { Scope::Kind::Province, kIzmir });
        QVERIFY(izmir.suppressed);
        QVERIFY(izmir.competencies.empty());
        QCOMPARE(izmir.respondentsBefore, 1);
        QCOMPARE(izmir.respondentsAfter, 2);

        // The cache serves round 2 from the latest round's data; round 1 is read once.
        FieldDataCache cache;
        auto a = cache.get(c, QStringLiteral("ELK"));
        auto b = cache.get(c, QStringLiteral("ELK"), 2);
        auto one = cache.get(c, QStringLiteral("ELK"), 1);
        QVERIFY(a && b && one);
        QCOMPARE(a->get(), b->get());
        QCOMPARE(one.value()->round(), 1);
        QCOMPARE(cache.get(c, QStringLiteral("ELK"), 1)->get(), one->get());
        QCOMPARE(cache.size(), 2);

        // The model the needs page shows, in Turkish number formats.
        const QLocale previous;
        QLocale::setDefault(QLocale(QLocale::Turkish, QLocale::Turkey));
        quality::CompetencyChangeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setChanges(r.competencies, r.displayName());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.groupName(), r.displayName());
        using M = quality::CompetencyChangeModel;
        QCOMPARE(model.index(0, M::Code).data().toString(), QStringLiteral("E1"));
        QCOMPARE(model.index(0, M::Before).data().toString(), QStringLiteral("4,25"));
        QCOMPARE(model.index(0, M::After).data().toString(), QStringLiteral("2,50"));
        QCOMPARE(model.index(0, M::Change).data().toString(), QStringLiteral("-1,75"));
        QCOMPARE(model.index(0, M::Change).data(Qt::EditRole).toDouble(), -1.75);
        QCOMPARE(model.index(0, M::Answers).data().toString(), QStringLiteral("4"));
        QCOMPARE(model.index(1, M::Method).data().toString(), model.tr("independent"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QLocale::setDefault(previous);
    }

    void cliRounds()
    {
        const QString path = m_dir.filePath(QStringLiteral("rounds-cli.kopru"));
        QVERIFY(roundsDatabase(path));
        QString out, err;
        const QStringList base { QStringLiteral("stats"), path, QStringLiteral("--field"), QStringLiteral("ELK") };
        QCOMPARE(
            test::runCli(base + QStringList { QStringLiteral("--compare-rounds"), QStringLiteral("--json") }, &out, &err), 0);
        const QJsonObject o = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("field")).toString(), QStringLiteral("ELK"));
        QCOMPARE(o.value(QStringLiteral("respondents_round1")).toInt(), 6);
        QCOMPARE(o.value(QStringLiteral("respondents_round2")).toInt(), 6);
        QCOMPARE(o.value(QStringLiteral("both_rounds")).toInt(), 5);
        QVERIFY(o.value(QStringLiteral("scope")).isNull());
        const QJsonArray comps = o.value(QStringLiteral("competencies")).toArray();
        QCOMPARE(comps.size(), 2);
        const QJsonObject e1 = comps.at(0).toObject();
        QCOMPARE(e1.value(QStringLiteral("code")).toString(), QStringLiteral("E1"));
        QCOMPARE(e1.value(QStringLiteral("paired")).toBool(), true);
        QCOMPARE(e1.value(QStringLiteral("n")).toInt(), 4);
        QCOMPARE(e1.value(QStringLiteral("change")).toDouble(), -1.75);
        QVERIFY(std::abs(e1.value(QStringLiteral("ci_low")).toDouble() - expectedChange(0).low) < 1e-9);
        QCOMPARE(e1.value(QStringLiteral("pairs")).toInt(), 4);
        QCOMPARE(comps.at(1).toObject().value(QStringLiteral("paired")).toBool(), false);
        QCOMPARE(comps.at(1).toObject().value(QStringLiteral("pairs")).toInt(), 1); // one pair: Welch

        QCOMPARE(test::runCli(base + QStringList { QStringLiteral("--compare-rounds") }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("E1")) && out.contains(QStringLiteral("-1")) && !out.contains(QStringLiteral("E3")),
            qPrintable(out));

        // One round: its respondents; the latest by default.
        for (const auto &[round, respondents] : { std::pair { QStringLiteral("1"), 6 }, std::pair { QStringLiteral("2"), 6 } }) {
            QCOMPARE(
                test::runCli(base + QStringList { QStringLiteral("--round"), round, QStringLiteral("--json") }, &out, &err), 0);
            const QJsonObject r = QJsonDocument::fromJson(out.toUtf8()).object();
            QCOMPARE(r.value(QStringLiteral("round")).toInt(), round.toInt());
            QCOMPARE(r.value(QStringLiteral("respondents")).toInt(), respondents);
        }
        QCOMPARE(test::runCli(base + QStringList { QStringLiteral("--json") }, &out, &err), 0);
        QCOMPARE(QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("round")).toInt(), 2);

        QCOMPARE(test::runCli(base + QStringList { QStringLiteral("--round"), QStringLiteral("3") }, &out, &err), 2);
        QVERIFY(err.contains(QStringLiteral("--round")));
        QCOMPARE(test::runCli(
                     base + QStringList { QStringLiteral("--round"), QStringLiteral("1"), QStringLiteral("--compare-rounds") },
                     &out, &err),
            2);
    }

    void cliTableAndErrors()
    {
        QString out, err;
        QCOMPARE(
            test::runCli({ QStringLiteral("stats"), m_path, QStringLiteral("--field"), QStringLiteral("ELK") }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("E1")) && out.contains(QStringLiteral("E3")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("3.63")) || out.contains(QStringLiteral("3,63")));

        QCOMPARE(
            test::runCli({ QStringLiteral("stats"), m_path, QStringLiteral("--field"), QStringLiteral("NOPE") }, &out, &err), 2);
        QVERIFY2(
            err.contains(QStringLiteral("NOPE")) && err.contains(QStringLiteral("ELK")) && err.contains(QStringLiteral("YIY")),
            qPrintable(err));
        QCOMPARE(test::runCli({ QStringLiteral("stats"), m_path }, &out, &err), 2);
        QCOMPARE(test::runCli({ QStringLiteral("stats"), m_dir.filePath(QStringLiteral("missing.kopru")),
                                  QStringLiteral("--field"), QStringLiteral("ELK") },
                     &out, &err),
            2);
        QVERIFY(err.contains(QStringLiteral("missing.kopru")));
    }
};

QTEST_GUILESS_MAIN(TestStats)
#include "tst_stats.moc"
