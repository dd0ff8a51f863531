// SPDX-License-Identifier: GPL-3.0-or-later
// The exchange on both backends (docs/exchange.md, "On a server database";
// issue #14): the national office's database is a .kopru file or a copy of
// it on PostgreSQL (BackendFixture: the server rows are skipped with the
// reason when no server is announced). Whatever the server receives or packs
// must give what the file gives: the same summary, the same content (global
// ids, owners, versions, tombstones, reviews and held rows — compared on a
// copy of the server database back into a file), the same exchange log, the
// same package content; refusals change nothing.
#include "models/db/database.h"
#include "models/exchange/proposecorrectioncommand.h"
#include "models/exchange/resolvereviewcommand.h"
#include "tests/common/backendfixture.h"
#include "tests/common/exchangeutil.h"
#include "tests/common/testutil.h"

#include <QDateTime>
#include <QFile>
#include <QSqlRecord>
#include <QUndoStack>
#include <QUrl>

using namespace kopru;
using kopru::test::BackendFixture;
using kopru::test::runCli;
using Work = kopru::test::ExchangeWorkspace;

class TestExchangeBackends : public QObject
{
    Q_OBJECT

    Work m_work;
    BackendFixture m_backends;
    QString m_national, m_centre1, m_centre4;
    int m_n = 0;
    QString m_caseStarted; // UTC, as the triggers write times

    QString next(const QString &suffix) { return m_work.path(QStringLiteral("f%1%2").arg(++m_n).arg(suffix)); }

    // A copy of the database file `file` on `backend`: a file, or a new server
    // database filled by kopru-cli copy (the same database: same database_id).
    QString onBackend(const QString &file, const QString &backend)
    {
        if (backend == BackendFixture::kSqlite)
            return m_work.copyOf(file);
        const QString url = m_backends.newServerDatabase();
        QString out, err;
        if (url.isEmpty() || runCli({ QStringLiteral("copy"), file, url }, &out, &err) != 0) {
            qWarning("%s", qPrintable(err));
            return {};
        }
        return url;
    }

    // The content of a database (test::contentDigests), read from a
    // throwaway file copy of it (a server database copied by kopru-cli copy).
    // Two things are taken off there, its triggers dropped first so that
    // nothing else changes: the login in who made a change (a server records
    // 'national:kopru_ci', SqlDialect::changeLabel, a file 'national'), and
    // the time of changes made during the test case (two databases doing the
    // same thing a second apart differ there).
    QMap<QString, QByteArray> contents(const QString &location)
    {
        const QString file = next(QStringLiteral(".kopru"));
        if (QFile::exists(location)) {
            // Also what another connection committed to the file's write-ahead log.
            auto source = Database::open(location);
            if (!source || !Sql::exec(source.value()->connection(), QStringLiteral("VACUUM INTO ?"), { file })) {
                qWarning("cannot copy %s", qPrintable(location));
                return {};
            }
        } else {
            QString out, err;
            if (runCli({ QStringLiteral("copy"), location, file }, &out, &err) != 0) {
                qWarning("%s", qPrintable(err));
                return {};
            }
        }
        if (Status s = normalised(file); !s) {
            qWarning("%s", qPrintable(s.message()));
            return {};
        }
        auto db = Database::open(file);
        return db ? test::contentDigests(db.value()->connection()) : QMap<QString, QByteArray>();
    }

    // The server's label of the test's login.
    static QString serverLabel()
    {
        return QStringLiteral("national:") + QUrl(qEnvironmentVariable("KOPRU_TEST_PG_URL")).userName();
    }

