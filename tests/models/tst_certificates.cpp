// SPDX-License-Identifier: GPL-3.0-or-later
// Certificates of participation (docs/certificates.md): numbers and codes,
// issuing and re-issuing on a demo database, refusals that change nothing,
// verification, the content, the PDF, the register model and kopru-cli's
// certificates and verify-certificate end to end.
#include "models/certificates/certificatecontent.h"
#include "models/certificates/certificatedocument.h"
#include "models/certificates/certificateissuer.h"
#include "models/certificates/certificatenumber.h"
#include "models/certificates/certificateregistermodel.h"
#include "models/safety/purge.h"
#include "tests/common/testutil.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTimeZone>
#include <map>

using namespace kopru;
using namespace kopru::certificates;

namespace {

QString poppler(const QString &tool, const QStringList &args)
{
    if (QStandardPaths::findExecutable(tool).isEmpty())
        return {};
    QProcess p;
    p.start(tool, args);
    if (!p.waitForFinished(60000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

int pdfPages(const QString &pdf)
{
    const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(poppler(QStringLiteral("pdfinfo"), { pdf }));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QString pdfText(const QString &pdf)
{
    return poppler(QStringLiteral("pdftotext"), { QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-") })
        .replace(QLatin1Char('\n'), QLatin1Char(' '));
}

QDateTime utc(int year, int month, int day)
{
    return QDateTime(QDate(year, month, day), QTime(10, 0), QTimeZone::utc());
}

// Everything in the certificate table, one line a row.
QStringList certificateRows(QSqlDatabase db)
{
    QStringList rows;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT placement_id, number, verification_code, first_issued_at, issued_at, issue_count FROM "
                               "certificate ORDER BY placement_id")))
        return { QStringLiteral("query failed") };
    while (q.next()) {
        QStringList cells;
        for (int c = 0; c < 6; ++c)
            cells << q.value(c).toString();
        rows << cells.join(QLatin1Char('|'));
    }
    return rows;
}

QVariantList column(QSqlDatabase db, const QString &sql)
{
    QVariantList values;
    QSqlQuery q(db);
    if (!q.exec(sql))
        return values;
    while (q.next())
        values << q.value(0);
    return values;
}

} // namespace

class TestCertificates : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_template; // a demo database with a completed programme, no certificates

    // A fresh copy of the demo database.
    std::unique_ptr<Database> demo(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        if (!QFile::copy(m_template, path))
            return nullptr;
        auto db = Database::open(path);
        return db ? std::move(db.value()) : nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_template = m_dir.filePath(QStringLiteral("template.kopru"));
        QString err;
        QCOMPARE(test::runCli(
                     { QStringLiteral("demo"), m_template, QStringLiteral("--teachers"), QStringLiteral("400") }, nullptr, &err),
            0);
        auto db = Database::open(m_template);
        QVERIFY2(db, qPrintable(db.message()));
        QVERIFY(
            test::scalar(db.value()->connection(), QStringLiteral("SELECT count(*) FROM placement WHERE status = 'completed'"))
                .toInt()
            > 20);
        QCOMPARE(test::scalar(db.value()->connection(), QStringLiteral("SELECT count(*) FROM certificate")).toInt(), 0);
    }

    void numbersAndCodes()
    {
        QCOMPARE(certificateNumber(2027, 7, 12), QStringLiteral("KPR-2027-007-00012"));
        QCOMPARE(numberPrefix(2028, 123), QStringLiteral("KPR-2028-123-"));
        QSet<QString> codes;
        const QString alphabet = QString::fromLatin1(kCodeAlphabet);
        QCOMPARE(alphabet.size(), 32);
        for (const QChar ambiguous : QStringLiteral("0O1I"))
            QVERIFY(!alphabet.contains(ambiguous));
        for (int i = 0; i < 500; ++i) {
            const QString code = newVerificationCode();
            QCOMPARE(code.size(), kCodeLength);
            for (const QChar c : code)
                QVERIFY2(alphabet.contains(c), qPrintable(code));
            codes.insert(code);
        }
        QCOMPARE(codes.size(), 500);
        QCOMPARE(normaliseCode(QStringLiteral(" abcde-fghjk ")), QStringLiteral("ABCDEFGHJK"));
        QCOMPARE(displayCode(QStringLiteral("ABCDEFGHJK")), QStringLiteral("ABCDE-FGHJK"));
    }

    // Numbers unique, one sequence per year and centre from 1, kept with the
    // code on a re-issue, which bumps issued_at and issue_count.
    void issueAndReissue()
    {
        auto db = demo(QStringLiteral("issue.kopru"));
        QVERIFY(db);
        QSqlDatabase c = db->connection();
        const int completed
            = test::scalar(c, QStringLiteral("SELECT count(*) FROM placement WHERE status = 'completed'")).toInt();

        auto preview = previewIssue(c, CertificateScope::all());
        QVERIFY2(preview, qPrintable(preview.message()));
        QCOMPARE(preview.value().completed, completed);
        QCOMPARE(preview.value().alreadyIssued, 0);

        auto first = issueCertificates(c, CertificateScope::all(), utc(2027, 7, 20));
        QVERIFY2(first, qPrintable(first.message()));
        QCOMPARE(first.value().issued, completed);
        QCOMPARE(first.value().reissued, 0);
        QCOMPARE(int(first.value().placementIds.size()), completed);

        // The number's centre is the placement's centre; per prefix the sequences are 1…n.
        std::map<QString, std::vector<int>> sequences;
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("SELECT ce.number, ") + centreOfPlacementSql()
            + QStringLiteral(" FROM certificate ce JOIN placement p ON p.id = ce.placement_id JOIN teacher t ON t.id = "
                             "p.teacher_id JOIN training_session ts ON ts.id = p.session_id")));
        const QRegularExpression format(QStringLiteral("^KPR-2027-(\\d{3})-(\\d{5})$"));
        int rows = 0;
        while (q.next()) {
            ++rows;
            const auto m = format.match(q.value(0).toString());
            QVERIFY2(m.hasMatch(), qPrintable(q.value(0).toString()));
            QCOMPARE(m.captured(1).toInt(), q.value(1).toInt());
            sequences[m.captured(1)].push_back(m.captured(2).toInt());
        }
        QCOMPARE(rows, completed);
        QVERIFY(sequences.size() > 1);
        for (auto &[centre, numbers] : sequences) {
            std::sort(numbers.begin(), numbers.end());
            for (std::size_t i = 0; i < numbers.size(); ++i)
                QCOMPARE(numbers[i], int(i) + 1);
        }
        const QStringList before = certificateRows(c);

        auto again = issueCertificates(c, CertificateScope::all(), utc(2027, 9, 1));
        QVERIFY2(again, qPrintable(again.message()));
        QCOMPARE(again.value().issued, 0);
        QCOMPARE(again.value().reissued, completed);
        QCOMPARE(again.value().placementIds, first.value().placementIds);
        const QStringList after = certificateRows(c);
        QCOMPARE(after.size(), before.size());
        for (int i = 0; i < before.size(); ++i) {
            const QStringList b = before[i].split(QLatin1Char('|')), a = after[i].split(QLatin1Char('|'));
            QCOMPARE(a[0], b[0]); // placement
            QCOMPARE(a[1], b[1]); // number
            QCOMPARE(a[2], b[2]); // code
            QCOMPARE(a[3], QStringLiteral("2027-07-20 10:00:00")); // first issued
            QCOMPARE(a[4], QStringLiteral("2027-09-01 10:00:00")); // issued
            QCOMPARE(a[5], QStringLiteral("2"));
        }

        // A placement completed later, certified in a new year: that year's sequence starts at 1.
        const int later = test::scalar(c,
            QStringLiteral("SELECT min(p.id) FROM placement p WHERE p.status = 'cancelled' AND NOT EXISTS (SELECT 1 FROM "
                           "placement o WHERE o.teacher_id = p.teacher_id AND o.status <> 'cancelled')"))
                              .toInt();
        QVERIFY(later > 0);
        QVERIFY(Sql::exec(
            c, QStringLiteral("UPDATE placement SET status = 'completed', cancel_reason = NULL WHERE id = ?"), { later }));
        auto next = issueCertificates(c, CertificateScope::placements({ later }), utc(2028, 1, 5));
        QVERIFY2(next, qPrintable(next.message()));
        QCOMPARE(next.value().issued, 1);
        const QString number
            = test::scalar(c, QStringLiteral("SELECT number FROM certificate WHERE placement_id = %1").arg(later)).toString();
        QVERIFY2(number.startsWith(QStringLiteral("KPR-2028-")) && number.endsWith(QStringLiteral("-00001")), qPrintable(number));
    }

