// SPDX-License-Identifier: GPL-3.0-or-later
// The fault campaign of issue #19, as a test: kopru-cli killed (SIGKILL)
// during its automatic backup, `backup`, an export; two writers at once; a
// full disk; foreign, empty, damaged and locked files; /dev/zero, a pipe and
// oversized input; backups listed and restored from the command line.
// Killing at random moments during import and plan is tst_crash; the
// library side of two writers is tst_writers. A fault whose facility the
// machine lacks (a tmpfs in a user namespace, RLIMIT_FSIZE) is skipped with
// a message, never passed silently.
#include "models/db/connection.h"
#include "models/db/databasefile.h"
#include "models/db/integritycheck.h"
#include "models/db/sql.h"
#include "models/io/privatefile.h"
#include "models/safety/backupmanager.h"
#include "models/safety/instancelock.h"
#include "tests/common/tableexporter.h"
#include "tests/common/testutil.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QLockFile>
#include <QRegularExpression>
#include <QThread>
#include <QUuid>
#include <QtEndian>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/stat.h>
#endif

using namespace kopru;

namespace {

constexpr int kUsage = 2, kRefused = 1, kInUse = 3;

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
}

bool copyDatabase(const QString &from, const QString &to)
{
    for (const char *suffix : { "", "-wal", "-shm" })
        QFile::remove(to + QLatin1String(suffix));
    return QFile::copy(from, to) && QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
}

// Temporary files PrivateFile left in `folder` (and below).
QStringList leftovers(const QString &folder)
{
    QStringList found;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (PrivateFile::isTemporaryName(QFileInfo(path).fileName()))
            found << path;
    }
    return found;
}

// Overwrites parts of the database's pages (after its header): SQLite's
// quick_check then fails.
bool damage(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return false;
    for (qint64 pos = 8 * 4096; pos < f.size(); pos += 5 * 4096) {
        if (!f.seek(pos) || f.write(QByteArray(1024, '\x5A')) != 1024)
            return false;
    }
    return true;
}

bool ownerOnly(const QString &path)
{
#ifdef Q_OS_UNIX
    return (QFile::permissions(path) & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther)) == 0;
#else
    Q_UNUSED(path)
    return true;
#endif
}

struct Run
{
    int code = -1;
    QString out, err;
    qint64 ms = 0;
};

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    QString m_base; // demo database with a stored plan
    QString m_noNeeds; // the same without ratings: an import writes
    QString m_noPlan; // the same without placements: a plan run writes
    QString m_needsCsv; // its wide needs survey
    QString m_small, m_smallNeedsCsv; // the same, small
    int m_n = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString backupRoot() const { return path(QStringLiteral("xdg-data/Kopru/Kopru/backups")); }
    // A copy of `from` that is a database of its own: a copy keeps the
    // identity (and so shares the backups) of its original, so the copy gets
    // a new one, as if it had been made by `demo` itself.
    QString fresh(const QString &from)
    {
        const QString db = path(QStringLiteral("f%1.kopru").arg(++m_n));
        if (!copyDatabase(from, db))
            return {};
        auto opened = Database::open(db);
        if (!opened)
            return {};
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (!Sql::exec(
                opened.value()->connection(), QStringLiteral("UPDATE meta SET value = ? WHERE key = 'database_id'"), { id }))
            return {};
        return db;
    }

    // A demo database with a stored plan, and its needs survey as a wide CSV file.
    bool makeDemo(const QString &name, int teachers, int partners, QString *db, QString *needsCsv) const
    {
        *db = path(name + QStringLiteral(".kopru"));
        *needsCsv = path(name + QStringLiteral("-needs.csv"));
        Run r = run({ QStringLiteral("demo"), *db, QStringLiteral("--teachers"), QString::number(teachers),
            QStringLiteral("--partners"), QString::number(partners), QStringLiteral("--seed"), QStringLiteral("7") });
        if (r.code == 0)
            r = run({ QStringLiteral("plan"), *db });
        if (r.code != 0) {
            qWarning("%s", qPrintable(r.err));
            return false;
        }
        auto opened = Database::open(*db);
        if (!opened)
            return false;
        auto csv = TableExporter::toCsv(opened.value()->connection(), ImportKind::Needs, TableExporter::NeedsShape::Wide);
        QFile f(*needsCsv);
        return csv && f.open(QIODevice::WriteOnly) && f.write(csv.value()) == csv.value().size();
    }

    Run run(const QStringList &args, int timeoutMs = 120000) const
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        QElapsedTimer t;
        t.start();
        p.start(QStringLiteral(KOPRU_CLI), args);
        Run r;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished(5000);
            r.err = QStringLiteral("(timed out)");
            return r;
        }
        r.ms = t.elapsed();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        return r;
    }

    // Starts `args` and kills it (SIGKILL) as soon as a temporary file of
    // PrivateFile appears in `folder`. Returns that file (empty when the
    // command ended first).
    QString killWhenWriting(const QStringList &args, const QString &folder) const
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(QStringLiteral(KOPRU_CLI), args);
        if (!p.waitForStarted(10000))
            return {};
        QString seen;
        while (p.state() == QProcess::Running && seen.isEmpty()) {
            const QStringList found = leftovers(folder);
            if (!found.isEmpty())
                seen = found.first();
            else
                QThread::usleep(200);
        }
        p.kill();
        p.waitForFinished(10000);
        return QFileInfo::exists(seen) ? seen : QString();
    }

