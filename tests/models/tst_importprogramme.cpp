// SPDX-License-Identifier: GPL-3.0-or-later
// Importing attendance sheets with outcomes and evaluation questionnaires
// (issue #15): exact rows, every bad cell with its position and nothing
// written, idempotent re-imports, totals spread over working days, and the
// quality indicators that follow.
#include "models/db/sql.h"
#include "models/domain/nationalid.h"
#include "models/import/importer.h"
#include "models/import/programmeplan.h"
#include "models/import/scalemapping.h"
#include "models/io/tablereader.h"
#include "models/quality/qualityindicators.h"
#include "tests/common/testutil.h"

#include <QFile>
#include <QSqlError>
#include <QSqlRecord>

using namespace kopru;
using kopru::test::runCli;
using kopru::test::scalar;

namespace {

const QString kFile = QStringLiteral("yoklama.csv");

ImportReport importText(QSqlDatabase db, ImportKind kind, const QString &csv, const ScaleMapping &scale = {})
{
    auto table = TableReader::readBytes(csv.toUtf8(), kFile, {});
    if (!table) {
        ImportReport r;
        r.refuse(table.error());
        return r;
    }
    ImportOptions o;
    o.scale = scale;
    return Importer::run(db, kind, table.value().table, o);
}

ImportReport importFile(QSqlDatabase db, ImportKind kind, const QString &name, const ScaleMapping &scale = {})
{
    auto table = TableReader::read(QStringLiteral(KOPRU_TEST_DATA "/programme/") + name, {});
    if (!table) {
        ImportReport r;
        r.refuse(table.error());
        return r;
    }
    ImportOptions o;
    o.scale = scale;
    return Importer::run(db, kind, table.value().table, o);
}

QString errorsOf(const ImportReport &r)
{
    QStringList l;
    for (const Error &e : r.errors)
        l << r.describe(e);
    return l.join(QLatin1Char('\n'));
}

// The tables an import of this kind may change, as text.
QString dump(QSqlDatabase db)
{
    QStringList lines;
    for (const char *sql : { "SELECT placement_id, day, hours, absence FROM attendance ORDER BY 1, 2",
             "SELECT id, status, cancel_reason, completed_on, version FROM placement ORDER BY 1",
             "SELECT placement_id, item_id, score FROM evaluation_answer ORDER BY 1, 2" }) {
        QSqlQuery q(db);
        if (!q.exec(QLatin1String(sql)))
            return q.lastError().text();
        while (q.next()) {
            QStringList cells;
            for (int i = 0; i < q.record().count(); ++i)
                cells << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
            lines << cells.join(QLatin1Char('|'));
        }
        lines << QStringLiteral("--");
    }
    return lines.join(QLatin1Char('\n'));
}

QStringList rows(QSqlDatabase db, const QString &sql)
{
    QStringList out;
    QSqlQuery q(db);
    if (!q.exec(sql))
        return { q.lastError().text() };
    while (q.next()) {
        QStringList cells;
        for (int i = 0; i < q.record().count(); ++i)
            cells << (q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
        out << cells.join(QLatin1Char('|'));
    }
    return out;
}

const QString kAyse = QStringLiteral("10000000146");
const QString kMehmet = QStringLiteral("17291716060");

} // namespace

class TestImportProgramme : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;

    // Two teachers placed in one session, 14.06.2027 (Monday) to 25.06.2027
    // (Friday): ten working days, 60 hours planned.
    std::unique_ptr<Database> placed()
    {
        auto db = test::newDatabase(m_dir.filePath(QStringLiteral("db%1.kopru").arg(++m_n)));
        if (!db)
            return db;
        const QSqlDatabase c = db->connection();
        const bool ok = Sql::exec(c,
                            QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, province_id) "
                                           "VALUES (1, ?, 'Ayşe', 'Işık', 1, 6), (2, ?, 'Mehmet', 'Öz', 1, 6)"),
                            { kAyse, kMehmet })
            && Sql::exec(c, QStringLiteral("INSERT INTO partner(id, name, province_id) VALUES (1, 'Anadolu Enerji A.Ş.', 6)"))
            && Sql::exec(c,
                QStringLiteral("INSERT INTO training_session(id, partner_id, field_id, start_date, end_date, hours, capacity) "
                               "VALUES (1, 1, 1, '2027-06-14', '2027-06-25', 60, 2), "
                               "(2, 1, 1, '2027-09-06', '2027-09-10', 30, 2)"))
            && Sql::exec(c,
                QStringLiteral("INSERT INTO placement(id, teacher_id, session_id, status) VALUES (1, 1, 1, 'confirmed'), "
                               "(2, 2, 1, 'confirmed')"));
        return ok ? std::move(db) : nullptr;
    }