    // A list with a placement that is not completed is refused whole; an
    // unknown session or centre too; nothing is written.
    void refusalsChangeNothing()
    {
        auto db = demo(QStringLiteral("refuse.kopru"));
        QVERIFY(db);
        QSqlDatabase c = db->connection();
        QVERIFY(issueCertificates(c,
            CertificateScope::placements({ column(c,
                QStringLiteral("SELECT id FROM placement WHERE status "
                               "= 'completed' ORDER BY id LIMIT 1"))
                                               .value(0)
                                               .toInt() }),
            utc(2027, 7, 1)));
        const QStringList before = certificateRows(c);
        QCOMPARE(before.size(), 1);
        const QVariantList completed
            = column(c, QStringLiteral("SELECT id FROM placement WHERE status = 'completed' ORDER BY id LIMIT 3"));
        const int open = test::scalar(c, QStringLiteral("SELECT min(id) FROM placement WHERE status <> 'completed'")).toInt();
        QVERIFY(open > 0);
        auto refused = issueCertificates(
            c, CertificateScope::placements({ completed[0].toInt(), completed[1].toInt(), open, completed[2].toInt() }));
        QVERIFY(!refused);
        QVERIFY2(refused.message().contains(QString::number(open)), qPrintable(refused.message()));
        QCOMPARE(certificateRows(c), before);

        auto unknown = issueCertificates(c, CertificateScope::placements({ completed[1].toInt(), 99999999 }));
        QVERIFY(!unknown);
        QVERIFY(unknown.message().contains(QStringLiteral("99999999")));
        QVERIFY(!issueCertificates(c, CertificateScope::session(99999999)));
        QVERIFY(!issueCertificates(c, CertificateScope::centre(999)));
        QCOMPARE(certificateRows(c), before);
        // The schema refuses it too, whoever writes.
        QVERIFY(!Sql::exec(c,
            QStringLiteral("INSERT INTO certificate(placement_id, number, verification_code) VALUES (?, 'X-1', 'ABCDEFGHJK')"),
            { open }));
        QCOMPARE(certificateRows(c), before);
    }

