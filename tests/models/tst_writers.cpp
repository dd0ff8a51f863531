// SPDX-License-Identifier: GPL-3.0-or-later
// Two writers at once, in every pairing of import, plan run, KVKK erasure
// and GUI edits (the undo commands): each reads, validates and writes inside
// one write transaction, or detects that the data changed and refuses; the
// result is always that of one writer after the other, never a mix, and a
// writer that finds the database busy says so instead of blaming a line of
// a valid file. Each test makes the first writer pause inside its
// transaction (its own hook: Importer's beforeCommit, the planner's progress)
// while the second one starts on its own connection and thread.
#include "models/db/connection.h"
#include "models/db/integritycheck.h"
#include "models/db/transaction.h"
#include "models/demo/demogenerator.h"
#include "models/editing/setratingcommand.h"
#include "models/editing/setvaluecommand.h"
#include "models/import/importer.h"
#include "models/io/csvreader.h"
#include "models/planning/planner.h"
#include "models/safety/purge.h"
#include "tests/common/testutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSemaphore>
#include <QThread>
#include <functional>

using namespace kopru;
using kopru::test::scalar;

namespace {

constexpr int kPauseMs = 400; // how long the first writer holds its transaction

// Runs `work` on a thread of its own (connections are per thread).
class Worker
{
public:
    explicit Worker(std::function<void()> work)
        : m_thread(QThread::create(std::move(work)))
    {
        m_thread->start();
    }
    ~Worker() { join(); }
    void join()
    {
        if (m_thread) {
            m_thread->wait();
            m_thread.reset();
        }
    }

private:
    std::unique_ptr<QThread> m_thread;
};

// Runs `first` on a thread of its own; once it calls the pause function it
// is given (from inside its transaction), `second` starts on another thread
// while the first keeps its transaction for kPauseMs. Returns once both
// ended; false when the first never paused.
using Pause = std::function<void()>;
bool overlap(const std::function<void(const Pause &)> &first, const std::function<void()> &second)
{
    QSemaphore paused;
    const Pause pause = [&paused] {
        paused.release();
        QThread::msleep(kPauseMs);
    };
    Worker a([&] { first(pause); });
    if (!paused.tryAcquire(1, 20000))
        return false;
    Worker b(second);
    return true;
}

// An import whose writing pauses (inside its transaction) with `pause`.
ImportOptions pausingImport(const Pause &pause)
{
    ImportOptions options;
    options.beforeCommit = [pause] {
        pause();
        return Status();
    };
    return options;
}

// A plan run that pauses (inside its transaction) with `pause` before storing.
Planner::Progress pausingPlan(const Pause &pause)
{
    return [pause](int percent) {
        if (percent == 80)
            pause();
    };
}

SourceTable table(const QString &csv)
{
    auto t = CsvReader::read(csv.toUtf8(), CsvReader::Options { Encoding::Utf8, QLatin1Char(';'), QStringLiteral("file.csv") });
    return t ? t.value().table : SourceTable {};
}

// A teachers file: the first `count` teachers of field 1 by id, with the
// given first name (a new value for everyone).
QString teachersCsv(QSqlDatabase db, int count, const QString &firstName)
{
    QString csv = QStringLiteral("TC Kimlik No;Ad\n");
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT national_id FROM teacher ORDER BY id LIMIT %1").arg(count));
    while (q.next())
        csv += q.value(0).toString() + QLatin1Char(';') + firstName + QLatin1Char('\n');
    return csv;
}

// A long needs file: every rating of the first `teachers` teachers at `need`.
QString needsCsv(QSqlDatabase db, int teachers, int need)
{
    QString csv = QStringLiteral("TC Kimlik No;Yeterlik;İhtiyaç\n");
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT t.national_id, c.code FROM teacher t JOIN competency c ON c.field_id = t.field_id "
                          "WHERE t.id IN (SELECT id FROM teacher ORDER BY id LIMIT %1) ORDER BY t.id, c.id")
               .arg(teachers));
    while (q.next())
        csv += q.value(0).toString() + QLatin1Char(';') + q.value(1).toString() + QLatin1Char(';') + QString::number(need)
            + QLatin1Char('\n');
    return csv;
}

} // namespace