    Status normalised(const QString &file) const
    {
        auto db = Database::open(file);
        if (!db)
            return db.error();
        const QSqlDatabase c = db.value()->connection();
        QStringList triggers, updates;
        Status s = Sql::forEachRow(c, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger'"),
            [&](const QSqlQuery &q) { triggers << q.value(0).toString(); });
        if (s)
            s = Sql::forEachRow(c,
                QStringLiteral("SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' "
                               "AND p.name IN ('modified_by', 'record_modified_by', 'deleted_by', 'resolved_by', "
                               "'modified_at', 'record_modified_at', 'deleted_at', 'resolved_at')"),
                [&](const QSqlQuery &q) {
                    const QString table = q.value(0).toString(), column = q.value(1).toString();
                    updates << (column.endsWith(QLatin1String("_by"))
                            ? QStringLiteral("UPDATE %1 SET %2 = 'national' WHERE %2 = '%3'").arg(table, column, serverLabel())
                            : QStringLiteral("UPDATE %1 SET %2 = 'during the test' WHERE %2 >= '%3'")
                                  .arg(table, column, m_caseStarted));
                });
        if (!s)
            return s;
        for (const QString &trigger : std::as_const(triggers))
            if (Status d = Sql::exec(c, QStringLiteral("DROP TRIGGER %1").arg(trigger)); !d)
                return d;
        for (const QString &statement : std::as_const(updates))
            if (Status u = Sql::exec(c, statement); !u)
                return u;
        return {};
    }

    // The tables whose content differs, for a failure's message.
    // The tables whose content differs (empty: the same content).
    static QString differing(const QMap<QString, QByteArray> &a, const QMap<QString, QByteArray> &b)
    {
        if (a == b)
            return {};
        QStringList tables;
        for (auto it = a.constBegin(); it != a.constEnd(); ++it)
            if (b.value(it.key()) != it.value())
                tables << it.key();
        return QStringLiteral("tables differing: ") + tables.join(QStringLiteral(", "));
    }
    QString differing(const QString &location, const QString &reference)
    {
        return differing(contents(location), contents(reference));
    }

    // The rows of `sql` as one text (values joined by ',', rows by ';').
    static QString rows(const QString &location, const QString &sql)
    {
        auto db = Database::open(location);
        if (!db)
            return db.message();
        QStringList lines;
        const Status s = Sql::forEachRow(db.value()->connection(), sql, [&](const QSqlQuery &q) {
            QStringList values;
            for (int i = 0; i < q.record().count(); ++i)
                values << q.value(i).toString();
            lines << values.join(QLatin1Char(','));
        });
        return s ? lines.join(QLatin1Char(';')) : s.message();
    }

    // What the exchange log says about the peers and packages.
    static QString exchangeLog(const QString &location)
    {
        return rows(location,
                   QStringLiteral("SELECT role, coalesce(centre_id, 0), coalesce(database_id, ''), last_received_seq, "
                                  "coalesce(last_received_sha, ''), last_sent_seq, acked_seq FROM exchange_peer "
                                  "ORDER BY role, centre_id"))
            + QLatin1Char('|')
            + rows(location,
                QStringLiteral("SELECT direction, sequence, base_sequence, ack_sequence, \"full\", coalesce(content_sha, ''), "
                               "coalesce(counts, '') FROM exchange_package ORDER BY direction, sequence"));
    }

    static QString manifestValue(const QString &package, const QString &key)
    {
        const QString name = QStringLiteral("manifest-%1").arg(key);
        QString value;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(package);
            if (db.open())
                value = test::scalar(db, QStringLiteral("SELECT value FROM manifest WHERE key = '%1'").arg(key)).toString();
        }
        QSqlDatabase::removeDatabase(name);
        return value;
    }

    // kopru-cli pack of `location` for `to`; the package's path (empty: refused).
    QString pack(const QString &location, const QString &to)
    {
        const QString package = next(QStringLiteral(".kopru-pkg"));
        QString out, err;
        const int code = runCli(
            { QStringLiteral("pack"), location, QStringLiteral("--to"), to, QStringLiteral("--out"), package }, &out, &err);
        if (code != 0) {
            qWarning("pack %s: %d %s", qPrintable(location), code, qPrintable(err));
            return {};
        }
        return package;
    }

    // kopru-cli receive: its exit code, stdout in *out and stderr in *err.
    static int receive(const QString &location, const QString &package, QString *out, QString *err)
    {
        return runCli({ QStringLiteral("receive"), location, package }, out, err);
    }