    void verification()
    {
        auto db = demo(QStringLiteral("verify.kopru"));
        QVERIFY(db);
        QSqlDatabase c = db->connection();
        const int session
            = test::scalar(c, QStringLiteral("SELECT session_id FROM placement WHERE status = 'completed' ORDER BY id LIMIT 1"))
                  .toInt();
        auto issued = issueCertificates(c, CertificateScope::session(session));
        QVERIFY2(issued && issued.value().issued > 0, qPrintable(issued.message()));
        const QString number = test::scalar(c, QStringLiteral("SELECT min(number) FROM certificate")).toString();
        const QString code
            = test::scalar(c, QStringLiteral("SELECT verification_code FROM certificate WHERE number = '%1'").arg(number))
                  .toString();

        auto ok = verifyCertificate(c, number.toLower(), displayCode(code).toLower());
        QVERIFY2(ok, qPrintable(ok.message()));
        QCOMPARE(ok.value().outcome, Verification::Outcome::Valid);
        QCOMPARE(ok.value().content.number, number);
        const QString name = test::scalar(c,
            QStringLiteral("SELECT t.first_name || ' ' || t.last_name FROM certificate ce JOIN placement p ON p.id = "
                           "ce.placement_id JOIN teacher t ON t.id = p.teacher_id WHERE ce.number = '%1'")
                .arg(number))
                                 .toString();
        QCOMPARE(ok.value().content.teacherName, name);
        QCOMPARE(ok.value().content.sessionId, session);

        QString wrong = code;
        wrong[0] = wrong[0] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        auto bad = verifyCertificate(c, number, wrong);
        QVERIFY(bad);
        QCOMPARE(bad.value().outcome, Verification::Outcome::WrongCode);
        auto unknown = verifyCertificate(c, QStringLiteral("KPR-1999-001-00001"), code);
        QVERIFY(unknown);
        QCOMPARE(unknown.value().outcome, Verification::Outcome::UnknownNumber);
        // The placement set back to confirmed: the certificate no longer holds.
        QVERIFY(Sql::exec(c,
            QStringLiteral("UPDATE placement SET status = 'confirmed', completed_on = NULL WHERE id = (SELECT placement_id "
                           "FROM certificate WHERE number = ?)"),
            { number }));
        auto withdrawn = verifyCertificate(c, number, code);
        QVERIFY(withdrawn);
        QCOMPARE(withdrawn.value().outcome, Verification::Outcome::NotCompleted);
    }

