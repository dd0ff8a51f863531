// SPDX-License-Identifier: GPL-3.0-or-later
// Crash safety: `kopru-cli import` and `kopru-cli plan` are killed with
// SIGKILL at random moments (seeded, so a failure can be replayed); after each
// kill the database must pass the full integrity check and hold either the
// data from before the command or exactly the data of a complete run — never
// a part of it.
#include "models/db/integritycheck.h"
#include "tests/common/tableexporter.h"
#include "tests/common/testutil.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlRecord>

using namespace kopru;

namespace {

// A checksum of the rows an import of needs or a plan run changes.
QByteArray checksum(const QString &path, const QString &sql)
{
    auto db = Database::open(path); // read-write: recovers a WAL left by the killed process
    if (!db) {
        qWarning("%s", qPrintable(db.message()));
        return {};
    }
    QSqlQuery q(db.value()->connection());
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        qWarning("%s", qPrintable(Sql::errorOf(q).message));
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 rows = 0;
    const int columns = q.record().count();
    while (q.next()) {
        ++rows;
        for (int i = 0; i < columns; ++i) {
            hash.addData(q.value(i).toString().toUtf8());
            hash.addData("\x1f");
        }
        hash.addData("\x1e");
    }
    return QByteArray::number(rows) + ':' + hash.result().toHex().left(16);
}

bool copyDatabase(const QString &from, const QString &to)
{
    for (const char *suffix : { "", "-wal", "-shm" })
        QFile::remove(to + QLatin1String(suffix));
    return QFile::copy(from, to);
}

const QString kNeedsRows
    = QStringLiteral("SELECT teacher_id, competency_id, round, need, proficiency FROM need_rating ORDER BY 1, 2, 3");
const QString kPlanRows = QStringLiteral("SELECT p.teacher_id, p.session_id, p.status, p.locked, (SELECT count(*) FROM plan_run) "
                                         "FROM placement p ORDER BY 1, 2");

} // namespace

class TestCrash : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    QString m_importBase, m_planBase, m_csv;
    QByteArray m_importBefore, m_importAfter, m_planBefore, m_planAfter;
    qint64 m_importMs = 0, m_planMs = 0;
    int m_interrupted = 0, m_completed = 0, m_untouched = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QStringList importArgs(const QString &db) const { return { QStringLiteral("import"), db, QStringLiteral("needs"), m_csv }; }
    static QStringList planArgs(const QString &db) { return { QStringLiteral("plan"), db }; }

    // Runs to the end; returns the exit code and the wall time.
    int runFully(const QStringList &args, qint64 *ms, QString *err)
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        QElapsedTimer t;
        t.start();
        p.start(QStringLiteral(KOPRU_CLI), args);
        if (!p.waitForFinished(180000))
            return -1;
        *ms = t.elapsed();
        *err = QString::fromUtf8(p.readAllStandardError());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    }

    // Starts the command and kills it after `delayMs` (if still running).
    // Returns true when the kill hit a running process.
    bool runAndKill(const QStringList &args, int delayMs)
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(QStringLiteral(KOPRU_CLI), args);
        if (!p.waitForStarted(10000))
            return false;
        if (p.waitForFinished(delayMs))
            return false; // finished before the kill
        p.kill(); // SIGKILL on POSIX
        p.waitForFinished(10000);
        return true;
    }

    void checkAfterKill(const QString &db, const QString &rowsSql, const QByteArray &before, const QByteArray &after, bool killed)
    {
        {
            auto opened = Database::open(db);
            QVERIFY2(opened, qPrintable(opened.message()));
            const IntegrityReport report = checkIntegrity(opened.value()->connection());
            QVERIFY2(report.ok(), qPrintable(report.problems.mid(0, 5).join(QLatin1Char('\n'))));
        }
        const QByteArray now = checksum(db, rowsSql);
        QVERIFY2(now == before || now == after,
            qPrintable(QStringLiteral("partial change: %1 (before %2, complete %3)")
                           .arg(QString::fromLatin1(now), QString::fromLatin1(before), QString::fromLatin1(after))));
        if (!killed)
            ++m_completed;
        else if (now == before)
            ++m_untouched, ++m_interrupted;
        else
            ++m_interrupted;
    }