private slots:
    void initTestCase()
    {
        const QString error = m_backends.connect();
        // A server that was announced but cannot be reached is a failure, not a skip.
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_national = Work::build(m_work.path(QStringLiteral("national.kopru")), DatabaseRole::national());
        m_centre1 = Work::build(m_work.path(QStringLiteral("centre1.kopru")), DatabaseRole::centre(1));
        m_centre4 = Work::build(m_work.path(QStringLiteral("centre4.kopru")), DatabaseRole::centre(4));
        QVERIFY(!m_national.isEmpty() && !m_centre1.isEmpty() && !m_centre4.isEmpty());
    }

    void init()
    {
        m_caseStarted = QDateTime::currentDateTimeUtc().addSecs(-1).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (QTest::currentDataTag() == BackendFixture::kPostgres && !m_backends.hasServer())
            QSKIP(qPrintable(m_backends.skipReason()));
    }

    void cleanup()
    {
        if (m_backends.hasServer())
            QVERIFY(m_backends.dropServerDatabases());
    }

    // A centre's package received by the national office: the same summary,
    // content and exchange log as a file receiving it; again: nothing to do.
    void centrePackageReceived_data() { BackendFixture::addBackends(); }
    void centrePackageReceived()
    {
        QFETCH(QString, backend);
        const QString centre = m_work.copyOf(m_centre4);
        QVERIFY(Work::change(centre,
            { QStringLiteral("UPDATE teacher SET phone = '05321234567' WHERE id = (SELECT min(id) FROM teacher "
                             "WHERE owner_centre_id = 4)"),
                QStringLiteral("DELETE FROM placement WHERE id = (SELECT max(id) FROM placement WHERE owner_centre_id = 4 "
                               "AND status = 'proposed')") }));
        const QString package = pack(centre, QStringLiteral("national"));
        QVERIFY(!package.isEmpty());

        const QString reference = m_work.copyOf(m_national);
        QString refOut, out, err;
        QCOMPARE(receive(reference, package, &refOut, &err), 0);
        const QString national = onBackend(m_national, backend);
        QVERIFY(!national.isEmpty());
        QCOMPARE(receive(national, package, &out, &err), 0);
        QCOMPARE(out, refOut); // every table's new, updated, unchanged, deleted, conflicts, refused
        QVERIFY2(out.contains(QStringLiteral("row(s) changed")), qPrintable(out));
        QVERIFY(rows(national, QStringLiteral("SELECT count(*) FROM tombstone WHERE table_name = 'placement'")).toInt() > 0);
        const auto received = contents(national);
        QVERIFY(!received.isEmpty());
        QCOMPARE(received, contents(reference));
        QCOMPARE(exchangeLog(national), exchangeLog(reference));

        // The same package again: nothing to do, nothing changed.
        QCOMPARE(receive(national, package, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("received already")), qPrintable(out));
        QCOMPARE(contents(national), received);
    }

    // The national office packs for centre 4: the same package content as
    // packed from the file; the centre receives it as it receives that one.
    void nationalPackageForCentre_data() { BackendFixture::addBackends(); }
    void nationalPackageForCentre()
    {
        QFETCH(QString, backend);
        const QString national = onBackend(m_national, backend);
        QVERIFY(!national.isEmpty());
        const QString package = pack(national, QStringLiteral("4"));
        QVERIFY(!package.isEmpty());
        const QString refNational = m_work.copyOf(m_national);
        const QString refPackage = pack(refNational, QStringLiteral("4"));
        QVERIFY(!refPackage.isEmpty());
        const QString sha = manifestValue(package, QStringLiteral("content_sha256"));
        QCOMPARE(sha.size(), 64);
        QCOMPARE(sha, manifestValue(refPackage, QStringLiteral("content_sha256")));
        QCOMPARE(
            manifestValue(package, QStringLiteral("rows.teacher")), manifestValue(refPackage, QStringLiteral("rows.teacher")));
        // The exchange log records the package sent, as the file's does.
        QCOMPARE(rows(national, QStringLiteral("SELECT count(*) FROM exchange_package WHERE direction = 'sent'")),
            QStringLiteral("1"));
        QCOMPARE(exchangeLog(national), exchangeLog(refNational));

        const QString centre = m_work.copyOf(m_centre4), refCentre = m_work.copyOf(m_centre4);
        QString out, refOut, err;
        QCOMPARE(receive(centre, package, &out, &err), 0);
        QCOMPARE(receive(refCentre, refPackage, &refOut, &err), 0);
        // The same summary (after the first line, which says when each package was made).
        QCOMPARE(out.section(QLatin1Char('\n'), 1), refOut.section(QLatin1Char('\n'), 1));
        QVERIFY2(out.contains(QStringLiteral("row(s) changed")), qPrintable(out));
        QCOMPARE(contents(centre), contents(refCentre));
    }

    // Two centres register the same teacher: on the server as on a file the
    // second registration becomes a review item with its rows held.
    void conflictBecomesReview_data() { BackendFixture::addBackends(); }
    void conflictBecomesReview()
    {
        QFETCH(QString, backend);
        const QString centre1 = m_work.copyOf(m_centre1), centre4 = m_work.copyOf(m_centre4);
        const QString reg
            = QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id, centre_id) VALUES "
                             "('10000000146', '%1', 'Çağlayan', (SELECT id FROM field WHERE code = 'ELK'), 34, %2)");
        QVERIFY(Work::change(centre1, { reg.arg(QStringLiteral("Şükrü")).arg(1) }));
        QVERIFY(Work::change(centre4,
            { reg.arg(QStringLiteral("Şükran")).arg(4),
                QStringLiteral(
                    "INSERT INTO placement(teacher_id, session_id) SELECT t.id, s.id FROM teacher t, training_session s JOIN "
                    "field f ON f.id = s.field_id WHERE t.national_id = '10000000146' AND f.code = 'ELK' LIMIT 1") }));
        const QString p1 = pack(centre1, QStringLiteral("national")), p4 = pack(centre4, QStringLiteral("national"));
        QVERIFY(!p1.isEmpty() && !p4.isEmpty());

        const QString national = onBackend(m_national, backend), reference = m_work.copyOf(m_national);
        QVERIFY(!national.isEmpty());
        QString out, refOut, err;
        for (const QString &package : { p1, p4 }) {
            QCOMPARE(receive(reference, package, &refOut, &err), 0);
            QCOMPARE(receive(national, package, &out, &err), 0);
            QCOMPARE(out, refOut);
        }
        QVERIFY2(out.contains(QStringLiteral("item(s) opened in the review list")), qPrintable(out));
        QCOMPARE(rows(national, QStringLiteral("SELECT kind, subject, status FROM review_item")),
            QStringLiteral("duplicate_teacher,10000000146,open"));
        // Who opened it: on the server the login as well.
        QCOMPARE(rows(national, QStringLiteral("SELECT modified_by FROM review_item")),
            backend == BackendFixture::kPostgres ? serverLabel() : QStringLiteral("national"));
        QVERIFY(rows(national, QStringLiteral("SELECT count(*) FROM review_parked")).toInt() >= 2);
        QCOMPARE(rows(national, QStringLiteral("SELECT table_name, uid, row_json FROM review_parked ORDER BY table_name, uid")),
            rows(reference, QStringLiteral("SELECT table_name, uid, row_json FROM review_parked ORDER BY table_name, uid")));
        QCOMPARE(contents(national), contents(reference));
    }

    // The review list decided on both backends (ResolveReviewCommand, the
    // rows held in review_parked and applied through HeldRows): the teacher
    // registered at centres 1 and 4 kept as centre 1's, merged into it, or
    // rejected — then undone and done again. After each step the server's
    // content is the file's (the login taken off who decided, see contents()).
    void reviewDecided_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("action");
        for (const QString &backend : { BackendFixture::kSqlite, BackendFixture::kPostgres }) {
            QTest::newRow(qPrintable(backend + QStringLiteral(" keep"))) << backend << int(ResolveReviewCommand::Action::Keep);
            QTest::newRow(qPrintable(backend + QStringLiteral(" merge"))) << backend << int(ResolveReviewCommand::Action::Merge);
            QTest::newRow(qPrintable(backend + QStringLiteral(" reject")))
                << backend << int(ResolveReviewCommand::Action::Reject);
        }
    }
    void reviewDecided()
    {
        QFETCH(QString, backend);
        QFETCH(int, action);
        const auto decision = ResolveReviewCommand::Action(action);
        const QString centre1 = m_work.copyOf(m_centre1), centre4 = m_work.copyOf(m_centre4);
        const QString reg
            = QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id, centre_id) VALUES "
                             "('10000000146', '%1', 'Çağlayan', (SELECT id FROM field WHERE code = 'ELK'), 34, %2)");
        QVERIFY(Work::change(centre1, { reg.arg(QStringLiteral("Şükrü")).arg(1) }));
        QVERIFY(Work::change(centre4,
            { reg.arg(QStringLiteral("Şükran")).arg(4),
                QStringLiteral(
                    "INSERT INTO placement(teacher_id, session_id) SELECT t.id, s.id FROM teacher t, training_session s JOIN "
                    "field f ON f.id = s.field_id WHERE t.national_id = '10000000146' AND f.code = 'ELK' LIMIT 1") }));
        const QString uid1
            = Work::value(centre1, QStringLiteral("SELECT uid FROM teacher WHERE national_id = '10000000146'")).toString();
        const QString p1 = pack(centre1, QStringLiteral("national")), p4 = pack(centre4, QStringLiteral("national"));
        QVERIFY(!p1.isEmpty() && !p4.isEmpty());
        const QString national = onBackend(m_national, backend), reference = m_work.copyOf(m_national);
        QVERIFY(!national.isEmpty());
        QString out, err;
        for (const QString &package : { p1, p4 }) {
            QCOMPARE(receive(reference, package, &out, &err), 0);
            QCOMPARE(receive(national, package, &out, &err), 0);
        }
        const QString openItem
            = QStringLiteral("SELECT id FROM review_item WHERE kind = 'duplicate_teacher' AND status = 'open'");
        const int item = rows(national, openItem).toInt(), refItem = rows(reference, openItem).toInt();
        QVERIFY(item > 0 && refItem > 0);
        QCOMPARE(rows(national, QStringLiteral("SELECT count(*) FROM review_parked WHERE table_name = 'teacher'")),
            QStringLiteral("2"));
        const auto opened = contents(national);
        QCOMPARE(opened, contents(reference));

        const QString chosen = decision == ResolveReviewCommand::Action::Reject ? QString() : uid1;
        auto db = Database::open(national), refDb = Database::open(reference);
        QVERIFY2(db && refDb, qPrintable(db ? refDb.message() : db.message()));
        QUndoStack stack, refStack;
        QVERIFY(DbCommand::run(&refStack,
            std::make_unique<ResolveReviewCommand>(
                refDb.value()->connection(), refItem, decision, chosen, QStringList(), QStringLiteral("decide"))));
        const Status decided = DbCommand::run(&stack,
            std::make_unique<ResolveReviewCommand>(
                db.value()->connection(), item, decision, chosen, QStringList(), QStringLiteral("decide")));
        QVERIFY2(decided, qPrintable(decided.message()));
        const QString state = QStringLiteral(
            "SELECT (SELECT status || ' ' || resolution FROM review_item), (SELECT count(*) FROM review_parked WHERE "
            "table_name = 'teacher'), "
            "(SELECT count(*) FROM teacher WHERE national_id = '10000000146'), (SELECT count(*) FROM uid_alias)");
        const QString expected = decision == ResolveReviewCommand::Action::Keep
            ? QStringLiteral("resolved keep,1,1,0") // centre 4's registration stays held, rejected
            : decision == ResolveReviewCommand::Action::Merge ? QStringLiteral("resolved merge,0,1,1")
                                                              : QStringLiteral("resolved reject,2,0,0");
        QCOMPARE(rows(national, state), expected);
        QCOMPARE(rows(reference, state), expected);
        if (decision != ResolveReviewCommand::Action::Reject)
            QCOMPARE(rows(national, QStringLiteral("SELECT uid FROM teacher WHERE national_id = '10000000146'")), uid1);
        QVERIFY2(rows(national, QStringLiteral("SELECT resolved_by FROM review_item")).startsWith(QStringLiteral("national")),
            qPrintable(rows(national, QStringLiteral("SELECT resolved_by FROM review_item"))));
        const auto done = contents(national);
        QCOMPARE(differing(done, contents(reference)), QString());
        QVERIFY(done != opened);

        // Undo: open again with both registrations held, as before the decision.
        stack.undo();
        refStack.undo();
        QCOMPARE(rows(national, state), QStringLiteral("open ,2,0,0"));
        QCOMPARE(differing(national, reference), QString());
        // Redo: decided again (the item's version one higher than the first time).
        stack.redo();
        refStack.redo();
        QCOMPARE(rows(national, state), expected);
        QCOMPARE(differing(national, reference), QString());
        stack.clear();
        refStack.clear();
    }

    // A centre's correction of a national teacher adopted on both backends
    // (the teacher changed through the review item), undone and done again:
    // the server's content is the file's after each step.
    void correctionAdopted_data() { BackendFixture::addBackends(); }
    void correctionAdopted()
    {
        QFETCH(QString, backend);
        const QString centre = m_work.copyOf(m_centre4);
        const int teacher
            = Work::value(centre, QStringLiteral("SELECT min(id) FROM teacher WHERE owner_centre_id IS NULL")).toInt();
        QVERIFY(teacher > 0);
        const QString uid = Work::value(centre, QStringLiteral("SELECT uid FROM teacher WHERE id = %1").arg(teacher)).toString();
        {
            auto db = Database::open(centre);
            QVERIFY(db);
            QUndoStack stack;
            QVERIFY(DbCommand::run(&stack,
                std::make_unique<ProposeCorrectionCommand>(db.value()->connection(), teacher, QStringLiteral("last_name"),
                    QStringLiteral("Öztürk"), QStringLiteral("nüfus kaydına göre"), QStringLiteral("propose"))));
            stack.clear();
        }
        const QString package = pack(centre, QStringLiteral("national"));
        QVERIFY(!package.isEmpty());
        const QString national = onBackend(m_national, backend), reference = m_work.copyOf(m_national);
        QVERIFY(!national.isEmpty());
        QString out, err;
        QCOMPARE(receive(reference, package, &out, &err), 0);
        QCOMPARE(receive(national, package, &out, &err), 0);
        const QString item = QStringLiteral("SELECT id FROM review_item WHERE kind = 'correction'");
        auto db = Database::open(national), refDb = Database::open(reference);
        QVERIFY(db && refDb);
        QUndoStack stack, refStack;
        QVERIFY(DbCommand::run(&refStack,
            std::make_unique<ResolveReviewCommand>(refDb.value()->connection(), rows(reference, item).toInt(),
                ResolveReviewCommand::Action::Adopt, QString(), QStringList(), QStringLiteral("adopt"))));
        const Status adopted = DbCommand::run(&stack,
            std::make_unique<ResolveReviewCommand>(db.value()->connection(), rows(national, item).toInt(),
                ResolveReviewCommand::Action::Adopt, QString(), QStringList(), QStringLiteral("adopt")));
        QVERIFY2(adopted, qPrintable(adopted.message()));
        const QString name = QStringLiteral("SELECT last_name FROM teacher WHERE uid = '%1'").arg(uid);
        QCOMPARE(rows(national, name), QStringLiteral("Öztürk"));
        QCOMPARE(rows(national, QStringLiteral("SELECT status || ' ' || resolution FROM review_item")),
            QStringLiteral("resolved adopt"));
        QCOMPARE(differing(national, reference), QString());
        stack.undo();
        refStack.undo();
        QVERIFY(rows(national, name) != QStringLiteral("Öztürk"));
        QCOMPARE(differing(national, reference), QString());
        stack.redo();
        refStack.redo();
        QCOMPARE(rows(national, name), QStringLiteral("Öztürk"));
        QCOMPARE(differing(national, reference), QString());
        stack.clear();
        refStack.clear();
    }

    // A damaged package, one the database made itself and one for somebody
    // else are refused with the reason; the database is not changed.
    void badPackageRefused_data() { BackendFixture::addBackends(); }
    void badPackageRefused()
    {
        QFETCH(QString, backend);
        const QString good = pack(m_work.copyOf(m_centre4), QStringLiteral("national"));
        QVERIFY(!good.isEmpty());
        QFile in(good);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        for (qsizetype i = bytes.size() / 2; i < bytes.size() / 2 + 64; ++i)
            bytes[i] = char(bytes.at(i) ^ 0x5a);
        const QString damaged = next(QStringLiteral(".kopru-pkg"));
        QFile out(damaged);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size());
        out.close();

        const QString national = onBackend(m_national, backend);
        QVERIFY(!national.isEmpty());
        const auto before = contents(national);
        const QString logBefore = exchangeLog(national);
        QString text, err;
        QCOMPARE(receive(national, damaged, &text, &err), 1);
        QVERIFY2(err.contains(QStringLiteral("was not changed")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("damaged")) || err.contains(QStringLiteral("checksum")), qPrintable(err));

        // Made by this very database (the server copy is the same database as the file).
        const QString own = pack(m_work.copyOf(m_national), QStringLiteral("4"));
        QVERIFY(!own.isEmpty());
        QCOMPARE(receive(national, own, &text, &err), 1);
        QVERIFY2(err.contains(QStringLiteral("made by this database itself")), qPrintable(err));

        // Not a package at all.
        QCOMPARE(receive(national, m_national, &text, &err), 1);
        QVERIFY2(err.contains(QStringLiteral("not a Köprü package")), qPrintable(err));

        QCOMPARE(contents(national), before);
        QCOMPARE(exchangeLog(national), logBefore);
    }

    // A package that passes every check but fails half-way through applying
    // (a partner's competency the national office does not know, after the
    // partner itself was written) is refused as a whole: one transaction.
    void failureHalfWayChangesNothing_data() { BackendFixture::addBackends(); }
    void failureHalfWayChangesNothing()
    {
        QFETCH(QString, backend);
        const QString centre = m_work.copyOf(m_centre4);
        const QString partner = QStringLiteral("(SELECT min(id) FROM partner WHERE owner_centre_id = 4)");
        QVERIFY(Work::change(centre,
            { QStringLiteral("INSERT INTO competency(field_id, code, title_tr) SELECT min(id), 'YEREL-1', 'Yerel yetkinlik' "
                             "FROM field"),
                QStringLiteral("UPDATE partner SET name = name || ' (yeni)' WHERE id = %1").arg(partner),
                QStringLiteral("INSERT INTO partner_competency(partner_id, competency_id) SELECT %1, id FROM competency "
                               "WHERE code = 'YEREL-1'")
                    .arg(partner) }));
        const QString package = pack(centre, QStringLiteral("national"));
        QVERIFY(!package.isEmpty());
        const QString national = onBackend(m_national, backend);
        QVERIFY(!national.isEmpty());
        const auto before = contents(national);
        const QString logBefore = exchangeLog(national);
        QString out, err;
        QCOMPARE(receive(national, package, &out, &err), 1);
        QVERIFY2(err.contains(QStringLiteral("does not have")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("was not changed")), qPrintable(err));
        QCOMPARE(rows(national, QStringLiteral("SELECT count(*) FROM partner WHERE name LIKE '%(yeni)'")), QStringLiteral("0"));
        QCOMPARE(contents(national), before);
        QCOMPARE(exchangeLog(national), logBefore);
    }
};

QTEST_GUILESS_MAIN(TestExchangeBackends)
#include "tst_exchangebackends.moc"