class TestWriters : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_base;
    int m_n = 0;

    // A fresh copy of the small demo database.
    QString newDatabase()
    {
        const QString path = m_dir.filePath(QStringLiteral("w%1.kopru").arg(++m_n));
        if (!QFile::copy(m_base, path))
            return {};
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        return path;
    }

    static std::unique_ptr<Database> open(const QString &path)
    {
        auto db = Database::open(path);
        return db ? std::move(db.value()) : nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_base = m_dir.filePath(QStringLiteral("base.kopru"));
        DemoGenerator::Options options;
        options.teachers = 300;
        options.partners = 60;
        options.minPlaces = 120;
        options.seed = 19;
        auto db = Database::create(m_base, [&](QSqlDatabase c) -> Status {
            auto made = DemoGenerator::generate(c, options);
            return made ? Status() : Status(made.error());
        });
        QVERIFY2(db, qPrintable(db.message()));
    }

    // The case: while import A is between reading and writing,
    // import B of the same teachers starts. B must see A's rows (update
    // them), not fail with a UNIQUE error at a line of its valid file.
    void importWhileImporting()
    {
        const QString path = newDatabase();
        auto main = open(path);
        QVERIFY(main);
        // Both files insert the same new ratings: teachers 1..20 lose their ratings first.
        const QString a = needsCsv(main->connection(), 20, 2);
        const QString b = needsCsv(main->connection(), 20, 5);
        QVERIFY(Sql::exec(main->connection(),
            QStringLiteral("DELETE FROM need_rating WHERE teacher_id IN (SELECT id FROM teacher ORDER BY id LIMIT 20)")));
        const int expected = int(table(a).rows.size());
        QVERIFY(expected > 100);

        ImportReport reportA, reportB;
        QVERIFY(overlap(
            [&](const Pause &pause) {
                reportA = Importer::run(open(path)->connection(), ImportKind::Needs, table(a), pausingImport(pause));
            },
            [&] { reportB = Importer::run(open(path)->connection(), ImportKind::Needs, table(b), {}); }));
        QVERIFY2(reportA.ok(), qPrintable(reportA.errors.value(0).toString()));
        QVERIFY2(reportB.ok(), qPrintable(reportB.errors.value(0).toString()));
        QCOMPARE(reportA.inserted, expected);
        // B ran after A: it updated A's ratings.
        QCOMPARE(reportB.inserted, 0);
        QCOMPARE(reportB.updated, expected);
        const QString ofThem = QStringLiteral(" AND teacher_id IN (SELECT id FROM teacher ORDER BY id LIMIT 20)");
        QCOMPARE(scalar(main->connection(), QStringLiteral("SELECT count(*) FROM need_rating WHERE need = 5") + ofThem).toInt(),
            expected);
        QCOMPARE(
            scalar(main->connection(), QStringLiteral("SELECT count(*) FROM need_rating WHERE need <> 5") + ofThem).toInt(), 0);
    }

    // Teachers: B renames the teachers A renames; B's names win, nothing mixed.
    void teachersImportWhileImporting()
    {
        const QString path = newDatabase();
        auto main = open(path);
        QVERIFY(main);
        const QString a = teachersCsv(main->connection(), 50, QStringLiteral("Ayşe"));
        const QString b = teachersCsv(main->connection(), 50, QStringLiteral("Büşra"));
        ImportReport reportA, reportB;
        QVERIFY(overlap(
            [&](const Pause &pause) {
                reportA = Importer::run(open(path)->connection(), ImportKind::Teachers, table(a), pausingImport(pause));
            },
            [&] { reportB = Importer::run(open(path)->connection(), ImportKind::Teachers, table(b), {}); }));
        QVERIFY2(
            reportA.ok() && reportB.ok(), qPrintable(reportA.errors.value(0).toString() + reportB.errors.value(0).toString()));
        QCOMPARE(reportB.updated, 50);
        const QString first50 = QStringLiteral(" AND id IN (SELECT id FROM teacher ORDER BY id LIMIT 50)");
        QCOMPARE(scalar(main->connection(), QStringLiteral("SELECT count(*) FROM teacher WHERE first_name = 'Büşra'") + first50)
                     .toInt(),
            50);
    }

    // A plan run holds its transaction from reading to storing: an import
    // that starts meanwhile waits and then writes on top of the stored plan.
    void importWhilePlanning()
    {
        const QString path = newDatabase();
        auto main = open(path);
        QVERIFY(main);
        const QString b = teachersCsv(main->connection(), 30, QStringLiteral("Zeynep"));
        QString planError = QStringLiteral("no plan run");
        ImportReport report;
        QVERIFY(overlap(
            [&](const Pause &pause) { planError = Planner::run(open(path)->connection(), {}, pausingPlan(pause)).message(); },
            [&] { report = Importer::run(open(path)->connection(), ImportKind::Teachers, table(b), {}); }));
        QVERIFY2(planError.isEmpty(), qPrintable(planError));
        QVERIFY2(report.ok(), qPrintable(report.errors.value(0).toString()));
        QCOMPARE(scalar(main->connection(), QStringLiteral("SELECT count(*) FROM plan_run")).toInt(), 1);
        QVERIFY(scalar(main->connection(), QStringLiteral("SELECT count(*) FROM placement")).toInt() > 0);
        QCOMPARE(scalar(main->connection(),
                     QStringLiteral("SELECT count(*) FROM teacher WHERE first_name = 'Zeynep' "
                                    "AND id IN (SELECT id FROM teacher ORDER BY id LIMIT 30)"))
                     .toInt(),
            30);
        // The import came second: its audit entry follows the plan run.
        QCOMPARE(scalar(main->connection(), QStringLiteral("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1")).toString(),
            QStringLiteral("import"));
    }

    // Two plan runs: the second plans on the first's stored placements; each
    // teacher is placed at most once.
    void planWhilePlanning()
    {
        const QString path = newDatabase();
        QString first, second;
        QVERIFY(
            overlap([&](const Pause &pause) { first = Planner::run(open(path)->connection(), {}, pausingPlan(pause)).message(); },
                [&] { second = Planner::run(open(path)->connection(), {}).message(); }));
        QVERIFY2(first.isEmpty() && second.isEmpty(), qPrintable(first + second));
        auto main = open(path);
        QCOMPARE(scalar(main->connection(), QStringLiteral("SELECT count(*) FROM plan_run")).toInt(), 2);
        // Only the second run's proposals are left (it replaced the first's).
        QCOMPARE(scalar(main->connection(),
                     QStringLiteral("SELECT count(DISTINCT plan_run_id) FROM placement WHERE status = 'proposed'"))
                     .toInt(),
            1);
        QCOMPARE(scalar(main->connection(), QStringLiteral("SELECT count(*) FROM placement WHERE status <> 'cancelled'")).toInt(),
            scalar(main->connection(),
                QStringLiteral("SELECT count(DISTINCT teacher_id) FROM placement WHERE status <> 'cancelled'"))
                .toInt());
        QVERIFY(checkIntegrity(main->connection()).ok());
    }

    // An erasure while a plan run holds its transaction: the erasure waits,
    // then removes the teacher's new placement too. Nothing of the teacher
    // is left, and the plan did not fail on a teacher that vanished.
    void purgeWhilePlanning()
    {
        const QString path = newDatabase();
        int teacher = 0;
        {
            auto main = open(path);
            teacher = scalar(main->connection(), QStringLiteral("SELECT min(id) FROM teacher")).toInt();
        }
        QString planError = QStringLiteral("no plan run");
        Status purged;
        QVERIFY(overlap(
            [&](const Pause &pause) { planError = Planner::run(open(path)->connection(), {}, pausingPlan(pause)).message(); },
            [&] { purged = purgeTeacher(open(path)->connection(), teacher); }));
        QVERIFY2(planError.isEmpty(), qPrintable(planError));
        QVERIFY2(purged, qPrintable(purged.message()));
        auto main = open(path);
        for (const char *sql : { "SELECT count(*) FROM teacher WHERE id = ?",
                 "SELECT count(*) FROM placement WHERE teacher_id = ?", "SELECT count(*) FROM need_rating WHERE teacher_id = ?" })
            QCOMPARE(Sql::scalar(main->connection(), QString::fromLatin1(sql), { teacher }).value().toInt(), 0);
        QVERIFY(checkIntegrity(main->connection()).ok());
    }

    // An import of ratings while the teacher is erased: either the erasure
    // comes second and removes the new ratings too, or it comes first and
    // the import refuses the rows of a teacher that no longer exists. Never
    // a FOREIGN KEY error, never a rating of an erased teacher.
    void importWhilePurging()
    {
        const QString path = newDatabase();
        auto main = open(path);
        QVERIFY(main);
        const int teacher = scalar(main->connection(), QStringLiteral("SELECT min(id) FROM teacher")).toInt();
        const QString csv = needsCsv(main->connection(), 1, 4);
        ImportReport report;
        Status purged;
        QVERIFY(overlap(
            [&](const Pause &pause) {
                report = Importer::run(open(path)->connection(), ImportKind::Needs, table(csv), pausingImport(pause));
            },
            [&] { purged = purgeTeacher(open(path)->connection(), teacher); }));
        QVERIFY2(report.ok(), qPrintable(report.errors.value(0).toString()));
        QVERIFY2(purged, qPrintable(purged.message()));
        QCOMPARE(
            Sql::scalar(main->connection(), QStringLiteral("SELECT count(*) FROM need_rating WHERE teacher_id = ?"), { teacher })
                .value()
                .toInt(),
            0);

        // The other order: the erasure holds its transaction first … which
        // it does only briefly; so erase, then import the same file.
        const QString path2 = newDatabase();
        auto second2 = open(path2);
        const int teacher2 = scalar(second2->connection(), QStringLiteral("SELECT min(id) FROM teacher")).toInt();
        const QString csv2 = needsCsv(second2->connection(), 1, 4);
        QVERIFY(purgeTeacher(second2->connection(), teacher2));
        const ImportReport late = Importer::run(second2->connection(), ImportKind::Needs, table(csv2), {});
        QVERIFY(!late.ok());
        QVERIFY2(late.errors.value(0).message.contains(QStringLiteral("no teacher with national ID")),
            qPrintable(late.errors.value(0).toString()));
    }

    // A GUI edit made from what the window showed, after an import changed
    // the same value: refused as changed meanwhile (no lost update), and
    // the same for undo.
    void editAfterImportChangedTheValue()
    {
        const QString path = newDatabase();
        auto gui = open(path);
        QVERIFY(gui);
        const int id = scalar(gui->connection(), QStringLiteral("SELECT min(id) FROM teacher")).toInt();
        const QString shown
            = Sql::scalar(gui->connection(), QStringLiteral("SELECT first_name FROM teacher WHERE id = ?"), { id })
                  .value()
                  .toString();
        // Another program (an import) changes the name.
        {
            auto other = open(path);
            QVERIFY(
                Sql::exec(other->connection(), QStringLiteral("UPDATE teacher SET first_name = 'Deniz' WHERE id = ?"), { id }));
        }
        auto edit = std::make_unique<SetValueCommand>(gui->connection(), QStringLiteral("teacher"), QStringLiteral("first_name"),
            id, shown, QStringLiteral("Elif"), QStringLiteral("edit"));
        const Status s = edit->execute();
        QVERIFY(!s);
        QVERIFY2(s.message().contains(QStringLiteral("changed meanwhile")), qPrintable(s.message()));
        QCOMPARE(Sql::scalar(gui->connection(), QStringLiteral("SELECT first_name FROM teacher WHERE id = ?"), { id })
                     .value()
                     .toString(),
            QStringLiteral("Deniz"));

        // Undo after another program changed the value again: refused too.
        auto edit2 = std::make_unique<SetValueCommand>(gui->connection(), QStringLiteral("teacher"), QStringLiteral("first_name"),
            id, QStringLiteral("Deniz"), QStringLiteral("Elif"), QStringLiteral("edit"));
        QVERIFY(edit2->execute());
        {
            auto other = open(path);
            QVERIFY(
                Sql::exec(other->connection(), QStringLiteral("UPDATE teacher SET first_name = 'Ferhat' WHERE id = ?"), { id }));
        }
        edit2->undo(); // reports through ChangeNotifier and marks the command obsolete
        QVERIFY(edit2->isObsolete());
        QCOMPARE(Sql::scalar(gui->connection(), QStringLiteral("SELECT first_name FROM teacher WHERE id = ?"), { id })
                     .value()
                     .toString(),
            QStringLiteral("Ferhat"));

        // Ratings likewise.
        const auto rating = [&](const char *sql) { return Sql::scalar(gui->connection(), QString::fromLatin1(sql)).value(); };
        const int t = rating("SELECT teacher_id FROM need_rating WHERE round = 1 ORDER BY 1, competency_id LIMIT 1").toInt();
        const int c = rating("SELECT competency_id FROM need_rating WHERE round = 1 ORDER BY teacher_id, 1 LIMIT 1").toInt();
        const QVariant old = Sql::scalar(gui->connection(),
            QStringLiteral("SELECT need FROM need_rating WHERE teacher_id = ? AND competency_id = ? AND round = 1"), { t, c })
                                 .value();
        {
            auto other = open(path);
            QVERIFY(Sql::exec(other->connection(),
                QStringLiteral("UPDATE need_rating SET need = CASE WHEN need = 5 THEN 1 ELSE 5 END "
                               "WHERE teacher_id = ? AND competency_id = ? AND round = 1"),
                { t, c }));
        }
        SetRatingCommand rate(gui->connection(), t, c, SetRatingCommand::Column::Need, true, old, 3, QStringLiteral("rate"));
        const Status r = rate.execute();
        QVERIFY(!r);
        QVERIFY2(r.message().contains(QStringLiteral("changed meanwhile")), qPrintable(r.message()));
    }

    // A GUI edit while an import holds its transaction waits for it (the
    // busy timeout) and then applies to the imported state.
    void editWhileImporting()
    {
        const QString path = newDatabase();
        auto gui = open(path);
        QVERIFY(gui);
        const int id = scalar(gui->connection(), QStringLiteral("SELECT min(id) FROM teacher")).toInt();
        const QString phone
            = Sql::scalar(gui->connection(), QStringLiteral("SELECT phone FROM teacher WHERE id = ?"), { id }).value().toString();
        const QString csv = teachersCsv(gui->connection(), 10, QStringLiteral("Gül"));
        ImportReport report;
        Status edited;
        qint64 waited = 0;
        QVERIFY(overlap(
            [&](const Pause &pause) {
                report = Importer::run(open(path)->connection(), ImportKind::Teachers, table(csv), pausingImport(pause));
            },
            [&] {
                // The window's own connection is of its thread: the edit opens one here.
                QElapsedTimer timer;
                timer.start();
                const auto window = open(path);
                SetValueCommand edit(window->connection(), QStringLiteral("teacher"), QStringLiteral("phone"), id, phone,
                    QStringLiteral("0312 555 12 34"), QStringLiteral("edit"));
                edited = edit.execute();
                waited = timer.elapsed();
            }));
        QVERIFY2(edited, qPrintable(edited.message()));
        QVERIFY(report.ok());
        QVERIFY(waited >= kPauseMs / 2); // it waited for the import
        QCOMPARE(
            Sql::scalar(gui->connection(), QStringLiteral("SELECT first_name || ' ' || phone FROM teacher WHERE id = ?"), { id })
                .value()
                .toString(),
            QStringLiteral("Gül 0312 555 12 34"));
    }

    // A GUI edit of a teacher who was erased meanwhile.
    void editAfterPurge()
    {
        const QString path = newDatabase();
        auto gui = open(path);
        const int id = scalar(gui->connection(), QStringLiteral("SELECT min(id) FROM teacher")).toInt();
        const QString phone
            = Sql::scalar(gui->connection(), QStringLiteral("SELECT phone FROM teacher WHERE id = ?"), { id }).value().toString();
        {
            auto other = open(path);
            QVERIFY(purgeTeacher(other->connection(), id));
        }
        SetValueCommand edit(gui->connection(), QStringLiteral("teacher"), QStringLiteral("phone"), id, phone,
            QStringLiteral("1"), QStringLiteral("edit"));
        const Status s = edit.execute();
        QVERIFY(!s);
        QVERIFY2(s.message().contains(QStringLiteral("no longer exists")), qPrintable(s.message()));
        QCOMPARE(
            Sql::scalar(gui->connection(), QStringLiteral("SELECT count(*) FROM teacher WHERE id = ?"), { id }).value().toInt(),
            0);
    }

    // Another program holds the write lock longer than the busy timeout: the
    // import says the database is being written by another program, names
    // the database, and writes nothing.
    void busyDatabaseIsReportedAsBusy()
    {
        const QString path = newDatabase();
        auto main = open(path);
        const QString csv = teachersCsv(main->connection(), 5, QStringLiteral("Hale"));
        auto holder = Connection::open(path, Connection::Access::ReadWrite);
        QVERIFY(holder);
        QVERIFY(Sql::exec(holder.value()->db(), QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(Sql::exec(main->connection(), QStringLiteral("PRAGMA busy_timeout = 200")));
        const ImportReport report = Importer::run(main->connection(), ImportKind::Teachers, table(csv), {});
        QVERIFY(!report.ok());
        QCOMPARE(report.errorCount, 1);
        const Error e = report.errors.first();
        QVERIFY2(e.message.contains(QStringLiteral("being written by another program")), qPrintable(e.toString()));
        QCOMPARE(e.file, path);
        QCOMPARE(e.line, 0);
        for (auto run : { 0, 1 }) {
            Q_UNUSED(run)
            const Status purged = purgeTeacher(main->connection(), 1);
            QVERIFY(!purged);
            QVERIFY2(purged.message().contains(QStringLiteral("being written by another program")), qPrintable(purged.message()));
        }
        auto plan = Planner::run(main->connection(), {});
        QVERIFY(!plan);
        QVERIFY2(plan.message().contains(QStringLiteral("being written by another program")) && plan.error().file == path,
            qPrintable(plan.message()));
        QVERIFY(Sql::exec(holder.value()->db(), QStringLiteral("ROLLBACK")));
        QCOMPARE(scalar(main->connection(), QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWriters)
#include "tst_writers.moc"
