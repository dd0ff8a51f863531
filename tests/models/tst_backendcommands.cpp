// SPDX-License-Identifier: GPL-3.0-or-later
// The kopru-cli commands on both backends (docs/server.md, issue #14): each
// test runs on a copy of one 300-teacher demo with a plan, once as a .kopru
// file and once copied into a PostgreSQL database (BackendFixture: skipped
// with the reason when no server is announced), and must give what the demo
// file itself gives: the same imported ratings, the same plan, the same
// exported bytes.
#include "models/db/database.h"
#include "models/db/schemascript.h"
#include "models/db/tablecontent.h"
#include "models/io/xlsxreader.h"
#include "models/report/needsreport.h"
#include "models/stats/statsformat.h"
#include "tests/common/backendfixture.h"
#include "tests/common/tableexporter.h"
#include "tests/common/testutil.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlRecord>

using namespace kopru;
using kopru::test::BackendFixture;
using kopru::test::runCli;
using kopru::test::scalar;

class TestBackendCommands : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    BackendFixture m_backends;
    QString m_demo; // the 300-teacher demo with a plan, never changed
    int m_n = 0;

    QString newPath(const QString &suffix = QStringLiteral(".kopru"))
    {
        return m_dir.filePath(QStringLiteral("f%1%2").arg(++m_n).arg(suffix));
    }

    QString write(const QByteArray &bytes, const QString &suffix = QStringLiteral(".csv"))
    {
        const QString path = newPath(suffix);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return path;
    }

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // A copy of the demo on `backend`: a file, or a server database filled by kopru-cli copy.
    QString copyOfDemo(const QString &backend)
    {
        if (backend == BackendFixture::kSqlite) {
            const QString path = newPath();
            return QFile::copy(m_demo, path) ? path : QString();
        }
        const QString url = m_backends.newServerDatabase();
        QString out, err;
        if (url.isEmpty() || runCli({ QStringLiteral("copy"), m_demo, url }, &out, &err) != 0) {
            qWarning("%s", qPrintable(err));
            return {};
        }
        return url;
    }

    // An empty national database on `backend` (kopru-cli init or server-init).
    QString newNationalDatabase(const QString &backend)
    {
        const QString location = backend == BackendFixture::kSqlite ? newPath() : m_backends.newServerDatabase();
        QString out, err;
        const QString command = backend == BackendFixture::kSqlite ? QStringLiteral("init") : QStringLiteral("server-init");
        if (location.isEmpty() || runCli({ command, location }, &out, &err) != 0) {
            qWarning("%s", qPrintable(err));
            return {};
        }
        return location;
    }

    static std::unique_ptr<Database> open(const QString &location)
    {
        auto db = Database::open(location);
        if (!db) {
            qWarning("%s", qPrintable(db.message()));
            return nullptr;
        }
        return std::move(db.value());
    }

    static QVariant valueOf(const QString &location, const QString &sql)
    {
        auto db = open(location);
        return db ? scalar(db->connection(), sql) : QVariant();
    }

    // The rows of `sql` as one text: the values of a row joined by ',', the rows by ';'.
    static QString rows(const QString &location, const QString &sql)
    {
        auto db = open(location);
        if (!db)
            return {};
        QStringList lines;
        const Status s = Sql::forEachRow(db->connection(), sql, [&](const QSqlQuery &q) {
            QStringList values;
            for (int i = 0; i < q.record().count(); ++i)
                values << q.value(i).toString();
            lines << values.join(QLatin1Char(','));
        });
        if (!s)
            qWarning("%s", qPrintable(s.message()));
        return lines.join(QLatin1Char(';'));
    }

    static QString ratings(const QString &location)
    {
        return rows(location,
            QStringLiteral("SELECT teacher_id, competency_id, round, coalesce(need, 0) FROM need_rating "
                           "ORDER BY teacher_id, competency_id, round"));
    }

    static QString proposals(const QString &location)
    {
        return rows(location,
            QStringLiteral("SELECT teacher_id, session_id FROM placement WHERE status = 'proposed' ORDER BY teacher_id, "
                           "session_id"));
    }

    static QString digest(const QString &location)
    {
        auto schema = SchemaScript::current();
        auto db = open(location);
        if (!schema || !db)
            return {};
        auto d = TableContent::digest(db->connection(), schema.value());
        return d ? d.value() : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString error = m_backends.connect();
        // A server that was announced but cannot be reached is a failure, not a skip.
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_demo = m_dir.filePath(QStringLiteral("demo.kopru"));
        QString out, err;
        QCOMPARE(runCli({ QStringLiteral("demo"), m_demo, QStringLiteral("--teachers"), QStringLiteral("300"),
                            QStringLiteral("--partners"), QStringLiteral("60") },
                     &out, &err),
            0);
        QCOMPARE(runCli({ QStringLiteral("plan"), m_demo }, &out, &err), 0);
    }

    void init()
    {
        if (QTest::currentDataTag() == BackendFixture::kPostgres && !m_backends.hasServer())
            QSKIP(qPrintable(m_backends.skipReason()));
    }

    void cleanup()
    {
        if (m_backends.hasServer())
            QVERIFY(m_backends.dropServerDatabases());
    }

    // The national survey (wide CSV) goes in with the same ratings as the
    // demo's; a file with one bad value is refused at its line and column and
    // changes nothing.
    void importNeeds_data() { BackendFixture::addBackends(); }
    void importNeeds()
    {
        QFETCH(QString, backend);
        QByteArray csv;
        QString expected;
        {
            auto demo = open(m_demo);
            QVERIFY(demo);
            auto made = TableExporter::toCsv(demo->connection(), ImportKind::Needs, TableExporter::NeedsShape::Wide);
            QVERIFY2(made, qPrintable(made.message()));
            csv = made.value();
        }
        expected = ratings(m_demo);
        QVERIFY(expected.count(QLatin1Char(';')) > 1000);
        const QString good = write(csv);
        // The last row's last answer becomes 9 (no level).
        QByteArray badBytes = csv.trimmed();
        const qsizetype lastSeparator = badBytes.lastIndexOf(';');
        badBytes = badBytes.left(lastSeparator + 1) + "9\r\n";
        const QString bad = write(badBytes);
        const int badLine = int(badBytes.count('\n'));

        const QString target = copyOfDemo(backend);
        QVERIFY(!target.isEmpty());
        {
            auto db = open(target);
            QVERIFY(db);
            QVERIFY(Sql::exec(db->connection(), QStringLiteral("DELETE FROM need_rating")));
        }
        QCOMPARE(valueOf(target, QStringLiteral("SELECT count(*) FROM need_rating")).toInt(), 0);
        QString out, err;
        QCOMPARE(runCli({ QStringLiteral("import"), target, QStringLiteral("needs"), bad }, &out, &err), 1);
        QVERIFY2(err.contains(QStringLiteral("%1:%2:").arg(bad).arg(badLine)), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("nothing was written")), qPrintable(err));
        QCOMPARE(valueOf(target, QStringLiteral("SELECT count(*) FROM need_rating")).toInt(), 0);

        QCOMPARE(runCli({ QStringLiteral("import"), target, QStringLiteral("needs"), good }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("need ratings inserted")), qPrintable(out + err));
        QCOMPARE(ratings(target), expected);
        // A server database gets no automatic backup, and says so.
        QCOMPARE(err.contains(QStringLiteral("pg_dump")), backend == BackendFixture::kPostgres);

        const QString before = digest(target);
        QVERIFY(!before.isEmpty());
        QCOMPARE(runCli({ QStringLiteral("import"), target, QStringLiteral("needs"), bad }, &out, &err), 1);
        QCOMPARE(digest(target), before);
        // A dry run of the good file writes nothing either.
        QCOMPARE(
            runCli({ QStringLiteral("import"), target, QStringLiteral("needs"), good, QStringLiteral("--dry-run") }, &out, &err),
            0);
        QCOMPARE(digest(target), before);
    }

    // The demo's competencies, teachers and partners go into an empty national database.
    void importTeachersAndPartners_data() { BackendFixture::addBackends(); }
    void importTeachersAndPartners()
    {
        QFETCH(QString, backend);
        QByteArray competencies, teachers, partners;
        {
            auto demo = open(m_demo);
            QVERIFY(demo);
            auto c = TableExporter::toCsv(demo->connection(), ImportKind::Competencies);
            auto t = TableExporter::toCsv(demo->connection(), ImportKind::Teachers);
            auto p = TableExporter::toCsv(demo->connection(), ImportKind::Partners);
            QVERIFY(c && t && p);
            competencies = c.value();
            teachers = t.value();
            partners = p.value();
        }
        const QString target = newNationalDatabase(backend);
        QVERIFY(!target.isEmpty());
        QString out, err;
        QCOMPARE(
            runCli({ QStringLiteral("import"), target, QStringLiteral("competencies"), write(competencies) }, &out, &err), 0);
        QCOMPARE(runCli({ QStringLiteral("import"), target, QStringLiteral("teachers"), write(teachers) }, &out, &err), 0);
        QVERIFY2(runCli({ QStringLiteral("import"), target, QStringLiteral("partners"), write(partners) }, &out, &err) == 0,
            qPrintable(err));
        for (const QString &table : { QStringLiteral("competency"), QStringLiteral("teacher"), QStringLiteral("partner"),
                 QStringLiteral("partner_competency"), QStringLiteral("school") }) {
            const QString count = QStringLiteral("SELECT count(*) FROM ") + table;
            QCOMPARE(valueOf(target, count).toInt(), valueOf(m_demo, count).toInt());
        }
        const QString names = QStringLiteral("SELECT national_id, first_name, last_name FROM teacher ORDER BY national_id");
        QCOMPARE(rows(target, names), rows(m_demo, names));
        // Unknown kind: a usage error.
        QCOMPARE(runCli({ QStringLiteral("import"), target, QStringLiteral("pupils"), write(teachers) }, &out, &err), 2);
    }

    // Planning again gives the demo's plan on both backends: the same
    // objective and the same placements.
    void planIsTheSame_data() { BackendFixture::addBackends(); }
    void planIsTheSame()
    {
        QFETCH(QString, backend);
        const QString target = copyOfDemo(backend);
        QVERIFY(!target.isEmpty());
        QString out, err;
        QCOMPARE(runCli({ QStringLiteral("plan"), target, QStringLiteral("--json") }, &out, &err), 0);
        const QJsonObject result = QJsonDocument::fromJson(out.toUtf8()).object();
        QVERIFY2(result.value(QStringLiteral("placed")).toInt() > 50, qPrintable(out + err));
        const QString objective = QStringLiteral("SELECT objective FROM plan_run ORDER BY id DESC LIMIT 1");
        QCOMPARE(qint64(result.value(QStringLiteral("objective")).toDouble()), valueOf(m_demo, objective).toLongLong());
        QCOMPARE(valueOf(target, objective).toLongLong(), valueOf(m_demo, objective).toLongLong());
        QCOMPARE(proposals(target), proposals(m_demo));
        QCOMPARE(valueOf(target, QStringLiteral("SELECT count(*) FROM plan_run")).toInt(),
            valueOf(m_demo, QStringLiteral("SELECT count(*) FROM plan_run")).toInt() + 1);
    }

    // Exports read the same rows: the CSVs are the demo file's byte for byte;
    // XLSX, PDF and iCal are written.
    void exportIsTheSame_data() { BackendFixture::addBackends(); }
    void exportIsTheSame()
    {
        QFETCH(QString, backend);
        const QString target = copyOfDemo(backend);
        QVERIFY(!target.isEmpty());
        QString out, err;
        for (const QString &kind :
            { QStringLiteral("plan"), QStringLiteral("schedule"), QStringLiteral("needs"), QStringLiteral("unplaced") }) {
            const QString mine = newPath(QStringLiteral(".csv"));
            const QString reference = newPath(QStringLiteral(".csv"));
            QCOMPARE(runCli({ QStringLiteral("export"), m_demo, kind, QStringLiteral("--format"), QStringLiteral("csv"),
                                QStringLiteral("--out"), reference },
                         &out, &err),
                0);
            QCOMPARE(runCli({ QStringLiteral("export"), target, kind, QStringLiteral("--format"), QStringLiteral("csv"),
                                QStringLiteral("--out"), mine },
                         &out, &err),
                0);
            const QByteArray bytes = read(mine);
            QVERIFY2(bytes.count('\n') > 3, qPrintable(kind));
            QVERIFY2(bytes == read(reference), qPrintable(kind));
        }
        for (const QString &format : { QStringLiteral("xlsx"), QStringLiteral("pdf"), QStringLiteral("ics") }) {
            const QString path = newPath(QLatin1Char('.') + format);
            QCOMPARE(runCli({ QStringLiteral("export"), target, QStringLiteral("plan"), QStringLiteral("--format"), format,
                                QStringLiteral("--out"), path },
                         &out, &err),
                0);
            QVERIFY2(QFileInfo(path).size() > 1000, qPrintable(format));
        }
        // An unknown field: a usage error naming it, nothing written.
        const QString none = newPath(QStringLiteral(".csv"));
        QCOMPARE(
            runCli({ QStringLiteral("export"), target, QStringLiteral("plan"), QStringLiteral("--format"), QStringLiteral("csv"),
                       QStringLiteral("--out"), none, QStringLiteral("--field"), QStringLiteral("XYZ") },
                &out, &err),
            2);
        QVERIFY(!QFileInfo::exists(none));
    }

    // The read-only reports: the quality indicators print the same table as from the demo file.
    void quality_data() { BackendFixture::addBackends(); }
    void quality()
    {
        QFETCH(QString, backend);
        const QString target = copyOfDemo(backend);
        QVERIFY(!target.isEmpty());
        QString mine, reference, err;
        QCOMPARE(runCli({ QStringLiteral("quality"), m_demo }, &reference, &err), 0);
        QCOMPARE(runCli({ QStringLiteral("quality"), target }, &mine, &err), 0);
        QVERIFY(reference.count(QLatin1Char('\n')) > 5);
        QCOMPARE(mine, reference);
    }

    // Certificates are issued from a server database as from its file: the
    // same placements, numbers and counts (verification codes are random);
    // issued again they are re-issued with number and code kept; and
    // verify-certificate checks one on either backend the same way.
    void certificates_data() { BackendFixture::addBackends(); }
    void certificates()
    {
        QFETCH(QString, backend);
        const QString reference = copyOfDemo(BackendFixture::kSqlite);
        const QString target = copyOfDemo(backend);
        QVERIFY(!reference.isEmpty() && !target.isEmpty());
        const QString completed = QStringLiteral("SELECT count(*) FROM placement WHERE status = 'completed'");
        const int count = valueOf(reference, completed).toInt();
        QVERIFY(count > 10);
        QString mine, theirs, err;
        QCOMPARE(runCli({ QStringLiteral("certificates"), reference, QStringLiteral("--all"), QStringLiteral("--out"),
                            newPath(QStringLiteral(".pdf")) },
                     &theirs, &err),
            0);
        const QString pdf = newPath(QStringLiteral(".pdf"));
        QVERIFY2(
            runCli({ QStringLiteral("certificates"), target, QStringLiteral("--all"), QStringLiteral("--out"), pdf }, &mine, &err)
                == 0,
            qPrintable(err));
        QVERIFY2(mine.startsWith(QStringLiteral("%1 new certificate(s), 0 re-issued").arg(count)), qPrintable(mine));
        QCOMPARE(mine.section(QLatin1Char('\n'), 0, 0), theirs.section(QLatin1Char('\n'), 0, 0));
        QVERIFY(QFileInfo(pdf).size() > 1000);
        const QString numbers = QStringLiteral("SELECT placement_id, number, issue_count FROM certificate ORDER BY placement_id");
        QCOMPARE(rows(target, numbers).count(QLatin1Char(';')), count - 1);
        QCOMPARE(rows(target, numbers), rows(reference, numbers));

        // Again: re-issued, every number and code kept.
        const QString codes
            = QStringLiteral("SELECT placement_id, number, verification_code FROM certificate ORDER BY placement_id");
        const QString before = rows(target, codes);
        QCOMPARE(runCli({ QStringLiteral("certificates"), target, QStringLiteral("--all"), QStringLiteral("--out"), pdf }, &mine,
                     &err),
            0);
        QVERIFY2(mine.startsWith(QStringLiteral("0 new certificate(s), %1 re-issued").arg(count)), qPrintable(mine));
        QCOMPARE(rows(target, codes), before);

        // verify-certificate: the same answer from both for the same certificate.
        const QString first = QStringLiteral("SELECT number, verification_code FROM certificate ORDER BY placement_id LIMIT 1");
        const QStringList mineCode = rows(target, first).split(QLatin1Char(','));
        const QStringList theirCode = rows(reference, first).split(QLatin1Char(','));
        QCOMPARE(mineCode.size(), 2);
        QCOMPARE(mineCode.at(0), theirCode.at(0));
        QString verified, verifiedThere;
        QCOMPARE(runCli({ QStringLiteral("verify-certificate"), target, mineCode.at(0), mineCode.at(1) }, &verified, &err), 0);
        QCOMPARE(
            runCli({ QStringLiteral("verify-certificate"), reference, theirCode.at(0), theirCode.at(1) }, &verifiedThere, &err),
            0);
        QVERIFY2(verified.startsWith(QStringLiteral("valid: certificate ") + mineCode.at(0)), qPrintable(verified));
        // The file's certificates were issued once, the server's twice.
        QCOMPARE(verified.section(QLatin1Char('\n'), 0, 3), verifiedThere.section(QLatin1Char('\n'), 0, 3));
        // Another certificate's code: not valid, exit 1.
        QCOMPARE(runCli({ QStringLiteral("verify-certificate"), target, mineCode.at(0), theirCode.at(1) }, &verified, &err), 1);
        QVERIFY2(err.contains(QStringLiteral("does not belong to certificate")), qPrintable(err));
    }

    // quality-report writes the same figures (XLSX, cell for cell) from a
    // server database as from the demo file; report reads the same needs
    // analysis and writes its PDF.
    void reports_data() { BackendFixture::addBackends(); }
    void reports()
    {
        QFETCH(QString, backend);
        const QString target = copyOfDemo(backend);
        QVERIFY(!target.isEmpty());
        QString out, err;
        const QString mine = newPath(QStringLiteral(".xlsx"));
        const QString reference = newPath(QStringLiteral(".xlsx"));
        for (const auto &[location, path] : { std::pair { m_demo, reference }, std::pair { target, mine } })
            QVERIFY2(runCli({ QStringLiteral("quality-report"), location, QStringLiteral("--period"), QStringLiteral("2027"),
                                QStringLiteral("--out"), path },
                         &out, &err)
                    == 0,
                qPrintable(err));
        auto sheets = XlsxReader::sheetNames(mine);
        QVERIFY2(sheets, qPrintable(sheets.message()));
        QVERIFY(!sheets.value().isEmpty());
        QCOMPARE(sheets.value(), XlsxReader::sheetNames(reference).value());
        int cells = 0;
        for (const QString &sheet : sheets.value()) {
            auto a = XlsxReader::read(mine, sheet);
            auto b = XlsxReader::read(reference, sheet);
            QVERIFY2(a && b, qPrintable(sheet));
            QCOMPARE(a->header, b->header);
            QCOMPARE(a->rows.size(), b->rows.size());
            for (std::size_t r = 0; r < a->rows.size(); ++r) {
                QCOMPARE(a->rows[r].cells(), b->rows[r].cells());
                cells += int(a->rows[r].size());
            }
        }
        QVERIFY(cells > 20);

        const QString pdf = newPath(QStringLiteral(".pdf"));
        QCOMPARE(runCli({ QStringLiteral("report"), target, QStringLiteral("--field"), QStringLiteral("BIL"),
                            QStringLiteral("--out"), pdf },
                     &out, &err),
            0);
        QVERIFY(QFileInfo(pdf).size() > 1000);
        auto server = open(target);
        auto file = open(m_demo);
        QVERIFY(server && file);
        auto a = report::collectNeedsReport(server->connection(), QStringLiteral("BIL"));
        auto b = report::collectNeedsReport(file->connection(), QStringLiteral("BIL"));
        QVERIFY2(a && b, qPrintable(a ? b.message() : a.message()));
        QCOMPARE(stats::toJson(a->field), stats::toJson(b->field));
        QVERIFY(a->field.respondents > 0);
        for (const auto &[mineBreakdown, theirs] :
            { std::pair { &a->provinces, &b->provinces }, std::pair { &a->centres, &b->centres } }) {
            QCOMPARE(mineBreakdown->groups.size(), theirs->groups.size());
            for (std::size_t g = 0; g < mineBreakdown->groups.size(); ++g) {
                QCOMPARE(mineBreakdown->groups[g].name, theirs->groups[g].name);
                QCOMPARE(mineBreakdown->groups[g].respondents, theirs->groups[g].respondents);
            }
        }
    }

    // role on a server database: the national office's, with what the login may do; --set is refused.
    void roleOnAServer()
    {
        if (!m_backends.hasServer())
            QSKIP(qPrintable(m_backends.skipReason()));
        const QString target = copyOfDemo(BackendFixture::kPostgres);
        QVERIFY(!target.isEmpty());
        QString out, err;
        QCOMPARE(runCli({ QStringLiteral("role"), target }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral(": National office (database ")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("may read and write")), qPrintable(out));
        // The same database id as the file it was copied from.
        QString fileOut;
        QCOMPARE(runCli({ QStringLiteral("role"), m_demo }, &fileOut, &err), 0);
        QCOMPARE(out.section(QStringLiteral("(database "), 1).section(QLatin1Char(')'), 0, 0),
            fileOut.section(QStringLiteral("(database "), 1).section(QLatin1Char(')'), 0, 0));
        const QString before = digest(target);
        QCOMPARE(runCli({ QStringLiteral("role"), target, QStringLiteral("--set"), QStringLiteral("centre:3") }, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("this is a server database, always the national office's")), qPrintable(err));
        QCOMPARE(digest(target), before);
    }

    // check passes on a sound database and names a broken rule.
    void check_data() { BackendFixture::addBackends(); }
    void check()
    {
        QFETCH(QString, backend);
        const QString target = copyOfDemo(backend);
        QVERIFY(!target.isEmpty());
        QString out, err;
        QCOMPARE(runCli({ QStringLiteral("check"), target }, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("check passed")), qPrintable(out + err));
        QVERIFY(out.contains(QStringLiteral("need_rating")));
        {
            auto db = open(target);
            QVERIFY(db);
            // One full session's capacity drops below its placements.
            QVERIFY(Sql::exec(db->connection(),
                QStringLiteral("UPDATE training_session SET capacity = 1 WHERE id = (SELECT session_id FROM placement WHERE "
                               "status <> 'cancelled' GROUP BY session_id HAVING count(*) > 1 ORDER BY session_id LIMIT 1)")));
        }
        QCOMPARE(runCli({ QStringLiteral("check"), target }, &out, &err), 1);
        QVERIFY2(err.contains(QStringLiteral("1 sessions hold more teachers than their capacity")), qPrintable(err));
    }

    // Köprü makes no backups of a server database and restores none: backup,
    // backups and restore refuse a URL (exit 2), saying that pg_dump does it,
    // without the password; role --set is refused before connecting (no server needed).
    void backupsOfAServerAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        const QString url = QStringLiteral("postgresql://nobody:secret@127.0.0.1:1/kopru");
        const QString pgDump = QStringLiteral("backups are made on the server with pg_dump and restored with pg_restore");
        QTest::newRow("backup") << QStringList { QStringLiteral("backup"), url, newPath() } << pgDump;
        QTest::newRow("backups") << QStringList { QStringLiteral("backups"), url } << pgDump;
        QTest::newRow("restore") << QStringList { QStringLiteral("restore"), url, QStringLiteral("x.kopru") } << pgDump;
        QTest::newRow("role --set") << QStringList { QStringLiteral("role"), url, QStringLiteral("--set"),
            QStringLiteral("national") }
                                    << QStringLiteral("its role cannot be set");
    }
    void backupsOfAServerAreRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        QString out, err;
        QCOMPARE(runCli(args, &out, &err), 2);
        QVERIFY2(err.contains(says), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("127.0.0.1")), qPrintable(err));
        QVERIFY2(!err.contains(QStringLiteral("secret")), qPrintable(err));
        QVERIFY(out.isEmpty());
        if (args.size() > 2 && args.at(0) == QLatin1String("backup"))
            QVERIFY(!QFileInfo::exists(args.at(2)));
    }
};

QTEST_GUILESS_MAIN(TestBackendCommands)
#include "tst_backendcommands.moc"