    // KVKK: erasing the teacher removes the certificate; it no longer verifies.
    void erasureRemovesTheCertificate()
    {
        auto db = demo(QStringLiteral("erase.kopru"));
        QVERIFY(db);
        QSqlDatabase c = db->connection();
        QVERIFY(issueCertificates(c, CertificateScope::all()));
        const int before = test::scalar(c, QStringLiteral("SELECT count(*) FROM certificate")).toInt();
        const QString number = test::scalar(c, QStringLiteral("SELECT min(number) FROM certificate")).toString();
        const QString code
            = test::scalar(c, QStringLiteral("SELECT verification_code FROM certificate WHERE number = '%1'").arg(number))
                  .toString();
        const int teacher = test::scalar(c,
            QStringLiteral("SELECT p.teacher_id FROM certificate ce JOIN placement p ON p.id = ce.placement_id WHERE ce.number = "
                           "'%1'")
                .arg(number))
                                .toInt();
        QVERIFY(purgeTeacher(c, teacher));
        QCOMPARE(test::scalar(c, QStringLiteral("SELECT count(*) FROM certificate")).toInt(), before - 1);
        auto verified = verifyCertificate(c, number, code);
        QVERIFY(verified);
        QCOMPARE(verified.value().outcome, Verification::Outcome::UnknownNumber);
        QCOMPARE(test::scalar(c, QStringLiteral("SELECT sum(certified) FROM erased_placement")).toInt(), 1);
    }