private slots:
    void initTestCase()
    {
#ifndef Q_OS_UNIX
        QSKIP("SIGKILL crash test: POSIX only");
#endif
        QVERIFY(m_dir.isValid());
        // The commands' automatic backups go to a scratch folder.
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("xdg-data")));
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("xdg-config")));

        QString out, err;
        for (const char *command : { "import", "plan" }) {
            test::runCli({ QString::fromLatin1(command) }, &out, &err);
            if (err.contains(QStringLiteral("not available yet")))
                QSKIP(qPrintable(QStringLiteral("kopru-cli %1 is not available yet").arg(QLatin1String(command))));
        }

        const QString demo = path(QStringLiteral("demo.kopru"));
        QCOMPARE(
            test::runCli({ QStringLiteral("demo"), demo, QStringLiteral("--teachers"), QStringLiteral("3000"),
                             QStringLiteral("--partners"), QStringLiteral("600"), QStringLiteral("--seed"), QStringLiteral("7") },
                &out, &err),
            0);
        m_csv = path(QStringLiteral("needs.csv"));
        m_importBase = path(QStringLiteral("import-base.kopru"));
        m_planBase = demo;
        {
            auto db = Database::open(demo);
            QVERIFY(db);
            auto csv = TableExporter::toCsv(db.value()->connection(), ImportKind::Needs, TableExporter::NeedsShape::Wide);
            QVERIFY2(csv, qPrintable(csv.message()));
            QFile f(m_csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(csv.value());
            QVERIFY(db.value()->backupTo(m_importBase));
        }
        {
            auto db = Database::open(m_importBase);
            QVERIFY(db);
            QVERIFY(Sql::exec(db.value()->connection(), QStringLiteral("DELETE FROM need_rating")));
        }
        m_importBefore = checksum(m_importBase, kNeedsRows);
        m_planBefore = checksum(m_planBase, kPlanRows);
        QVERIFY(m_importBefore.startsWith("0:"));

        // Reference runs: what a complete command leaves behind, and how long it takes.
        const QString full = path(QStringLiteral("full.kopru"));
        QVERIFY(copyDatabase(m_importBase, full));
        QCOMPARE(runFully(importArgs(full), &m_importMs, &err), 0);
        m_importAfter = checksum(full, kNeedsRows);
        // The import restores exactly the exported needs (a wide survey file carries no proficiency).
        const QString needOnly
            = QStringLiteral("SELECT teacher_id, competency_id, round, need FROM need_rating ORDER BY 1, 2, 3");
        QCOMPARE(checksum(full, needOnly), checksum(demo, needOnly));

        QVERIFY(copyDatabase(m_planBase, full));
        QCOMPARE(runFully(planArgs(full), &m_planMs, &err), 0);
        m_planAfter = checksum(full, kPlanRows);
        QVERIFY(m_planAfter != m_planBefore);
        qInfo("complete runs: import %lld ms (%s), plan %lld ms (%s)", m_importMs, m_importAfter.constData(), m_planMs,
            m_planAfter.constData());
    }

    void killedImportLeavesAllOrNothing_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 6; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }
    void killedImportLeavesAllOrNothing()
    {
        QFETCH(quint32, seed);
        const QString db = path(QStringLiteral("import-%1.kopru").arg(seed));
        QVERIFY(copyDatabase(m_importBase, db));
        // Kill anywhere from start-up to just past the usual end.
        const int delay = int(QRandomGenerator(seed).bounded(qint64(m_importMs * 11 / 10) + 1));
        const bool killed = runAndKill(importArgs(db), delay);
        qInfo("killed after %d ms: %s", delay, killed ? "interrupted" : "had finished");
        checkAfterKill(db, kNeedsRows, m_importBefore, m_importAfter, killed);
    }

    void killedPlanLeavesAllOrNothing_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 101; seed <= 106; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }
    void killedPlanLeavesAllOrNothing()
    {
        QFETCH(quint32, seed);
        const QString db = path(QStringLiteral("plan-%1.kopru").arg(seed));
        QVERIFY(copyDatabase(m_planBase, db));
        const int delay = int(QRandomGenerator(seed).bounded(qint64(m_planMs * 11 / 10) + 1));
        const bool killed = runAndKill(planArgs(db), delay);
        qInfo("killed after %d ms: %s", delay, killed ? "interrupted" : "had finished");
        checkAfterKill(db, kPlanRows, m_planBefore, m_planAfter, killed);
    }

    void cleanupTestCase()
    {
        qInfo("%d runs interrupted (%d left the data untouched), %d had finished", m_interrupted, m_untouched, m_completed);
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