private slots:
    void initTestCase()
    {
#ifndef Q_OS_UNIX
        QSKIP("SIGKILL, FIFOs and permissions: POSIX only");
#endif
        QVERIFY(m_dir.isValid());
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("xdg-data")));
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("xdg-config")));
        m_env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));

        // Large enough that a backup and an import last long enough to be killed in the middle.
        QVERIFY(makeDemo(QStringLiteral("base"), 3000, 600, &m_base, &m_needsCsv));
        m_noNeeds = path(QStringLiteral("no-needs.kopru"));
        {
            auto db = Database::open(m_base);
            QVERIFY(db);
            QVERIFY(db.value()->backupTo(m_noNeeds));
        }
        auto db = Database::open(m_noNeeds);
        QVERIFY(db);
        QVERIFY(Sql::exec(db.value()->connection(), QStringLiteral("DELETE FROM need_rating")));
        m_noPlan = path(QStringLiteral("no-plan.kopru"));
        {
            auto base = Database::open(m_base);
            QVERIFY(base);
            QVERIFY(base.value()->backupTo(m_noPlan));
        }
        auto noPlan = Database::open(m_noPlan);
        QVERIFY(noPlan);
        QVERIFY(Sql::exec(noPlan.value()->connection(), QStringLiteral("DELETE FROM placement")));
        // Small, for the tests that need no long operation.
        QVERIFY(makeDemo(QStringLiteral("small"), 300, 60, &m_small, &m_smallNeedsCsv));
    }

    // Issue point 1: a backup killed while it is written leaves no file a
    // later command takes for a backup; the next run makes its own, which
    // holds the state before it. For an import (of needs into a database
    // without any) and a plan run (on a database without placements).
    void killedAutomaticBackupNeverCounts_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("import") << QStringLiteral("import");
        QTest::newRow("plan") << QStringLiteral("plan");
    }
    void killedAutomaticBackupNeverCounts()
    {
        QFETCH(QString, command);
        const bool import = command == QLatin1String("import");
        const QString db = fresh(import ? m_noNeeds : m_noPlan);
        QVERIFY(!db.isEmpty());
        const QString table = import ? QStringLiteral("need_rating") : QStringLiteral("placement");
        const QString count = QStringLiteral("SELECT count(*) FROM %1").arg(table);
        const QStringList args
            = import ? QStringList { command, db, QStringLiteral("needs"), m_needsCsv } : QStringList { command, db };
        const QByteArray before = fileHash(db);
        BackupManager backups(backupRoot());
        QString partial;
        for (int attempt = 0; attempt < 5 && partial.isEmpty(); ++attempt)
            partial = killWhenWriting(args, backupRoot());
        if (partial.isEmpty())
            QSKIP("the automatic backup finished before it could be killed five times in a row (a very fast machine)");
        QVERIFY2(ownerOnly(partial), qPrintable(partial));
        QCOMPARE(backups.list(db).size(), 0);
        QVERIFY(!backups.hasCurrentBackup(db));
        QCOMPARE(fileHash(db), before); // the killed run wrote nothing (it backs up first)
        {
            auto opened = Database::open(db);
            QVERIFY(opened);
            QCOMPARE(test::scalar(opened.value()->connection(), count).toInt(), 0);
        }
        const Run r = run(args);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QList<BackupInfo> list = backups.list(db);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().reason, command);
        QVERIFY(BackupManager::verifyBackup(list.first().path, DatabaseFile::databaseId(db).value()));
        {
            auto opened = Database::open(db);
            QVERIFY(opened);
            QVERIFY(test::scalar(opened.value()->connection(), count).toInt() > 0);
        }
        // The backup holds the state before the run.
        auto c = Connection::open(list.first().path, Connection::Access::Inspect);
        QVERIFY(c);
        QCOMPARE(test::scalar(c.value()->db(), count).toInt(), 0);
        QCOMPARE(leftovers(backupRoot()), QStringList());
    }

    // Issue point 6: `backup DB OUT` killed while writing leaves no OUT and
    // no readable part; the rerun succeeds.
    void killedBackupCommandLeavesNoReadableCopy()
    {
        const QString out = path(QStringLiteral("copy/out.kopru"));
        QVERIFY(QDir().mkpath(QFileInfo(out).absolutePath()));
        QString partial;
        for (int attempt = 0; attempt < 5 && partial.isEmpty(); ++attempt) {
            partial = killWhenWriting({ QStringLiteral("backup"), m_base, out }, QFileInfo(out).absolutePath());
            QVERIFY(!QFileInfo::exists(out) || partial.isEmpty());
            QFile::remove(out);
        }
        if (partial.isEmpty())
            QSKIP("the backup finished before it could be killed five times in a row (a very fast machine)");
        QVERIFY(!QFileInfo::exists(out));
        QVERIFY2(ownerOnly(partial), qPrintable(partial));
        const Run r = run({ QStringLiteral("backup"), m_base, out });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(ownerOnly(out));
        QVERIFY(DatabaseFile::verify(out, DatabaseFile::Depth::QuickCheck));
        QCOMPARE(leftovers(QFileInfo(out).absolutePath()), QStringList());
        // Never over an existing file.
        const Run again = run({ QStringLiteral("backup"), m_base, out });
        QCOMPARE(again.code, kUsage);
        QVERIFY2(again.err.contains(out), qPrintable(again.err));
    }

    // An export killed while writing: no part of it is readable by others
    // and the rerun removes what the killed one left.
    void killedExportLeavesNoReadablePart_data()
    {
        QTest::addColumn<QString>("format");
        for (const char *f : { "xlsx", "csv", "pdf" })
            QTest::newRow(f) << QString::fromLatin1(f);
    }
    void killedExportLeavesNoReadablePart()
    {
        QFETCH(QString, format);
        const QString out = path(QStringLiteral("export-%1/plan.%1").arg(format));
        const QString folder = QFileInfo(out).absolutePath();
        QVERIFY(QDir().mkpath(folder));
        const QStringList args { QStringLiteral("export"), m_base, QStringLiteral("plan"), QStringLiteral("--format"), format,
            QStringLiteral("--out"), out };
        QString partial;
        for (int attempt = 0; attempt < 5 && partial.isEmpty(); ++attempt) {
            partial = killWhenWriting(args, folder);
            if (partial.isEmpty())
                QFile::remove(out);
        }
        if (partial.isEmpty())
            QSKIP("the export finished before it could be killed five times in a row (a very fast machine)");
        QVERIFY(!QFileInfo::exists(out));
        QVERIFY2(ownerOnly(partial), qPrintable(partial));
        const Run r = run(args);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(ownerOnly(out));
        QCOMPARE(leftovers(folder), QStringList());
    }

    // Issue point 3, through the command line, as the campaign found it:
    // import B starts 0.1–0.8 s after import A. B is told the database is in
    // use, or runs after A; either way the ratings are those of one file —
    // the one that committed last — never a mix.
    void twoImportsAtOnce_data()
    {
        QTest::addColumn<int>("delayMs");
        for (int d : { 100, 400, 800 })
            QTest::newRow(qPrintable(QStringLiteral("%1 ms").arg(d))) << d;
    }
    void twoImportsAtOnce()
    {
        QFETCH(int, delayMs);
        const QString db = fresh(m_noNeeds);
        QVERIFY(!db.isEmpty());
        // File A sets every need to 1, file B to 5 (the same ratings: the
        // first three columns — national ID, field, round — and the cells
        // that are no level stay).
        QFile in(m_needsCsv);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(in.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QString fileA = lines.first() + QStringLiteral("\r\n"), fileB = fileA;
        const auto withLevel = [](const QString &line, const QString &level) -> QString {
            QStringList cells = line.split(QLatin1Char(';'));
            for (qsizetype c = 3; c < cells.size(); ++c)
                if (cells.at(c).size() == 1 && cells.at(c) >= QLatin1String("1") && cells.at(c) <= QLatin1String("5"))
                    cells[c] = level;
            return cells.join(QLatin1Char(';')) + QStringLiteral("\r\n");
        };
        for (int i = 1; i < lines.size(); ++i) {
            fileA += withLevel(lines.at(i), QStringLiteral("1"));
            fileB += withLevel(lines.at(i), QStringLiteral("5"));
        }
        const QString pathA = path(QStringLiteral("a%1.csv").arg(delayMs)), pathB = path(QStringLiteral("b%1.csv").arg(delayMs));
        for (const auto &[p, text] : { std::pair { pathA, fileA }, std::pair { pathB, fileB } }) {
            QFile f(p);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text.toUtf8());
        }
        QProcess first;
        first.setProcessEnvironment(m_env);
        first.start(QStringLiteral(KOPRU_CLI), { QStringLiteral("import"), db, QStringLiteral("needs"), pathA });
        QVERIFY(first.waitForStarted());
        QThread::msleep(delayMs);
        const Run second = run({ QStringLiteral("import"), db, QStringLiteral("needs"), pathB });
        QVERIFY(first.waitForFinished(120000));
        const int firstCode = first.exitCode();
        qInfo("A: exit %d; B: exit %d after %lld ms", firstCode, second.code, second.ms);
        QVERIFY2(!second.err.contains(QStringLiteral("UNIQUE")), qPrintable(second.err));
        // The one that found the other holding the database was refused, naming it.
        for (const auto &[code, err] :
            { std::pair { firstCode, QString::fromUtf8(first.readAllStandardError()) }, std::pair { second.code, second.err } }) {
            QVERIFY2(code == 0 || code == kInUse, qPrintable(err));
            if (code == kInUse)
                QVERIFY2(err.contains(QStringLiteral("in use by another Köprü program")) && err.contains(db), qPrintable(err));
        }
        QVERIFY(firstCode == 0 || second.code == 0);
        const auto levels = [](const QString &file) {
            auto c = Connection::open(file, Connection::Access::Inspect);
            const QSqlDatabase db = c ? c.value()->db() : QSqlDatabase();
            return std::pair { test::scalar(db, QStringLiteral("SELECT count(*) FROM need_rating WHERE need = 1")).toInt(),
                test::scalar(db, QStringLiteral("SELECT count(*) FROM need_rating WHERE need = 5")).toInt() };
        };
        const auto [baseOnes, baseFives] = levels(m_base);
        const int ratings = test::scalar(Connection::open(m_base, Connection::Access::Inspect).value()->db(),
            QStringLiteral("SELECT count(*) FROM need_rating WHERE need BETWEEN 1 AND 5"))
                                .toInt();
        QVERIFY(ratings > baseOnes + baseFives);
        const auto [ones, fives] = levels(db);
        if (firstCode != 0 || second.code != 0) {
            QCOMPARE(ones + fives, ratings);
            QCOMPARE(firstCode == 0 ? fives : ones, 0);
            return;
        }
        // Both ran, one after the other: the later one's backup holds the
        // earlier one's ratings, the database the later one's.
        const QList<BackupInfo> backups = BackupManager(backupRoot()).list(db);
        QCOMPARE(backups.size(), 2);
        const auto [backupOnes, backupFives] = levels(backups.first().path);
        QCOMPARE(backupOnes + backupFives, ratings);
        QVERIFY(backupOnes == 0 || backupFives == 0);
        QCOMPARE(ones, backupFives);
        QCOMPARE(fives, backupOnes);
    }

    // Issue point 3, every pairing: while one writer holds the database —
    // the GUI (its lock), or a kopru-cli import, plan or restore stopped
    // (SIGSTOP) in the middle of its work — a second import, plan, restore
    // or anonymised export changes nothing: the writers are refused with
    // "in use", naming the database and who holds it; the export reads only.
    // The first then finishes as if alone.
    void twoWritersAtOnce_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        for (const char *first : { "gui", "import", "plan", "restore" })
            for (const char *second : { "import", "plan", "restore", "export" })
                QTest::newRow(qPrintable(QStringLiteral("%1, then %2").arg(QLatin1String(first), QLatin1String(second))))
                    << QString::fromLatin1(first) << QString::fromLatin1(second);
    }
    void twoWritersAtOnce()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        const QString db = fresh(m_small);
        QVERIFY(!db.isEmpty());
        const QString copy = path(QStringLiteral("f%1-copy.kopru").arg(m_n));
        {
            auto opened = Database::open(db);
            QVERIFY(opened);
            QVERIFY(opened.value()->backupTo(copy));
        }
        const auto argsOf = [&](const QString &which) -> QStringList {
            if (which == QLatin1String("import"))
                return { which, db, QStringLiteral("needs"), m_smallNeedsCsv };
            if (which == QLatin1String("plan"))
                return { which, db };
            if (which == QLatin1String("restore"))
                return { which, db, copy };
            return { which, db, QStringLiteral("plan"), QStringLiteral("--format"), QStringLiteral("csv"),
                QStringLiteral("--out"), path(QStringLiteral("f%1.csv").arg(m_n)), QStringLiteral("--anonymize") };
        };
        // The file, what its WAL holds and the lock (an empty WAL, which a
        // reader may leave, holds nothing).
        const auto state = [&db]() -> QByteArray {
            const QFileInfo wal(db + QStringLiteral("-wal"));
            return fileHash(db) + (wal.size() > 0 ? fileHash(wal.filePath()) : QByteArray())
                + fileHash(InstanceLock::lockPathFor(db));
        };

        std::unique_ptr<InstanceLock> gui;
        QProcess holder;
        qint64 holderPid = QCoreApplication::applicationPid();
        if (first == QLatin1String("gui")) {
            gui = std::make_unique<InstanceLock>(db);
            QVERIFY(gui->tryLock());
        } else {
            holder.setProcessEnvironment(m_env);
            holder.start(QStringLiteral(KOPRU_CLI), argsOf(first));
            QVERIFY(holder.waitForStarted());
            holderPid = holder.processId();
            // Stopped once it holds the lock (and has written who it is).
            QFileInfo lock(InstanceLock::lockPathFor(db));
            while (holder.state() == QProcess::Running && !(lock.exists() && lock.size() > 0)) {
                QThread::usleep(200);
                lock.refresh();
            }
            QVERIFY(::kill(pid_t(holderPid), SIGSTOP) == 0);
            QVERIFY2(holder.state() == QProcess::Running && QFileInfo::exists(lock.filePath()),
                qPrintable(QStringLiteral("%1 ended before it could be stopped").arg(first)));
        }
        const QByteArray before = state();
        const Run r = run(argsOf(second));
        const QByteArray after = state();
        if (first != QLatin1String("gui"))
            QVERIFY(::kill(pid_t(holderPid), SIGCONT) == 0);
        QCOMPARE(after, before);
        if (second == QLatin1String("export")) {
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QVERIFY2(r.err.contains(QStringLiteral("in use by another Köprü program")), qPrintable(r.err));
        } else {
            QCOMPARE(r.code, kInUse);
            QVERIFY2(r.err.contains(db) && r.err.contains(QStringLiteral("in use by another Köprü program"))
                    && r.err.contains(QStringLiteral("process %1 ").arg(holderPid)),
                qPrintable(r.err));
        }
        if (first != QLatin1String("gui")) {
            QVERIFY(holder.waitForFinished(120000));
            QVERIFY2(holder.exitStatus() == QProcess::NormalExit && holder.exitCode() == 0,
                qPrintable(QString::fromUtf8(holder.readAllStandardError())));
        }
        gui.reset();
        auto opened = Database::open(db);
        QVERIFY2(opened, qPrintable(opened.message()));
        QVERIFY(checkIntegrity(opened.value()->connection()).ok());
    }

    // Issue points 5 and 7: files that are not sound Köprü databases are
    // refused by every command that would write (and by backup), named, and
    // left byte for byte as they were, with nothing created beside them.
    void refusedFilesStayAsTheyWere_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("words");
        for (const char *command : { "import", "plan", "backup" }) {
            QTest::newRow(qPrintable(QStringLiteral("empty, %1").arg(QLatin1String(command))))
                << QStringLiteral("empty") << QString::fromLatin1(command) << QStringLiteral("empty");
            QTest::newRow(qPrintable(QStringLiteral("foreign sqlite, %1").arg(QLatin1String(command))))
                << QStringLiteral("foreign") << QString::fromLatin1(command) << QStringLiteral("not a Köprü database");
            QTest::newRow(qPrintable(QStringLiteral("text, %1").arg(QLatin1String(command))))
                << QStringLiteral("text") << QString::fromLatin1(command) << QStringLiteral("not a Köprü database");
            QTest::newRow(qPrintable(QStringLiteral("damaged, %1").arg(QLatin1String(command))))
                << QStringLiteral("damaged") << QString::fromLatin1(command) << QStringLiteral("damaged");
        }
        for (const char *command : { "import", "plan" })
            QTest::newRow(qPrintable(QStringLiteral("locked, %1").arg(QLatin1String(command))))
                << QStringLiteral("locked") << QString::fromLatin1(command) << QStringLiteral("in use by another Köprü program");
    }
    void refusedFilesStayAsTheyWere()
    {
        QFETCH(QString, kind);
        QFETCH(QString, command);
        QFETCH(QString, words);
        const QString folder = path(QStringLiteral("refused-%1-%2").arg(kind, command));
        QVERIFY(QDir().mkpath(folder));
        const QString db = QDir(folder).filePath(QStringLiteral("target.kopru"));
        if (kind == QLatin1String("empty") || kind == QLatin1String("text")) {
            QFile f(db);
            QVERIFY(f.open(QIODevice::WriteOnly));
            if (kind == QLatin1String("text"))
                f.write("TC Kimlik No;Ad\n10000000146;Ayşe\n");
        } else if (kind == QLatin1String("foreign")) {
            QProcess sqlite;
            sqlite.start(QStringLiteral("sqlite3"),
                { db, QStringLiteral("PRAGMA journal_mode=WAL; CREATE TABLE songs(title); INSERT INTO songs VALUES ('x');") });
            if (!sqlite.waitForFinished() || sqlite.exitCode() != 0)
                QSKIP("the sqlite3 program is not available to make another program's database");
        } else {
            QVERIFY(copyDatabase(m_base, db));
            if (kind == QLatin1String("damaged"))
                QVERIFY(damage(db));
        }
        std::unique_ptr<QLockFile> lock;
        if (kind == QLatin1String("locked")) {
            lock = std::make_unique<QLockFile>(db + QStringLiteral(".lock"));
            QVERIFY(lock->tryLock(0)); // as the GUI holds it
        }
        const QByteArray before = fileHash(db);
        const QStringList filesBefore = QDir(folder).entryList(QDir::Files | QDir::Hidden);
        QStringList args { command, db };
        if (command == QLatin1String("import"))
            args << QStringLiteral("needs") << m_needsCsv;
        if (command == QLatin1String("backup"))
            args << path(QStringLiteral("refused-%1-%2.out").arg(kind, command));
        const Run r = run(args);
        QVERIFY2(r.code != 0, qPrintable(r.out));
        QCOMPARE(r.code, kind == QLatin1String("locked") ? kInUse : kUsage);
        QVERIFY2(r.err.contains(db), qPrintable(r.err));
        QVERIFY2(r.err.contains(words), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("malformed")) || r.err.contains(db), qPrintable(r.err));
        QCOMPARE(fileHash(db), before);
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), filesBefore);
        if (command == QLatin1String("backup"))
            QVERIFY(!QFileInfo::exists(args.last()));
        if (kind == QLatin1String("damaged"))
            QVERIFY2(r.err.contains(QStringLiteral("restore")), qPrintable(r.err));
    }

    // Issue point 4: no pipe or device is read, no huge file, and junk gets
    // its first problems and a count, not millions of lines.
    void hostileInputIsBounded_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("words");
        QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero") << kUsage << QStringLiteral("not a regular file");
        QTest::newRow("fifo") << QStringLiteral("fifo") << kUsage << QStringLiteral("not a regular file");
        QTest::newRow("3 GB of zero bytes") << QStringLiteral("zeros") << kUsage << QStringLiteral("too large");
        QTest::newRow("junk rows") << QStringLiteral("junk") << kRefused << QStringLiteral("problem");
    }
    void hostileInputIsBounded()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        QFETCH(QString, words);
        QString input = file;
        if (file == QLatin1String("fifo")) {
            input = path(QStringLiteral("pipe.csv"));
            QFile::remove(input);
            QVERIFY(::mkfifo(QFile::encodeName(input).constData(), 0600) == 0);
        } else if (file == QLatin1String("zeros")) {
            input = path(QStringLiteral("zeros.csv"));
            QFile f(input);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(3LL * 1024 * 1024 * 1024)); // sparse
        } else if (file == QLatin1String("junk")) {
            input = path(QStringLiteral("junk.csv"));
            QFile f(input);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("TC Kimlik No;Ad;Alan\n");
            for (int i = 0; i < 200000; ++i)
                f.write(QByteArray("x") + QByteArray::number(i) + ";y;z\n");
        } else if (!QFileInfo::exists(input)) {
            QSKIP("no /dev/zero on this system");
        }
        const QString db = fresh(m_base);
        const QByteArray before = fileHash(db);
        const Run r = run({ QStringLiteral("import"), db, QStringLiteral("teachers"), input }, 60000);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(words), qPrintable(r.err.left(500)));
        QVERIFY2(r.ms < 30000, qPrintable(QString::number(r.ms)));
        const int lines = int(r.err.count(QLatin1Char('\n')));
        QVERIFY2(lines <= 102, qPrintable(QString::number(lines)));
        if (file == QLatin1String("junk"))
            QVERIFY2(r.err.contains(QRegularExpression(QStringLiteral("\\b400[,.]?000 problem"))), qPrintable(r.err.right(300)));
        QCOMPARE(fileHash(db), before);
    }

    // Issue point 9: a full disk. Where the machine allows, the command runs
    // in a user and mount namespace on a small tmpfs; otherwise a write
    // limit (RLIMIT_FSIZE) makes the writes fail; without either: skipped.
    void fullDiskChangesNothing()
    {
        const QString mount = path(QStringLiteral("small"));
        QVERIFY(QDir().mkpath(mount));
        QProcess probe;
        probe.start(QStringLiteral("unshare"),
            { QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"),
                QStringLiteral("mount -t tmpfs -o size=1m tmpfs '%1'").arg(mount) });
        const bool tmpfs = probe.waitForFinished(10000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0;
        const QString db = fresh(m_noNeeds);
        const qint64 size = QFileInfo(db).size();
        const QString report = path(QStringLiteral("full-report"));
        QVERIFY(QDir().mkpath(report));
        QString script;
        if (tmpfs) {
            // The database on a tmpfs just larger than it: the import's writes fill it.
            script = QStringLiteral("set -e; mount -t tmpfs -o size=%1k tmpfs '%2'; cp '%3' '%2/db.kopru'; "
                                    "set +e; '%4' import '%2/db.kopru' needs '%5' > '%6/out' 2> '%6/err'; echo $? > '%6/code'; "
                                    "cp '%2/db.kopru' '%6/db.kopru'; ls -a '%2' > '%6/listing'")
                         .arg(size / 1024 + 600)
                         .arg(mount, db, QStringLiteral(KOPRU_CLI), m_needsCsv, report);
        } else {
            // No namespace: a limit on the size of files the process writes.
            script = QStringLiteral("trap '' XFSZ; cp '%1' '%2/db.kopru'; ulimit -f %3; "
                                    "'%4' import '%2/db.kopru' needs '%5' > '%6/out' 2> '%6/err'; echo $? > '%6/code'; "
                                    "cp '%2/db.kopru' '%6/db.kopru'; ls -a '%2' > '%6/listing'")
                         .arg(db, mount)
                         .arg((size + 300 * 1024) / 512)
                         .arg(QStringLiteral(KOPRU_CLI), m_needsCsv, report);
        }
        QProcess shell;
        shell.setProcessEnvironment(m_env);
        if (tmpfs)
            shell.start(QStringLiteral("unshare"), { QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"), script });
        else
            shell.start(QStringLiteral("sh"), { QStringLiteral("-c"), script });
        QVERIFY(shell.waitForFinished(120000));
        QFile codeFile(report + QStringLiteral("/code"));
        if (!codeFile.open(QIODevice::ReadOnly))
            QSKIP(qPrintable(QStringLiteral("neither a tmpfs in a user namespace nor a file size limit is available: %1")
                                 .arg(QString::fromUtf8(shell.readAllStandardError()))));
        const int code = codeFile.readAll().trimmed().toInt();
        QFile errFile(report + QStringLiteral("/err"));
        QVERIFY(errFile.open(QIODevice::ReadOnly));
        const QString err = QString::fromUtf8(errFile.readAll());
        qInfo("%s: exit %d: %s", tmpfs ? "tmpfs" : "RLIMIT_FSIZE", code, qPrintable(err.left(300)));
        QCOMPARE(code, kUsage); // not a problem of the input file
        QVERIFY2(err.contains(QStringLiteral("db.kopru")), qPrintable(err));
        QVERIFY2(!err.contains(QStringLiteral("problem")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("disk is full")) || err.contains(QStringLiteral("cannot be read or written")),
            qPrintable(err));
        // Nothing was written: the database (with what its WAL holds) is as before.
        auto after = Database::open(report + QStringLiteral("/db.kopru"));
        QVERIFY2(after, qPrintable(after.message()));
        QVERIFY(checkIntegrity(after.value()->connection()).ok());
        QCOMPARE(test::scalar(after.value()->connection(), QStringLiteral("SELECT count(*) FROM need_rating")).toInt(), 0);
    }

    // Issue point 10: the backups listed and one restored from the command
    // line, keeping a backup of what was there.
    // Issue #16: plan leaves the open check (quick_check) to its automatic
    // backup, made on another thread while it reads and solves. A file whose
    // schema reads but whose table pages are damaged is still refused before
    // anything is written, with the open check's words, the file named and
    // the restore offered: when the backup copies it (no current backup) and
    // when a current backup makes the copy needless.
    void planRefusesDamagedTablePagesBeforeWriting_data()
    {
        QTest::addColumn<bool>("currentBackup");
        QTest::addColumn<bool>("freePage");
        QTest::newRow("the backup copies the file") << false << false;
        QTest::newRow("a current backup: no copy") << true << false;
        // A page no table or index uses: only a page copy carries it into
        // the copy's quick_check (VACUUM INTO copies rows).
        QTest::newRow("a damaged free page") << false << true;
    }
    void planRefusesDamagedTablePagesBeforeWriting()
    {
        QFETCH(bool, currentBackup);
        QFETCH(bool, freePage);
        const QString db = fresh(m_base);
        QVERIFY(!db.isEmpty());
        if (freePage) {
            auto c = Connection::open(db, Connection::Access::ReadWrite);
            QVERIFY(c);
            const QSqlDatabase d = c.value()->db();
            QVERIFY(test::addFreePages(d, 64));
            const qint64 free = test::scalar(d, QStringLiteral("PRAGMA freelist_count")).toLongLong();
            // Some free pages, not so many that the copy leaves them out (PageCopy).
            QVERIFY(free > 0 && free * 4 < test::scalar(d, QStringLiteral("PRAGMA page_count")).toLongLong());
        }
        BackupManager backups(backupRoot());
        const QDateTime modified = QFileInfo(db).lastModified();
        if (currentBackup) {
            QThread::msleep(20); // the backup's name (milliseconds) after the file's time
            QVERIFY(backups.backup(db, QStringLiteral("manual")));
        }
        const int backupsBefore = int(backups.list(db).size());
        // The root page of need_rating, outside the schema's pages; or the
        // free list's first trunk page (the file header's bytes 32-35).
        qint64 page = 0, pageSize = 0;
        {
            auto c = Connection::open(db, Connection::Access::Inspect);
            QVERIFY(c);
            page = test::scalar(c.value()->db(), QStringLiteral("SELECT rootpage FROM sqlite_schema WHERE name = 'need_rating'"))
                       .toLongLong();
            pageSize = test::scalar(c.value()->db(), QStringLiteral("PRAGMA page_size")).toLongLong();
        }
        if (freePage) {
            QFile f(db);
            QVERIFY(f.open(QIODevice::ReadOnly) && f.seek(32));
            const QByteArray trunk = f.read(4);
            QCOMPARE(trunk.size(), 4);
            page = qFromBigEndian<quint32>(trunk.constData());
        }
        QVERIFY(page > 1 && pageSize > 0);
        {
            QFile f(db);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek((page - 1) * pageSize));
            QCOMPARE(f.write(QByteArray(int(pageSize), '\x5A')), pageSize);
        }
        if (currentBackup) {
            QFile f(db);
            QVERIFY(f.open(QIODevice::ReadWrite) && f.setFileTime(modified, QFileDevice::FileModificationTime));
            f.close();
            QVERIFY(backups.hasCurrentBackup(db));
        }
        QVERIFY(!DatabaseFile::verify(db, DatabaseFile::Depth::QuickCheck));
        QVERIFY(DatabaseFile::verify(db, DatabaseFile::Depth::Header));
        const QByteArray before = fileHash(db);
        const Run r = run({ QStringLiteral("plan"), db });
        QCOMPARE(r.code, kUsage);
        QVERIFY2(r.err.contains(db) && r.err.contains(QStringLiteral("the database file is damaged"))
                && r.err.contains(QStringLiteral("kopru-cli restore %1 BACKUP").arg(db)),
            qPrintable(r.err));
        QVERIFY2(r.err.count(QStringLiteral("damaged")) == 1, qPrintable(r.err));
        QCOMPARE(fileHash(db), before);
        QVERIFY(!QFileInfo::exists(db + QStringLiteral("-wal")) && !QFileInfo::exists(db + QStringLiteral("-shm")));
        QCOMPARE(int(backups.list(db).size()), backupsBefore); // a damaged file is never backed up
        QVERIFY(leftovers(backupRoot()).isEmpty());
    }

    void backupsAreListedAndRestored()
    {
        const QString db = fresh(m_noNeeds);
        Run r = run({ QStringLiteral("import"), db, QStringLiteral("needs"), m_needsCsv });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = run({ QStringLiteral("backups"), db });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(
            r.out.contains(QStringLiteral("before import")) && r.out.contains(QStringLiteral("verified")), qPrintable(r.out));
        BackupManager backups(backupRoot());
        const QList<BackupInfo> list = backups.list(db);
        QCOMPARE(list.size(), 1);
        QVERIFY2(r.out.contains(QFileInfo(list.first().path).fileName()), qPrintable(r.out));
        r = run({ QStringLiteral("restore"), db, list.first().path });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        auto opened = Database::open(db);
        QVERIFY(opened);
        QCOMPARE(test::scalar(opened.value()->connection(), QStringLiteral("SELECT count(*) FROM need_rating")).toInt(), 0);
        opened = Error {};
        const QList<BackupInfo> after = backups.list(db);
        QCOMPARE(after.size(), 2);
        QCOMPARE(after.first().reason, QStringLiteral("before-restore"));
        // Refused while another Köprü holds the database.
        QLockFile lock(db + QStringLiteral(".lock"));
        QVERIFY(lock.tryLock(0));
        const QByteArray before = fileHash(db);
        r = run({ QStringLiteral("restore"), db, after.first().path });
        QCOMPARE(r.code, kInUse);
        QCOMPARE(fileHash(db), before);
        lock.unlock();

        // A damaged database: a writer refuses it and offers the restore;
        // its backups are listed (found by its path) and one is restored by
        // the file name the list shows; the damaged file is kept aside.
        QVERIFY(damage(db));
        r = run({ QStringLiteral("plan"), db });
        QCOMPARE(r.code, kUsage);
        QVERIFY2(r.err.contains(db) && r.err.contains(QStringLiteral("damaged"))
                && r.err.contains(QStringLiteral("kopru-cli restore %1 BACKUP").arg(db)),
            qPrintable(r.err));
        QVERIFY2(r.err.count(QStringLiteral("damaged")) == 1, qPrintable(r.err)); // said once
        r = run({ QStringLiteral("backups"), db });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString name = QFileInfo(after.first().path).fileName(); // the imported state
        QVERIFY2(r.out.contains(name), qPrintable(r.out));
        r = run({ QStringLiteral("restore"), db, name });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("damaged")), qPrintable(r.out));
        QVERIFY(DatabaseFile::verify(db, DatabaseFile::Depth::QuickCheck));
        opened = Database::open(db);
        QVERIFY(opened);
        QVERIFY(test::scalar(opened.value()->connection(), QStringLiteral("SELECT count(*) FROM need_rating")).toInt() > 0);
        QCOMPARE(backups.list(db).size(), 2); // the damaged file is no backup
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
