// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/integritycheck.h"
#include "models/demo/demogenerator.h"
#include "models/domain/nationalid.h"
#include "models/quality/qualityindicators.h"
#include "tests/common/testutil.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlRecord>

using namespace kopru;
using kopru::test::scalar;

class TestDemo : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // A digest of every row of every table, in key order.
    static QByteArray digest(QSqlDatabase db)
    {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QSqlQuery q(db);
        for (const QString &table : schemaTables()) {
            if (table == QLatin1String("meta"))
                continue; // each database has its own identity (database_id), by design
            // ORDER BY every column: deterministic for WITHOUT ROWID tables too.
            if (!q.exec(QStringLiteral("SELECT * FROM %1 LIMIT 0").arg(table)))
                return {};
            QStringList cols;
            for (int i = 0; i < q.record().count(); ++i)
                cols << QString::number(i + 1);
            if (!q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(table, cols.join(QLatin1Char(',')))))
                return {};
            hash.addData(table.toUtf8());
            while (q.next())
                for (int i = 0; i < q.record().count(); ++i)
                    hash.addData((q.value(i).toString() + QLatin1Char('\x1f')).toUtf8());
        }
        return hash.result().toHex();
    }
    static QByteArray digestOf(const QString &path)
    {
        auto db = Database::open(path);
        return db ? digest(db.value()->connection()) : QByteArray();
    }

    QString generate(const QString &name, std::uint64_t seed, DemoGenerator::Summary *summary = nullptr)
    {
        const QString path = m_dir.filePath(name);
        auto db = test::newDatabase(path);
        DemoGenerator::Options o;
        o.teachers = 400;
        o.partners = 80;
        o.minPlaces = 160;
        o.seed = seed;
        auto s = DemoGenerator::generate(db->connection(), o);
        if (!s)
            qWarning("%s", qPrintable(s.message()));
        if (summary && s)
            *summary = s.value();
        return path;
    }