private slots:
    void sheetRecordsDaysAndOutcomes()
    {
        auto db = placed();
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        const ImportReport r = importFile(c, ImportKind::Attendance, QStringLiteral("yoklama.csv"));
        QVERIFY2(r.ok() && r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(r.inserted, 3); // days
        QCOMPARE(r.updated, 2); // outcomes
        QCOMPARE(
            rows(c, QStringLiteral("SELECT placement_id, day, printf('%.2f', hours), absence FROM attendance ORDER BY 1, 2")),
            QStringList({ QStringLiteral("1|2027-06-14|6.00|NULL"), QStringLiteral("1|2027-06-15|3.50|illness"),
                QStringLiteral("1|2027-06-16|0.00|excused") }));
        QCOMPARE(rows(c, QStringLiteral("SELECT id, status, cancel_reason, completed_on FROM placement ORDER BY 1")),
            QStringList({ QStringLiteral("1|completed|NULL|2027-06-25"), QStringLiteral("2|cancelled|withdrew|NULL") }));

        // The same sheet again changes nothing; the cancelled placement is still found.
        const QString before = dump(c);
        const ImportReport again = importFile(c, ImportKind::Attendance, QStringLiteral("yoklama.csv"));
        QVERIFY2(again.ok() && again.committed, qPrintable(errorsOf(again)));
        QCOMPARE(again.inserted, 0);
        QCOMPARE(again.updated, 0);
        QCOMPARE(again.skipped, 5);
        QCOMPARE(dump(c), before);
    }

    void workbookGivesTheSameRows()
    {
        auto csv = placed();
        auto xlsx = placed();
        QVERIFY(csv && xlsx);
        ImportReport r = importFile(csv->connection(), ImportKind::Attendance, QStringLiteral("yoklama.csv"));
        QVERIFY2(r.committed, qPrintable(errorsOf(r)));
        r = importFile(xlsx->connection(), ImportKind::Attendance, QStringLiteral("yoklama.xlsx"));
        QVERIFY2(r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(r.inserted, 3);
        QCOMPARE(dump(xlsx->connection()), dump(csv->connection()));
    }

    void outcomesKeepWhatTheFileDoesNotSay()
    {
        auto db = placed();
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        QVERIFY(Sql::exec(
            c, QStringLiteral("UPDATE placement SET status = 'completed', completed_on = '2027-06-24' WHERE id = 1; ")));
        QVERIFY(
            Sql::exec(c, QStringLiteral("UPDATE placement SET status = 'cancelled', cancel_reason = 'illness' WHERE id = 2")));
        const QString before = dump(c);
        const ImportReport r = importText(
            c, ImportKind::Attendance, QStringLiteral("TC Kimlik No;Sonuç\n%1;Tamamlandı\n%2;iptal\n").arg(kAyse, kMehmet));
        QVERIFY2(r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(r.skipped, 2);
        QCOMPARE(dump(c), before);
    }

    void qualityIndicatorsFollowTheImport()
    {
        auto db = placed();
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        auto before = quality::computeQualityIndicators(c, quality::Grouping::Total);
        QVERIFY2(before, qPrintable(before.message()));
        QCOMPARE(before.value().total.completed, 0);
        QCOMPARE(before.value().total.cancelled, 0);
        QCOMPARE(before.value().total.training.answers, 0);

        QVERIFY(importFile(c, ImportKind::Attendance, QStringLiteral("yoklama.csv")).committed);
        const ImportReport e = importFile(c, ImportKind::Evaluations, QStringLiteral("degerlendirme.csv"));
        QVERIFY2(e.committed, qPrintable(errorsOf(e)));
        auto after = quality::computeQualityIndicators(c, quality::Grouping::Total);
        QVERIFY2(after, qPrintable(after.message()));
        const quality::GroupFigures &g = after.value().total;
        QCOMPARE(g.completed, 1);
        QCOMPARE(g.cancelled, 1);
        QCOMPARE(g.completionRate(), 0.5);
        QCOMPARE(g.dropoutReasons.at(QStringLiteral("withdrew")), 1);
        QCOMPARE(g.hoursDelivered, 9.5);
        // 5 + 4 + 3 (A3) and 2 + 2 + 1 + 3; "Fikrim yok" and N/A are no answers.
        QCOMPARE(g.training.respondents, 2);
        QCOMPARE(g.training.answers, 7);
        QCOMPARE(g.training.sum, 20.0);
    }

    void totalIsSpreadOverWorkingDays()
    {
        auto db = placed();
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        QVERIFY(importFile(c, ImportKind::Attendance, QStringLiteral("yoklama.csv")).committed);
        // 50 hours over the ten working days: 5 each; the total replaces the
        // three days recorded before.
        ImportReport r = importFile(c, ImportKind::Attendance, QStringLiteral("toplam.csv"));
        QVERIFY2(r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(r.inserted, 7);
        QCOMPARE(r.updated, 3);
        QCOMPARE(rows(c,
                     QStringLiteral(
                         "SELECT count(*), printf('%.2f', sum(hours)), printf('%.2f', min(hours)), printf('%.2f', max(hours)), "
                         "min(day), max(day) FROM attendance")),
            QStringList { QStringLiteral("10|50.00|5.00|5.00|2027-06-14|2027-06-25") });
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM attendance WHERE day IN ('2027-06-19', '2027-06-20')")).toInt(),
            0); // the weekend
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM attendance WHERE absence IS NOT NULL")).toInt(), 0);

        // An uneven total: hundredths, the rest on the last day, the sum exact.
        r = importText(c, ImportKind::Attendance, QStringLiteral("TC Kimlik No;Toplam saat\n%1;7,33\n").arg(kAyse));
        QVERIFY2(r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(rows(c, QStringLiteral("SELECT hours FROM attendance WHERE day IN ('2027-06-14', '2027-06-25') ORDER BY day")),
            QStringList({ QStringLiteral("0.73"), QStringLiteral("0.76") }));
        QCOMPARE(scalar(c, QStringLiteral("SELECT round(sum(hours), 2) FROM attendance")).toDouble(), 7.33);
        const QString before = dump(c);
        r = importText(c, ImportKind::Attendance, QStringLiteral("TC Kimlik No;Toplam saat\n%1;7,33\n").arg(kAyse));
        QVERIFY(r.committed);
        QCOMPARE(r.skipped, 10);
        QCOMPARE(dump(c), before);
    }

    void sessionColumnChoosesThePlacement()
    {
        auto db = placed();
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        // Mehmet's first placement was cancelled; he is placed again in session 2.
        QVERIFY(Sql::exec(c, QStringLiteral("UPDATE placement SET status = 'cancelled' WHERE id = 2")));
        QVERIFY(Sql::exec(
            c, QStringLiteral("INSERT INTO placement(id, teacher_id, session_id, status) VALUES (3, 2, 2, 'confirmed')")));
        ImportReport r
            = importText(c, ImportKind::Attendance, QStringLiteral("TC Kimlik No;Gün;Saat\n%1;06.09.2027;6\n").arg(kMehmet));
        QVERIFY2(r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(
            rows(c, QStringLiteral("SELECT placement_id, day FROM attendance")), QStringList { QStringLiteral("3|2027-09-06") });
        // Only the cancelled placement: found without a session column.
        QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM attendance")));
        QVERIFY(Sql::exec(c, QStringLiteral("UPDATE placement SET status = 'cancelled' WHERE id = 3")));
        r = importText(c, ImportKind::Attendance,
            QStringLiteral("TC Kimlik No;Oturum;Sonuç;İptal nedeni\n%1;1;iptal;hastalık\n").arg(kMehmet));
        QVERIFY2(r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(
            scalar(c, QStringLiteral("SELECT cancel_reason FROM placement WHERE id = 2")).toString(), QStringLiteral("illness"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT cancel_reason FROM placement WHERE id = 3")).isNull(), true);
        r = importText(c, ImportKind::Attendance, QStringLiteral("TC Kimlik No;Sonuç\n%1;iptal\n").arg(kMehmet));
        QVERIFY(!r.committed);
        QVERIFY2(
            errorsOf(r).contains(QStringLiteral("has 2 cancelled placements: add the session column")), qPrintable(errorsOf(r)));
    }

    void badCellsRefuseTheFile_data()
    {
        QTest::addColumn<QString>("csv");
        QTest::addColumn<QString>("expected"); // the described error: file:line:column: header: …
        const QString h = QStringLiteral("TC Kimlik No;Tarih;Saat;Devamsızlık;Sonuç;İptal nedeni;Oturum\n");
        // Line 2 is good: refused with the rest of the file.
        const QString good = QStringLiteral("%1;14.06.2027;6;;tamamladı;;\n").arg(kAyse);
        const QString stranger = NationalId::withCheckDigits(QStringLiteral("123456789"));
        const QList<std::tuple<const char *, QString, const char *>> cases {
            { "day after the session", QStringLiteral("%1;26.06.2027;6;;;;\n").arg(kAyse),
                "yoklama.csv:3:2: Tarih: 26.06.2027 is outside the session (14.06.2027 to 25.06.2027)" },
            { "day before the session", QStringLiteral("%1;2027-06-13;6;;;;\n").arg(kAyse),
                "yoklama.csv:3:2: Tarih: 13.06.2027 is outside the session" },
            { "no date", QStringLiteral("%1;32.06.2027;6;;;;\n").arg(kAyse),
                "yoklama.csv:3:2: Tarih: \"32.06.2027\" is not a day" },
            { "day without hours", QStringLiteral("%1;15.06.2027;;;;;\n").arg(kAyse),
                "yoklama.csv:3:3: Saat: the hours attended are empty" },
            { "hours not a number", QStringLiteral("%1;15.06.2027;altı;;;;\n").arg(kAyse),
                "yoklama.csv:3:3: Saat: \"altı\" is not a number of hours" },
            { "too many hours", QStringLiteral("%1;15.06.2027;25;;;;\n").arg(kAyse),
                "yoklama.csv:3:3: Saat: 25 hours is more than 24" },
            { "absence reason", QStringLiteral("%1;15.06.2027;0;tatil;;;\n").arg(kAyse),
                "yoklama.csv:3:4: Devamsızlık: \"tatil\" is no absence reason" },
            { "absence without day", QStringLiteral("%1;;;izinli;;;\n").arg(kAyse),
                "yoklama.csv:3:4: Devamsızlık: an absence reason needs the day" },
            { "outcome", QStringLiteral("%1;;;;belki;;\n").arg(kAyse), "yoklama.csv:3:5: Sonuç: \"belki\" is no outcome" },
            { "cancel reason", QStringLiteral("%1;;;;iptal;sıkıldı;\n").arg(kAyse),
                "yoklama.csv:3:6: İptal nedeni: \"sıkıldı\" is no cancellation reason" },
            { "cancel reason of a completion", QStringLiteral("%1;;;;tamamladı;hastalık;\n").arg(kAyse),
                "yoklama.csv:3:6: İptal nedeni: a cancellation reason needs the outcome iptal" },
            { "two outcomes", QStringLiteral("%1;;;;iptal;;\n").arg(kAyse),
                "yoklama.csv:3:5: Sonuç: line 2 gives this placement another outcome" },
            { "same day twice", QStringLiteral("%1;14.06.2027;5;;;;\n").arg(kAyse),
                "yoklama.csv:3:2: Tarih: this day of this placement is also on line 2" },
            { "unknown teacher", QStringLiteral("%1;14.06.2027;5;;;;\n").arg(stranger),
                "yoklama.csv:3:1: TC Kimlik No: no teacher has the national ID" },
            { "bad national ID", QStringLiteral("12345678901;14.06.2027;5;;;;\n"), "yoklama.csv:3:1: TC Kimlik No: national ID" },
            { "other session", QStringLiteral("%1;14.06.2027;5;;;;2\n").arg(kMehmet),
                "yoklama.csv:3:7: Oturum: teacher 17291716060 is not placed in session 2" },
        };
        for (const auto &[name, row, expected] : cases)
            QTest::newRow(name) << h + good + row << QString::fromUtf8(expected);
    }

    void badCellsRefuseTheFile()
    {
        QFETCH(QString, csv);
        QFETCH(QString, expected);
        auto db = placed();
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        QVERIFY(importFile(c, ImportKind::Evaluations, QStringLiteral("degerlendirme.csv")).committed);
        const QString before = dump(c);
        const ImportReport r = importText(c, ImportKind::Attendance, csv);
        QVERIFY(!r.committed);
        QVERIFY(r.errorCount >= 1);
        QVERIFY2(errorsOf(r).contains(expected), qPrintable(errorsOf(r)));
        QCOMPARE(dump(c), before); // the good line 2 was not written either
    }

    void placementsOfOthersAreRefused()
    {
        auto db = placed();
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        // Mehmet's placement is centre 1's: the national office does not change it.
        QVERIFY(Sql::exec(c, QStringLiteral("UPDATE placement SET owner_centre_id = (SELECT min(id) FROM centre) WHERE id = 2")));
        const QString before = dump(c);
        const ImportReport r = importFile(c, ImportKind::Attendance, QStringLiteral("yoklama.csv"));
        QVERIFY(!r.committed);
        QCOMPARE(r.errorCount, 1);
        QVERIFY2(errorsOf(r).contains(QStringLiteral("yoklama.csv:5: this row changes a placement: it belongs to centre")),
            qPrintable(errorsOf(r)));
        QCOMPARE(dump(c), before);
    }

    void headerProblemsRefuseTheFile()
    {
        auto db = placed();
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        ImportReport r = importText(c, ImportKind::Attendance, QStringLiteral("TC Kimlik No;Tarih\n%1;14.06.2027\n").arg(kAyse));
        QVERIFY(!r.committed);
        QVERIFY2(errorsOf(r).contains(QStringLiteral("yoklama.csv:1: the columns day and hours go together")),
            qPrintable(errorsOf(r)));
        r = importText(
            c, ImportKind::Attendance, QStringLiteral("TC Kimlik No;Tarih;Saat;Toplam saat\n%1;14.06.2027;5;40\n").arg(kAyse));
        QVERIFY2(errorsOf(r).contains(QStringLiteral("yoklama.csv:2:4: Toplam saat: a row holds either a day")),
            qPrintable(errorsOf(r)));
        r = importText(c, ImportKind::Evaluations, QStringLiteral("TC Kimlik No;Soru\n%1;5\n").arg(kAyse));
        QVERIFY2(
            errorsOf(r).contains(QStringLiteral("yoklama.csv:1: no column names a questionnaire item")), qPrintable(errorsOf(r)));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM attendance")).toInt(), 0);
    }

    void evaluationsFromASurveyExport()
    {
        auto db = placed();
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        // Headers: item text with code, code, LimeSurvey Q1[T3]; answers 1-5, A3, N/A labels, empty.
        ImportReport r = importFile(c, ImportKind::Evaluations, QStringLiteral("degerlendirme.csv"));
        QVERIFY2(r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(r.inserted, 9);
        QCOMPARE(rows(c,
                     QStringLiteral("SELECT a.placement_id, i.code, a.score FROM evaluation_answer a JOIN evaluation_item i ON "
                                    "i.id = a.item_id ORDER BY 1, 2")),
            QStringList({ QStringLiteral("1|T1|5"), QStringLiteral("1|T2|4"), QStringLiteral("1|T3|NULL"),
                QStringLiteral("1|T4|3"), QStringLiteral("2|T1|2"), QStringLiteral("2|T2|2"), QStringLiteral("2|T3|1"),
                QStringLiteral("2|T4|NULL"), QStringLiteral("2|T5|3") }));
        const QString before = dump(c);
        r = importFile(c, ImportKind::Evaluations, QStringLiteral("degerlendirme.csv"));
        QVERIFY(r.committed);
        QCOMPARE(r.skipped, 9);
        QCOMPARE(dump(c), before);

        // The partner's evaluation with the survey's own labels: refused
        // without the scale, imported with it.
        r = importFile(c, ImportKind::Evaluations, QStringLiteral("isletme.csv"));
        QVERIFY(!r.committed);
        QVERIFY2(
            errorsOf(r).contains(QStringLiteral("isletme.csv:2:2: P1: \"Çok iyi\" is not a level")), qPrintable(errorsOf(r)));
        QCOMPARE(dump(c), before);
        auto scale = ScaleMapping::parse(QStringLiteral("Çok kötü=1,Kötü=2,Orta=3,İyi=4,Çok iyi=5"));
        QVERIFY(scale);
        r = importFile(c, ImportKind::Evaluations, QStringLiteral("isletme.csv"), scale.value());
        QVERIFY2(r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(rows(c,
                     QStringLiteral("SELECT group_concat(score, ',') FROM (SELECT a.score FROM evaluation_answer a JOIN "
                                    "evaluation_item i ON i.id = a.item_id WHERE i.kind = 'teacher' ORDER BY i.code)")),
            QStringList { QStringLiteral("5,4,3,5,2") });
        // A changed answer is updated, nothing else.
        r = importText(c, ImportKind::Evaluations, QStringLiteral("TC Kimlik No;T2\n%1;1\n").arg(kAyse));
        QVERIFY(r.committed);
        QCOMPARE(r.updated, 1);
        QCOMPARE(r.inserted + r.skipped, 0);

        // Bad answers: position and column, nothing written.
        const QString now = dump(c);
        r = importText(
            c, ImportKind::Evaluations, QStringLiteral("TC Kimlik No;T1;T2\n%1;4;7\n%2;4;4\n%2;3;3\n").arg(kAyse, kMehmet));
        QVERIFY(!r.committed);
        QVERIFY2(
            errorsOf(r).contains(QStringLiteral("yoklama.csv:2:3: T2: 7 is outside the scale 1 to 5")), qPrintable(errorsOf(r)));
        QVERIFY2(errorsOf(r).contains(
                     QStringLiteral("yoklama.csv:4:1: TC Kimlik No: the evaluation of this placement is also on line 3")),
            qPrintable(errorsOf(r)));
        QCOMPARE(dump(c), now);
    }

    void commandLine()
    {
        QString path;
        {
            auto db = placed();
            QVERIFY(db);
            path = db->path();
        }
        const QString sheet = QStringLiteral(KOPRU_TEST_DATA "/programme/yoklama.csv");
        QString out, err;
        QCOMPARE(runCli({ QStringLiteral("import"), path, QStringLiteral("attendance"), sheet }, &out, &err), 0);
        QCOMPARE(out.trimmed(), QStringLiteral("attendance: 3 attendance days and outcomes inserted, 2 updated, 0 skipped"));
        QCOMPARE(runCli({ QStringLiteral("import"), path, QStringLiteral("attendance"), sheet }, &out, &err), 0);
        QCOMPARE(out.trimmed(), QStringLiteral("attendance: 0 attendance days and outcomes inserted, 0 updated, 5 skipped"));

        const QString evaluations = m_dir.filePath(QStringLiteral("anket.csv"));
        QFile f(evaluations);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("TC Kimlik No;P1;P2\n%1;İyi;Berbat\n").arg(kAyse).toUtf8());
        f.close();
        const QStringList scale { QStringLiteral("--scale"), QStringLiteral("Kötü=1,Orta=3,İyi=5") };
        QCOMPARE(runCli(QStringList { QStringLiteral("import"), path, QStringLiteral("evaluations"), evaluations } + scale, &out,
                     &err),
            1);
        QVERIFY2(err.contains(evaluations + QStringLiteral(":2:3: P2: ")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("Berbat")), qPrintable(err));
        QCOMPARE(
            runCli(QStringList { QStringLiteral("import"), path, QStringLiteral("attendance"), sheet } + scale, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("--scale is for needs and evaluation files only")), qPrintable(err));
        auto db = Database::open(path);
        QVERIFY(db);
        QCOMPARE(scalar(db.value()->connection(), QStringLiteral("SELECT count(*) FROM evaluation_answer")).toInt(), 0);
    }

    void itemsAreMappedByCodeOrText()
    {
        auto db = placed();
        QVERIFY(db);
        const QStringList header { QStringLiteral("TC Kimlik No"), QStringLiteral("p3"),
            QStringLiteral("The teacher was motivated and took an active part."), QStringLiteral("Q2[T5]"),
            QStringLiteral("Yorum") };
        const ColumnMapping m = Importer::mapping(db->connection(), ImportKind::Evaluations, header, {});
        QCOMPARE(m.targets,
            QStringList({ QStringLiteral("national_id"), QStringLiteral("item:P3"), QStringLiteral("item:P2"),
                QStringLiteral("item:T5"), QString() }));
    }
};

QTEST_GUILESS_MAIN(TestImportProgramme)
#include "tst_importprogramme.moc"