    // Hours from attendance where recorded, else the session's; the session's competencies.
    void content()
    {
        auto db = demo(QStringLiteral("content.kopru"));
        QVERIFY(db);
        QSqlDatabase c = db->connection();
        // One completed placement loses its attendance: its hours are the session's.
        const int noAttendance = test::scalar(c,
            QStringLiteral("SELECT min(placement_id) FROM attendance a JOIN placement p ON p.id = "
                           "a.placement_id WHERE p.status = 'completed' AND a.hours < 8"))
                                     .toInt();
        QVERIFY(noAttendance > 0);
        QVERIFY(Sql::exec(c, QStringLiteral("DELETE FROM attendance WHERE placement_id = ?"), { noAttendance }));
        QVERIFY(issueCertificates(c, CertificateScope::all()));
        auto all = loadCertificates(c, CertificateScope::all());
        QVERIFY2(all, qPrintable(all.message()));
        QCOMPARE(int(all.value().size()), test::scalar(c, QStringLiteral("SELECT count(*) FROM certificate")).toInt());
        int fromAttendance = 0, shorter = 0;
        for (const CertificateContent &k : all.value()) {
            const QString id = QString::number(k.placementId);
            const int days
                = test::scalar(c, QStringLiteral("SELECT count(*) FROM attendance WHERE placement_id = ") + id).toInt();
            const double sessionHours = test::scalar(c,
                QStringLiteral("SELECT ts.hours FROM placement p JOIN training_session ts ON ts.id = p.session_id "
                               "WHERE p.id = ")
                    + id)
                                            .toDouble();
            QCOMPARE(k.hoursPlanned, sessionHours);
            if (days > 0) {
                ++fromAttendance;
                QCOMPARE(k.hoursAttended,
                    test::scalar(c, QStringLiteral("SELECT sum(hours) FROM attendance WHERE placement_id = ") + id).toDouble());
                shorter += k.hoursAttended < sessionHours;
            } else {
                QCOMPARE(k.hoursAttended, sessionHours);
            }
            QCOMPARE(k.attendanceRecorded, days > 0);
            const int own = test::scalar(
                c, QStringLiteral("SELECT count(*) FROM session_competency WHERE session_id = %1").arg(k.sessionId))
                                .toInt();
            if (own > 0)
                QCOMPARE(int(k.competencies.size()), own);
            QVERIFY(!k.teacherName.isEmpty() && !k.partnerName.isEmpty() && k.start.isValid() && k.end >= k.start);
        }
        QVERIFY(fromAttendance > 0);
        QVERIFY(shorter > 0);
        const auto without = std::find_if(
            all.value().begin(), all.value().end(), [&](const CertificateContent &k) { return k.placementId == noAttendance; });
        QVERIFY(without != all.value().end());
        QVERIFY(!without->attendanceRecorded);
    }