private slots:
    void sameSeedGivesIdenticalDatabase()
    {
        const QString a = generate(QStringLiteral("a.kopru"), 7);
        const QString b = generate(QStringLiteral("b.kopru"), 7);
        const QString c = generate(QStringLiteral("c.kopru"), 8);
        const QByteArray da = digestOf(a);
        QVERIFY(!da.isEmpty());
        QCOMPARE(digestOf(b), da);
        QVERIFY(digestOf(c) != da);
    }

    void dataSetIsRealisticAndConsistent()
    {
        DemoGenerator::Summary summary;
        const QString path = generate(QStringLiteral("d.kopru"), 2024, &summary);
        auto db = Database::open(path);
        QVERIFY(db);
        const QSqlDatabase c = db.value()->connection();
        QCOMPARE(summary.teachers, 400);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM teacher")).toInt(), 400);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM partner")).toInt(), 80);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(DISTINCT field_id) FROM competency")).toInt(), 25);
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT min(n) FROM (SELECT count(*) n FROM competency GROUP BY field_id)")).toInt(), 40);
        // A rating for every teacher × competency of their field (survey round 1).
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM need_rating WHERE round = 1")).toInt(),
            scalar(c, QStringLiteral("SELECT count(*) FROM teacher t JOIN competency k ON k.field_id = t.field_id")).toInt());
        const double na = scalar(c, QStringLiteral("SELECT avg(need IS NULL) FROM need_rating WHERE round = 1")).toDouble();
        QVERIFY2(na > 0.03 && na < 0.07, qPrintable(QString::number(na)));
        QVERIFY(scalar(c, QStringLiteral("SELECT sum(capacity) FROM training_session")).toInt() >= 160);
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT count(*) FROM training_session s WHERE NOT EXISTS "
                                    "(SELECT 1 FROM session_competency WHERE session_id = s.id)"))
                     .toInt(),
            0);
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("SELECT national_id FROM teacher")));
        while (q.next())
            QVERIFY2(NationalId::isValid(q.value(0).toString()), qPrintable(q.value(0).toString()));
        // Pilot provinces carry most teachers.
        QVERIFY(scalar(c, QStringLiteral("SELECT count(*) FROM teacher WHERE province_id IN (6, 34, 35)")).toInt() > 60);
        const IntegrityReport report = checkIntegrity(c);
        QVERIFY2(report.ok(), qPrintable(report.problems.join(QLatin1Char('\n'))));
    }

    // The completed first programme (docs/quality.md, "Demo"): every indicator has
    // something to show, and the programme keeps the schema's rules.
    void firstProgrammeGivesEveryIndicatorSomething()
    {
        DemoGenerator::Summary summary;
        const QString path = generate(QStringLiteral("p.kopru"), 2024, &summary);
        auto db = Database::open(path);
        QVERIFY(db);
        const QSqlDatabase c = db.value()->connection();
        QVERIFY(summary.placements > 50);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM placement")).toInt(), summary.placements);
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT count(*) FROM placement WHERE status NOT IN ('completed', 'cancelled')")).toInt(),
            0);
        // Only sessions of the first programme (before July 2027), within capacity and the teacher's field.
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT count(*) FROM placement p JOIN training_session s ON s.id = p.session_id "
                                    "JOIN teacher t ON t.id = p.teacher_id WHERE s.start_date >= '2027-07-01' "
                                    "OR s.field_id <> t.field_id OR (t.available_from IS NOT NULL AND "
                                    "(s.start_date < t.available_from OR s.end_date > t.available_to))"))
                     .toInt(),
            0);
        auto computed = quality::computeQualityIndicators(c, quality::Grouping::Total);
        QVERIFY2(computed, qPrintable(computed.message()));
        const quality::GroupFigures &t = computed->total;
        QVERIFY(t.placed > 50 && t.participationRate() > 0.05 && t.participationRate() < 0.9);
        QVERIFY2(t.completionRate() > 0.75 && t.completionRate() < 0.97, qPrintable(QString::number(t.completionRate())));
        QVERIFY(t.cancelled > 0);
        int reasons = 0;
        for (const auto &[key, count] : t.dropoutReasons)
            reasons += count > 0 ? 1 : 0;
        QVERIFY(reasons >= 2);
        QCOMPARE(t.dropoutReasons.at(QStringLiteral("not_recorded")), 0);
        QVERIFY2(t.hoursRate() > 0.7 && t.hoursRate() < 1.0, qPrintable(QString::number(t.hoursRate())));
        QVERIFY(t.training.respondents > 20 && t.training.mean() > 2.5 && t.training.mean() < 4.8);
        QVERIFY(t.teacher.respondents > 20 && t.teacher.mean() > 2.5 && t.teacher.mean() < 4.8);
        // The need fell, more on the competencies the sessions taught.
        QVERIFY(t.needChange.paired && t.needChange.n > 10);
        QVERIFY2(t.needChange.ciHigh < 0, qPrintable(QString::number(t.needChange.ciHigh)));
        const double coveredFall = scalar(c,
            QStringLiteral(
                "SELECT avg(b.need - a.need) FROM need_rating a JOIN need_rating b ON b.teacher_id = a.teacher_id "
                "AND b.competency_id = a.competency_id AND b.round = 1 JOIN placement p ON p.teacher_id = a.teacher_id "
                "JOIN session_competency sc ON sc.session_id = p.session_id AND sc.competency_id = a.competency_id "
                "WHERE a.round = 2"))
                                       .toDouble();
        QVERIFY2(coveredFall > 0.6, qPrintable(QString::number(coveredFall)));
        QVERIFY(t.partnersActive > 5);
        QVERIFY(t.highNeeds > 0 && t.highNeedsCovered > 0);
        // The programme's records are version 1, like the rest of the demo.
        QCOMPARE(scalar(c, QStringLiteral("SELECT max(version) FROM placement")).toInt(), 1);
        const IntegrityReport report = checkIntegrity(c);
        QVERIFY2(report.ok(), qPrintable(report.problems.join(QLatin1Char('\n'))));
    }

    // The bulk steps (triggers taken out, foreign keys off and the journal in
    // memory for the transaction) leave the database as a new one is: the
    // same schema and settings, and the triggers and keys at work again.
    void bulkStepsLeaveSchemaAndSettingsAsTheyWere()
    {
        auto db = test::newDatabase(m_dir.filePath(QStringLiteral("s.kopru")));
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        const auto schema = [&c] {
            QStringList rows;
            QSqlQuery q(c);
            if (!q.exec(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")))
                return QStringList { q.lastError().text() };
            while (q.next())
                rows << QStringList { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString() }
                            .join(QLatin1Char('|'));
            return rows;
        };
        const QStringList before = schema();
        QVERIFY(before.size() > 50);
        const QString journal = scalar(c, QStringLiteral("PRAGMA journal_mode")).toString();
        QCOMPARE(scalar(c, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        DemoGenerator::Options o;
        o.teachers = 300;
        o.partners = 60;
        o.minPlaces = 120;
        auto made = DemoGenerator::generate(c, o);
        QVERIFY2(made, qPrintable(made.message()));
        QVERIFY(made->placements > 0);
        QCOMPARE(schema(), before);
        QCOMPARE(scalar(c, QStringLiteral("PRAGMA journal_mode")).toString(), journal);
        QCOMPARE(scalar(c, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        // What the demo made is version 1, though its triggers did not raise and lower the versions row by row.
        for (const char *table : { "partner", "training_session", "placement" })
            QCOMPARE(scalar(c, QStringLiteral("SELECT min(version) || '-' || max(version) FROM %1").arg(QLatin1String(table)))
                         .toString(),
                QStringLiteral("1-1"));
        // partner_competency_added is back: a new competency of a partner raises its version.
        const int partner = scalar(c, QStringLiteral("SELECT min(id) FROM partner")).toInt();
        const int competency = scalar(c,
            QStringLiteral("SELECT min(id) FROM competency WHERE id NOT IN "
                           "(SELECT competency_id FROM partner_competency WHERE partner_id = %1)")
                .arg(partner))
                                   .toInt();
        QVERIFY(Sql::exec(c, QStringLiteral("INSERT INTO partner_competency(partner_id, competency_id) VALUES (?, ?)"),
            { partner, competency }));
        QCOMPARE(scalar(c, QStringLiteral("SELECT version FROM partner WHERE id = %1").arg(partner)).toInt(), 2);
        // attendance_in_session is back: a day outside the session is refused.
        const int placement = scalar(c, QStringLiteral("SELECT min(placement_id) FROM attendance")).toInt();
        QVERIFY(placement > 0);
        QVERIFY(!Sql::exec(
            c, QStringLiteral("INSERT INTO attendance(placement_id, day, hours) VALUES (?, '2020-01-06', 8)"), { placement }));
        // The foreign keys are on again: an answer to a placement that does not exist is refused.
        QVERIFY(!Sql::exec(c,
            QStringLiteral("INSERT INTO evaluation_answer(placement_id, item_id, score) VALUES (999999, "
                           "(SELECT min(id) FROM evaluation_item), 3)")));
    }

    void refusesADatabaseThatHoldsData()
    {
        const QString path = generate(QStringLiteral("e.kopru"), 1);
        auto db = Database::open(path);
        const QByteArray before = digest(db.value()->connection());
        auto again = DemoGenerator::generate(db.value()->connection(), DemoGenerator::Options {});
        QVERIFY(!again);
        QCOMPARE(digest(db.value()->connection()), before);
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