    // One page per certificate; one file per certificate named after its number.
    void pdf()
    {
        auto db = demo(QStringLiteral("pdf.kopru"));
        QVERIFY(db);
        QSqlDatabase c = db->connection();
        const int centre = test::scalar(c,
            QStringLiteral("SELECT %1 FROM placement p JOIN teacher t ON t.id = p.teacher_id JOIN training_session ts ON ts.id "
                           "= p.session_id WHERE p.status = 'completed' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
                .arg(centreOfPlacementSql()))
                               .toInt();
        auto issued = issueCertificates(c, CertificateScope::centre(centre));
        QVERIFY2(issued, qPrintable(issued.message()));
        auto content = loadCertificates(c, CertificateScope::centre(centre));
        QVERIFY(content);
        const int n = int(content.value().size());
        QVERIFY(n >= 3);
        QCOMPARE(n, issued.value().issued);
        const QString path = m_dir.filePath(QStringLiteral("centre.pdf"));
        auto pages = writeCertificatesPdf(content.value(), path);
        QVERIFY2(pages, qPrintable(pages.message()));
        QCOMPARE(pages.value(), n);
        if (!QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty()) {
            QCOMPARE(pdfPages(path), n);
            const QString text = pdfText(path);
            QVERIFY(text.contains(QStringLiteral("CERTIFICATE OF PARTICIPATION")));
            QVERIFY(text.contains(content.value().front().number));
            QVERIFY(text.contains(content.value().front().teacherName));
            QVERIFY(text.contains(displayCode(content.value().back().code)));
        }
        const QString folder = m_dir.filePath(QStringLiteral("separate"));
        auto files = writeCertificateFiles(content.value(), folder);
        QVERIFY2(files, qPrintable(files.message()));
        QCOMPARE(files.value().size(), n);
        QCOMPARE(QDir(folder).entryList(QDir::Files).size(), n);
        QVERIFY(QFile::exists(QDir(folder).filePath(content.value().front().number + QStringLiteral(".pdf"))));
        QVERIFY(!writeCertificatesPdf({}, m_dir.filePath(QStringLiteral("none.pdf"))));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.pdf"))));
    }

    void registerModel()
    {
        auto db = demo(QStringLiteral("register.kopru"));
        QVERIFY(db);
        QSqlDatabase c = db->connection();
        CertificateRegisterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(c);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(CertificateRegisterModel::ColumnCount));
        QVERIFY(issueCertificates(c, CertificateScope::all(), utc(2027, 7, 1)));
        QVERIFY(issueCertificates(c, CertificateScope::all(), utc(2027, 8, 1)));
        model.reload();
        QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
        const int count = test::scalar(c, QStringLiteral("SELECT count(*) FROM certificate")).toInt();
        QCOMPARE(model.rowCount(), count);
        const QString lowest = test::scalar(c, QStringLiteral("SELECT min(number) FROM certificate")).toString();
        QCOMPARE(model.index(0, CertificateRegisterModel::Number).data().toString(), lowest);
        QCOMPARE(model.entry(0).issueCount, 2);
        QCOMPARE(model.index(0, CertificateRegisterModel::Count).data().toString(), QStringLiteral("2"));
        QCOMPARE(model.entry(0).firstIssuedAt, QStringLiteral("2027-07-01 10:00:00"));
        QCOMPARE(model.entry(0).issuedAt, QStringLiteral("2027-08-01 10:00:00"));
        QVERIFY(!model.index(0, CertificateRegisterModel::Teacher).data().toString().isEmpty());
        QVERIFY(!model.headerData(CertificateRegisterModel::Session, Qt::Horizontal).toString().isEmpty());
    }

    // kopru-cli certificates (also --session, an option QGuiApplication would
    // take) and verify-certificate, as a script runs them.
    void cli()
    {
        const QString path = m_dir.filePath(QStringLiteral("cli.kopru"));
        QVERIFY(QFile::copy(m_template, path));
        QString session;
        {
            auto db = Database::open(path);
            QVERIFY(db);
            session = test::scalar(db.value()->connection(),
                QStringLiteral("SELECT session_id FROM placement WHERE status = 'completed' GROUP BY 1 ORDER BY count(*) DESC, "
                               "1 LIMIT 1"))
                          .toString();
        }
        const QString pdf = m_dir.filePath(QStringLiteral("session.pdf"));
        QString out, err;
        QCOMPARE(test::runCli(
                     { QStringLiteral("certificates"), path, QStringLiteral("--session"), session, QStringLiteral("--out"), pdf },
                     &out, &err),
            0);
        QVERIFY2(out.contains(QStringLiteral(" new")), qPrintable(out + err));
        int n = 0;
        {
            auto db = Database::open(path);
            QVERIFY(db);
            n = test::scalar(db.value()->connection(), QStringLiteral("SELECT count(*) FROM certificate")).toInt();
            QCOMPARE(n,
                test::scalar(db.value()->connection(),
                    QStringLiteral("SELECT count(*) FROM placement WHERE status = 'completed' AND session_id = ") + session)
                    .toInt());
        }
        QVERIFY(n > 0);
        QVERIFY2(out.startsWith(QString::number(n)), qPrintable(out));
        if (!QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty()) {
            QCOMPARE(pdfPages(pdf), n);
            // Turkish by default, whatever the UI's language.
            QVERIFY2(pdfText(pdf).contains(QStringLiteral("KATILIM BELGESİ")), qPrintable(pdfText(pdf)));
        }

        // Again, in English and one file each: re-issued, numbers kept.
        const QString folder = m_dir.filePath(QStringLiteral("cli-files"));
        QCOMPARE(test::runCli({ QStringLiteral("certificates"), path, QStringLiteral("--session=") + session,
                                  QStringLiteral("--separate"), folder, QStringLiteral("--lang"), QStringLiteral("en") },
                     &out, &err),
            0);
        QVERIFY2(out.contains(QStringLiteral("0 new")), qPrintable(out + err));
        QCOMPARE(QDir(folder).entryList(QDir::Files).size(), n);
        QString number, code;
        {
            auto db = Database::open(path);
            QVERIFY(db);
            QSqlDatabase c = db.value()->connection();
            QCOMPARE(test::scalar(c, QStringLiteral("SELECT count(*) FROM certificate")).toInt(), n);
            QCOMPARE(test::scalar(c, QStringLiteral("SELECT min(issue_count) FROM certificate")).toInt(), 2);
            number = test::scalar(c, QStringLiteral("SELECT min(number) FROM certificate")).toString();
            code = test::scalar(c, QStringLiteral("SELECT verification_code FROM certificate WHERE number = '%1'").arg(number))
                       .toString();
        }
        if (!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QVERIFY(pdfText(QDir(folder).filePath(number + QStringLiteral(".pdf")))
                        .contains(QStringLiteral("CERTIFICATE OF PARTICIPATION")));

        QCOMPARE(test::runCli({ QStringLiteral("verify-certificate"), path, number, displayCode(code) }, &out, &err), 0);
        QVERIFY2(out.contains(number), qPrintable(out + err));
        QVERIFY(out.contains(QStringLiteral("valid")));
        QString wrong = code;
        wrong[1] = wrong[1] == QLatin1Char('Z') ? QLatin1Char('Y') : QLatin1Char('Z');
        QCOMPARE(test::runCli({ QStringLiteral("verify-certificate"), path, number, wrong }, &out, &err), 1);
        QVERIFY2(err.contains(number), qPrintable(err));
        QCOMPARE(
            test::runCli({ QStringLiteral("verify-certificate"), path, QStringLiteral("KPR-1999-001-00009"), code }, &out, &err),
            1);
        QVERIFY(err.contains(QStringLiteral("KPR-1999-001-00009")));

        // Usage errors: no scope, two scopes, no output, a language it does not write.
        const QString other = m_dir.filePath(QStringLiteral("other.pdf"));
        QCOMPARE(test::runCli({ QStringLiteral("certificates"), path, QStringLiteral("--out"), other }, &out, &err), 2);
        QCOMPARE(test::runCli({ QStringLiteral("certificates"), path, QStringLiteral("--all"), QStringLiteral("--session"),
                                  session, QStringLiteral("--out"), other },
                     &out, &err),
            2);
        QCOMPARE(test::runCli({ QStringLiteral("certificates"), path, QStringLiteral("--all") }, &out, &err), 2);
        QCOMPARE(test::runCli({ QStringLiteral("certificates"), path, QStringLiteral("--all"), QStringLiteral("--out"), other,
                                  QStringLiteral("--lang"), QStringLiteral("de") },
                     &out, &err),
            2);
        QVERIFY(!QFile::exists(other));
        // A session without completed placements: nothing to certify, exit 1.
        QString empty;
        {
            auto db = Database::open(path);
            QVERIFY(db);
            empty = test::scalar(db.value()->connection(),
                QStringLiteral("SELECT min(id) FROM training_session WHERE id NOT IN (SELECT session_id FROM placement WHERE "
                               "status = 'completed')"))
                        .toString();
        }
        QCOMPARE(test::runCli(
                     { QStringLiteral("certificates"), path, QStringLiteral("--session"), empty, QStringLiteral("--out"), other },
                     &out, &err),
            1);
        QVERIFY(!QFile::exists(other));
    }
};

QTEST_MAIN(TestCertificates)
#include "tst_certificates.moc"
