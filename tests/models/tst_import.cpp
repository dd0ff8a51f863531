// SPDX-License-Identifier: GPL-3.0-or-later
// Importing: column mapping, survey headers and answers, every validation
// error with its position, upsert, dry run, cancel and all-or-nothing.
#include "models/db/bulkwritescope.h"
#include "models/db/connection.h"
#include "models/db/integritycheck.h"
#include "models/db/pragmascope.h"
#include "models/db/schemascript.h"
#include "models/db/sql.h"
#include "models/db/tablecontent.h"
#include "models/db/transaction.h"
#include "models/domain/nationalid.h"
#include "models/import/columnmapping.h"
#include "models/import/importer.h"
#include "models/import/ratinginserter.h"
#include "models/import/scalemapping.h"
#include "models/import/valueparsers.h"
#include "models/io/tablereader.h"
#include "models/io/textencoding.h"
#include "tests/common/testutil.h"

#include <QCryptographicHash>
#include <QSqlRecord>

using namespace kopru;
using kopru::test::scalar;

Q_DECLARE_METATYPE(kopru::ImportKind)

namespace {

const QString kFile = QStringLiteral("f.csv");

ImportReport importText(QSqlDatabase db, ImportKind kind, const QString &csv, bool dryRun = false,
    std::function<bool(int, int)> progress = {}, const ScaleMapping &scale = {}, int round = 0)
{
    auto table = TableReader::readBytes(csv.toUtf8(), kFile, {});
    if (!table) {
        ImportReport r;
        r.refuse(table.error());
        return r;
    }
    ImportOptions o;
    o.dryRun = dryRun;
    o.progress = std::move(progress);
    o.scale = scale;
    o.round = round;
    return Importer::run(db, kind, table.value().table, o);
}

// Content of every table, independent of file layout: equal before and after
// means nothing was written.
QByteArray contentHash(QSqlDatabase db)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    QSqlQuery tables(db);
    tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    for (const QString &t : names) {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(t));
        while (q.next())
            for (int i = 0; i < q.record().count(); ++i)
                h.addData(QByteArray((q.value(i).isNull() ? QStringLiteral("<null>") : q.value(i).toString()).toUtf8() + "\x1f"));
    }
    return h.result();
}

QString errorsOf(const ImportReport &r)
{
    QStringList l;
    for (const Error &e : r.errors)
        l << e.toString();
    return l.join(QLatin1Char('\n'));
}

const char kCompetencies[] = "Alan;Kod;Başlık;İngilizce başlık;Ünite\n"
                             "ELK;ELK01;PLC programlama;PLC programming;Ünite 1\n"
                             "ELK;ELK02;Motor sürücüleri;Motor drives;Ünite 1\n"
                             "Bilişim Teknolojileri;BIL01;Ağ kurulumu;Network set-up;Ünite 1\n";
const char kTeachers[] = "TC Kimlik No;Ad;Soyad;Alan;İl;Okul;E-posta;Telefon\n"
                         "10000000146;Ayşe;Işık;ELK;İstanbul;Kadıköy MTAL;ayse@ornek.example;05321234567\n"
                         "17291716060;Mehmet;Öz;BIL;06;Gazi MTAL;;\n";
const char kPartners[] = "Firma;İl;Adres;Aktif;Yeterlikler\n"
                         "Anadolu Enerji A.Ş.;Ankara;Sanayi Cad. 1;Evet;ELK01, ELK02\n";

} // namespace

class TestImport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db; // base data for the error cases
    int m_n = 0;

    std::unique_ptr<Database> freshDb() { return test::newDatabase(m_dir.filePath(QStringLiteral("db%1.kopru").arg(++m_n))); }

private slots:
    void initTestCase()
    {
        m_db = freshDb();
        QVERIFY(m_db);
        const QSqlDatabase c = m_db->connection();
        for (auto [kind, csv] : { std::pair { ImportKind::Competencies, kCompetencies },
                 std::pair { ImportKind::Teachers, kTeachers }, std::pair { ImportKind::Partners, kPartners } }) {
            const ImportReport r = importText(c, kind, QString::fromUtf8(csv));
            QVERIFY2(r.ok() && r.committed, qPrintable(errorsOf(r)));
        }
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM competency")).toInt(), 3);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM teacher")).toInt(), 2);
        QCOMPARE(scalar(c, QStringLiteral("SELECT last_name FROM teacher WHERE national_id = '10000000146'")).toString(),
            QStringLiteral("Işık"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT province_id FROM teacher WHERE national_id = '17291716060'")).toInt(), 6);
        QCOMPARE(scalar(c, QStringLiteral("SELECT phone FROM teacher WHERE national_id = '10000000146'")).toString(),
            QStringLiteral("05321234567"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM partner_competency")).toInt(), 2);
    }

    void headersAreRecognised_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("target");
        const QList<std::pair<const char *, const char *>> rows {
            { "TC Kimlik No", "national_id" },
            { "tc_kimlik_no", "national_id" },
            { "T.C. KİMLİK NO", "national_id" },
            { "TCKN", "national_id" },
            { "National ID", "national_id" },
            { "Ad", "first_name" },
            { "ADI", "first_name" },
            { "First name", "first_name" },
            { "Soyad", "last_name" },
            { "SOYADI", "last_name" },
            { "İl", "province" },
            { "IL", "province" },
            { "Alan", "field" },
            { "E-posta", "email" },
            { "e_posta", "email" },
            { "Telefon", "phone" },
            { "Okul", "school" },
            { "Dal", "branch" },
            { "Branş", "branch" },
            { "Müsait (başlangıç)", "available_from" },
            { "Bölüm", "" },
        };
        for (auto [h, t] : rows)
            QTest::newRow(h) << QString::fromUtf8(h) << QString::fromUtf8(t);
    }
    void headersAreRecognised()
    {
        QFETCH(QString, header);
        QFETCH(QString, target);
        const ColumnMapping m = ColumnMapper::automatic(ImportKind::Teachers, { QStringLiteral("x"), header });
        QCOMPARE(m.targets.value(1), target);
    }

    void surveyHeaders_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("target");
        QTest::newRow("code") << QStringLiteral("ELK07") << QStringLiteral("competency:ELK07");
        QTest::newRow("lower-case code") << QStringLiteral("elk07") << QStringLiteral("competency:ELK07");
        QTest::newRow("LimeSurvey brackets") << QStringLiteral("Q1[ELK07]") << QStringLiteral("competency:ELK07");
        QTest::newRow("LimeSurvey underscore") << QStringLiteral("Q1_ELK07") << QStringLiteral("competency:ELK07");
        QTest::newRow("code with question text")
            << QStringLiteral("ELK07. PLC programlama") << QStringLiteral("competency:ELK07");
        QTest::newRow("brackets with text") << QStringLiteral("Q3[ELK07] PLC programlama") << QStringLiteral("competency:ELK07");
        QTest::newRow("generic subquestion") << QStringLiteral("Q1[SQ007]") << QStringLiteral("competency:*07");
        QTest::newRow("generic subquestion underscore") << QStringLiteral("Q1_SQ012") << QStringLiteral("competency:*12");
        QTest::newRow("number") << QStringLiteral("7") << QStringLiteral("competency:*07");
        QTest::newRow("national id stays") << QStringLiteral("TC Kimlik No") << QStringLiteral("national_id");
        QTest::newRow("meta column ignored") << QStringLiteral("submitdate") << QString();
    }
    void surveyHeaders()
    {
        QFETCH(QString, header);
        QFETCH(QString, target);
        const ColumnMapping m
            = ColumnMapper::automatic(ImportKind::Needs, { header }, { QStringLiteral("ELK07"), QStringLiteral("BIL01") });
        QCOMPARE(m.targets.value(0), target);
    }

    void answers_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QVariant>("level"); // invalid = not applicable
        QTest::addColumn<bool>("ok");
        const QVariant na;
        QTest::newRow("5") << QStringLiteral("5") << QVariant(5) << true;
        QTest::newRow("4,0") << QStringLiteral("4,0") << QVariant(4) << true;
        QTest::newRow("Çok yüksek") << QStringLiteral("Çok yüksek") << QVariant(5) << true;
        QTest::newRow("ÇOK YÜKSEK") << QStringLiteral("ÇOK YÜKSEK") << QVariant(5) << true;
        QTest::newRow("Yüksek") << QStringLiteral("Yüksek") << QVariant(4) << true;
        QTest::newRow("Orta") << QStringLiteral("Orta") << QVariant(3) << true;
        QTest::newRow("Düşük") << QStringLiteral("Düşük") << QVariant(2) << true;
        QTest::newRow("Hiç") << QStringLiteral("Hiç") << QVariant(1) << true;
        QTest::newRow("A3") << QStringLiteral("A3") << QVariant(3) << true;
        QTest::newRow("4 - Yüksek") << QStringLiteral("4 - Yüksek") << QVariant(4) << true;
        QTest::newRow("empty") << QString() << na << true;
        QTest::newRow("N/A") << QStringLiteral("N/A") << na << true;
        QTest::newRow("-") << QStringLiteral("-") << na << true;
        QTest::newRow("Fikrim yok") << QStringLiteral("Fikrim yok") << na << true;
        QTest::newRow("0") << QStringLiteral("0") << na << false;
        QTest::newRow("6") << QStringLiteral("6") << na << false;
        QTest::newRow("çok") << QStringLiteral("çok") << na << false;
    }
    void answers()
    {
        QFETCH(QString, cell);
        QFETCH(QVariant, level);
        QFETCH(bool, ok);
        QString reason;
        const auto v = CellValue::level(cell, &reason);
        QCOMPARE(v.has_value(), ok);
        if (ok) {
            QCOMPARE(v->isNull(), level.isNull());
            if (!level.isNull())
                QCOMPARE(v->toInt(), level.toInt());
        } else {
            QVERIFY(!reason.isEmpty());
        }
    }

    void refusals_data()
    {
        QTest::addColumn<kopru::ImportKind>("kind");
        QTest::addColumn<QString>("csv");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("words");
        const QString th
            = QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl;Okul;E-posta;Telefon;Deneyim;Müsait başlangıç;Müsait bitiş;SMM\n");
        const QString ok = QStringLiteral("10000000146;Ayşe;Işık;ELK;İstanbul;;;;;;;\n");
        auto t = [&](const char *name, const char *row, const char *where, const char *words) {
            QTest::newRow(name) << ImportKind::Teachers << th + ok + QString::fromUtf8(row) << QString::fromUtf8(where)
                                << QString::fromUtf8(words);
        };
        t("checksum", "17291716050;A;B;ELK;Ankara;;;;;;;\n", "f.csv:3:1: ", "17291716050");
        t("leading zero", "07291716092;A;B;ELK;Ankara;;;;;;;\n", "f.csv:3:1: ", "07291716092");
        t("scientific notation", "1,72917E+10;A;B;ELK;Ankara;;;;;;;\n", "f.csv:3:1: ", "scientific");
        t("missing id", ";A;B;ELK;Ankara;;;;;;;\n", "f.csv:3:1: ", "missing");
        t("duplicate in file", "10000000146;Ayşe;Işık;ELK;İstanbul;;;;;;;\n", "f.csv:3:1: ", "line 2");
        t("empty first name", "17291716060;;Öz;BIL;Ankara;;;;;;;\n", "f.csv:3:2: ", "empty");
        t("unknown field", "17291716060;M;Öz;XYZ;Ankara;;;;;;;\n", "f.csv:3:4: ", "XYZ");
        t("unknown province", "17291716060;M;Öz;BIL;Narnia;;;;;;;\n", "f.csv:3:5: ", "Narnia");
        t("plate out of range", "17291716060;M;Öz;BIL;82;;;;;;;\n", "f.csv:3:5: ", "82");
        t("bad e-mail", "17291716060;M;Öz;BIL;Ankara;;mehmet.ornek;;;;;\n", "f.csv:3:7: ", "mehmet.ornek");
        t("phone in scientific notation", "17291716060;M;Öz;BIL;Ankara;;;5,32E+09;;;;\n", "f.csv:3:8: ", "scientific");
        t("experience out of range", "17291716060;M;Öz;BIL;Ankara;;;;61;;;\n", "f.csv:3:9: ", "61");
        t("experience not a number", "17291716060;M;Öz;BIL;Ankara;;;;on;;;\n", "f.csv:3:9: ", "on");
        t("bad date", "17291716060;M;Öz;BIL;Ankara;;;;;31.02.2027;;\n", "f.csv:3:10: ", "31.02.2027");
        t("date format", "17291716060;M;Öz;BIL;Ankara;;;;;June 2027;;\n", "f.csv:3:10: ", "dd.MM.yyyy");
        t("availability reversed", "17291716060;M;Öz;BIL;Ankara;;;;;20.06.2027;2027-06-01;\n", "f.csv:3:11: ", "before");
        t("unknown centre", "17291716060;M;Öz;BIL;Ankara;;;;;;;Hayali MTAL\n", "f.csv:3:12: ", "Hayali MTAL");
        QTest::newRow("missing key column") << ImportKind::Teachers << QStringLiteral("Ad;Soyad\nA;B\n")
                                            << QStringLiteral("f.csv:1: ") << QStringLiteral("National ID");

        const QString ph = QStringLiteral("Firma;İl;Aktif;Protokol tarihi;Yeterlikler\n");
        auto p = [&](const char *name, const char *rows, const char *where, const char *words) {
            QTest::newRow(name) << ImportKind::Partners << ph + QString::fromUtf8(rows) << QString::fromUtf8(where)
                                << QString::fromUtf8(words);
        };
        p("partner unknown province", "Ege Tekstil;Atlantis;Evet;;\n", "f.csv:2:2: ", "Atlantis");
        p("partner bad active", "Ege Tekstil;İzmir;belki;;\n", "f.csv:2:3: ", "belki");
        p("partner bad date", "Ege Tekstil;İzmir;1;2025-13-01;\n", "f.csv:2:4: ", "2025-13-01");
        p("partner unknown competency", "Ege Tekstil;İzmir;1;;ELK01, ZZZ99\n", "f.csv:2:5: ", "ZZZ99");
        p("partner duplicate", "Ege Tekstil;İzmir;1;;\nEGE TEKSTİL;35;0;;\n", "f.csv:3:1: ", "line 2");
        p("partner empty name", ";İzmir;1;;\n", "f.csv:2:1: ", "empty");

        const QString sh = QStringLiteral("Firma;İl;Alan;Başlangıç;Bitiş;Saat;Kontenjan;Yeterlikler\n");
        auto s = [&](const char *name, const char *row, const char *where, const char *words) {
            QTest::newRow(name) << ImportKind::Sessions << sh + QString::fromUtf8(row) << QString::fromUtf8(where)
                                << QString::fromUtf8(words);
        };
        s("session unknown company", "Yok A.Ş.;Ankara;ELK;14.06.2027;25.06.2027;80;2;\n", "f.csv:2:1: ", "Yok A.Ş.");
        s("session unknown field", "Anadolu Enerji A.Ş.;Ankara;QQQ;14.06.2027;25.06.2027;80;2;\n", "f.csv:2:3: ", "QQQ");
        s("session reversed dates", "Anadolu Enerji A.Ş.;Ankara;ELK;25.06.2027;14.06.2027;80;2;\n", "f.csv:2:5: ", "before");
        s("session zero capacity", "Anadolu Enerji A.Ş.;Ankara;ELK;14.06.2027;25.06.2027;80;0;\n", "f.csv:2:7: ", "0");
        s("session empty capacity", "Anadolu Enerji A.Ş.;Ankara;ELK;14.06.2027;25.06.2027;80;;\n", "f.csv:2:7: ", "empty");
        s("session zero hours", "Anadolu Enerji A.Ş.;Ankara;ELK;14.06.2027;25.06.2027;0;2;\n", "f.csv:2:6: ", "0");
        s("session competency of another field", "Anadolu Enerji A.Ş.;Ankara;ELK;14.06.2027;25.06.2027;80;2;BIL01\n",
            "f.csv:2:8: ", "BIL01");

        const QString ch = QStringLiteral("Alan;Kod;Başlık\n");
        QTest::newRow("competency unknown field") << ImportKind::Competencies << ch + QStringLiteral("XX;XX01;Bir\n")
                                                  << QStringLiteral("f.csv:2:1: ") << QStringLiteral("XX");
        QTest::newRow("competency duplicate") << ImportKind::Competencies << ch + QStringLiteral("ELK;ELK09;Bir\nELK;elk09;İki\n")
                                              << QStringLiteral("f.csv:3:2: ") << QStringLiteral("line 2");
        QTest::newRow("competency empty title") << ImportKind::Competencies << ch + QStringLiteral("ELK;ELK09;\n")
                                                << QStringLiteral("f.csv:2:3: ") << QStringLiteral("empty");

        const QString nh = QStringLiteral("TC Kimlik No;Q1[ELK01];Q1[ELK02];Q1[BIL01]\n");
        auto n = [&](const char *name, const char *rows, const char *where, const char *words) {
            QTest::newRow(name) << ImportKind::Needs << nh + QString::fromUtf8(rows) << QString::fromUtf8(where)
                                << QString::fromUtf8(words);
        };
        n("needs unknown teacher", "10000000146;5;4;\n24543125792;5;4;\n", "f.csv:3:1: ", "24543125792");
        n("needs out of range", "10000000146;5;7;\n", "f.csv:2:3: ", "7");
        n("needs bad answer", "10000000146;Çok;4;\n", "f.csv:2:2: ", "Çok");
        n("needs other field", "10000000146;5;4;3\n", "f.csv:2:4: ", "ELK");
        n("needs duplicate teacher", "10000000146;5;4;\n10000000146;1;1;\n", "f.csv:3:1: ", "line 2");
        QTest::newRow("needs long unknown competency")
            << ImportKind::Needs << QStringLiteral("TC Kimlik No;Yeterlik;İhtiyaç\n10000000146;ELK99;3\n")
            << QStringLiteral("f.csv:2:2: ") << QStringLiteral("ELK99");
        QTest::newRow("needs long duplicate")
            << ImportKind::Needs << QStringLiteral("TC Kimlik No;Yeterlik;İhtiyaç\n10000000146;ELK01;3\n10000000146;ELK01;4\n")
            << QStringLiteral("f.csv:3:2: ") << QStringLiteral("line 2");
        QTest::newRow("needs no competency column") << ImportKind::Needs << QStringLiteral("TC Kimlik No;Bölüm\n10000000146;x\n")
                                                    << QStringLiteral("f.csv:1: ") << QStringLiteral("competency");
    }
    void refusals()
    {
        QFETCH(kopru::ImportKind, kind);
        QFETCH(QString, csv);
        QFETCH(QString, where);
        QFETCH(QString, words);
        const QSqlDatabase c = m_db->connection();
        const QByteArray before = contentHash(c);
        const ImportReport r = importText(c, kind, csv);
        QVERIFY(!r.ok());
        QVERIFY(!r.committed);
        QCOMPARE(r.errors.size(), 1); // exactly the bad cell, nothing else
        const QString message = r.errors.first().toString();
        QVERIFY2(message.startsWith(where), qPrintable(message));
        QVERIFY2(message.contains(words), qPrintable(message));
        QCOMPARE(contentHash(c), before); // nothing written, not even the good rows
    }

    void errorsNameTheHeaderInLineAndColumnOrder()
    {
        // Province is checked before the field, the national ID after the name: the
        // report still lists line by line, column by column, each with its header.
        const ImportReport r = importText(m_db->connection(), ImportKind::Teachers,
            QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl\n"
                           "17291716060;M;Öz;XYZ;Narnia\n"
                           "17291716050;;Kaya;ELK;Ankara\n"));
        QStringList positions;
        for (const Error &e : r.errors)
            positions << QStringLiteral("%1:%2 %3").arg(e.line).arg(e.column).arg(r.columnName(e));
        QCOMPARE(positions,
            (QStringList { QStringLiteral("2:4 Alan"), QStringLiteral("2:5 İl"), QStringLiteral("3:1 TC Kimlik No"),
                QStringLiteral("3:2 Ad") }));
        const QString described = r.describe(r.errors.at(1));
        QVERIFY2(described.startsWith(QStringLiteral("f.csv:2:5: İl: ")), qPrintable(described));
        QVERIFY2(described.contains(QStringLiteral("Narnia")), qPrintable(described));
    }

    void everyBadRowIsReported()
    {
        const QString csv = QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl\n"
                                           "17291716050;A;B;ELK;Ankara\n"
                                           "24543125792;C;D;ELK;Ankara\n"
                                           "17291716060;E;F;XYZ;Narnia\n");
        const ImportReport r = importText(m_db->connection(), ImportKind::Teachers, csv);
        QCOMPARE(r.errors.size(), 3);
        QCOMPARE(r.errors.at(0).line, 2);
        QCOMPARE(r.errors.at(1).line, 4);
        QCOMPARE(r.errors.at(1).column, 4); // listed in column order, though the province is checked first
        QCOMPARE(r.errors.at(2).column, 5);
    }

    // docs/import.md: "an update needs only the national ID and the columns
    // to change". A file with only the ID and the school used to fail with
    // FOREIGN KEY constraint failed (the school was looked up without a province).
    void teachersUpdateWithOnlyIdAndSchool()
    {
        auto db = freshDb();
        const QSqlDatabase c = db->connection();
        QVERIFY(importText(c, ImportKind::Competencies, QString::fromUtf8(kCompetencies)).ok());
        QVERIFY(importText(c, ImportKind::Teachers, QString::fromUtf8(kTeachers)).ok());
        // An existing school of the teacher's province (İstanbul), and a new one.
        ImportReport r = importText(c, ImportKind::Teachers,
            QStringLiteral("TC Kimlik No;Okul\n10000000146;Kadıköy MTAL\n17291716060;Yeni Ufuklar MTAL\n"));
        QVERIFY2(r.ok() && r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(r.updated, 1);
        QCOMPARE(r.skipped, 1);
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT s.name || '/' || s.province_id FROM teacher t JOIN school s ON s.id = t.school_id "
                                    "WHERE t.national_id = '17291716060'"))
                     .toString(),
            QStringLiteral("Yeni Ufuklar MTAL/6"));
        // The other columns stay.
        QCOMPARE(
            scalar(c,
                QStringLiteral(
                    "SELECT first_name || ' ' || last_name || ' ' || province_id FROM teacher WHERE national_id = '17291716060'"))
                .toString(),
            QStringLiteral("Mehmet Öz 6"));
        QVERIFY(checkIntegrity(c).ok());
        // A new teacher in such a file still needs the columns of a new record.
        const QString id3 = NationalId::withCheckDigits(QStringLiteral("245431257"));
        r = importText(c, ImportKind::Teachers, QStringLiteral("TC Kimlik No;Okul\n%1;Gazi MTAL\n").arg(id3));
        QVERIFY(!r.ok());
        QVERIFY2(errorsOf(r).contains(QStringLiteral("a new teacher needs the column")), qPrintable(errorsOf(r)));
    }

    // A national ID typed with Arabic-Indic digits gets a message that says so.
    void arabicIndicDigitsAreNamed()
    {
        const QString arabic
            = QStringLiteral("\u0661\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0661\u0664\u0666"); // 10000000146
        const QString persian = QStringLiteral("\u06F1\u06F0\u06F0\u06F0\u06F0\u06F0\u06F0\u06F0\u06F1\u06F4\u06F6");
        for (const QString &id : { arabic, persian }) {
            const ImportReport r
                = importText(m_db->connection(), ImportKind::Teachers, QStringLiteral("TC Kimlik No;Ad\n%1;Ayşe\n").arg(id));
            QCOMPARE(r.errorCount, 1);
            QVERIFY2(r.errors.first().message.contains(QStringLiteral("Arabic-Indic")), qPrintable(r.errors.first().toString()));
            QCOMPARE(r.errors.first().line, 2);
            QCOMPARE(r.errors.first().column, 1);
        }
    }

    // A file of junk: every refusal is counted, the first kMaxErrors are kept.
    void refusalsAreCountedAndTheFirstOnesKept()
    {
        QString csv = QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl\n");
        for (int i = 0; i < 3000; ++i)
            csv += QStringLiteral("junk%1;x;y;z;w\n").arg(i);
        const QByteArray before = contentHash(m_db->connection());
        const ImportReport r = importText(m_db->connection(), ImportKind::Teachers, csv);
        QVERIFY(!r.ok());
        QVERIFY(r.errorCount >= 3 * 3000); // ID, field, province per row
        QCOMPARE(r.errors.size(), ImportReport::kMaxErrors);
        QCOMPARE(r.errors.first().line, 2);
        QVERIFY(r.errors.last().line < 1000); // the first ones, in file order
        QCOMPARE(contentHash(m_db->connection()), before);
    }

    void upsertUpdatesInsteadOfDuplicating()
    {
        auto db = freshDb();
        const QSqlDatabase c = db->connection();
        ImportReport r = importText(c, ImportKind::Teachers, QString::fromUtf8(kTeachers));
        QCOMPARE(r.inserted, 2);
        // Same file again: nothing changes.
        r = importText(c, ImportKind::Teachers, QString::fromUtf8(kTeachers));
        QVERIFY(r.ok());
        QCOMPARE(r.inserted, 0);
        QCOMPARE(r.updated, 0);
        QCOMPARE(r.skipped, 2);
        // A changed phone and a new teacher; columns the file lacks stay.
        const QString id3 = NationalId::withCheckDigits(QStringLiteral("245431257"));
        r = importText(c, ImportKind::Teachers,
            QStringLiteral("TC Kimlik No;Telefon;Ad;Soyad;Alan;İl\n10000000146;05559876543;Ayşe;Işık;ELK;34\n%1;;Can;Ek;ELK;35\n")
                .arg(id3));
        QVERIFY2(r.ok(), qPrintable(errorsOf(r)));
        QCOMPARE(r.inserted, 1);
        QCOMPARE(r.updated, 1);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM teacher")).toInt(), 3);
        QCOMPARE(scalar(c, QStringLiteral("SELECT phone FROM teacher WHERE national_id = '10000000146'")).toString(),
            QStringLiteral("05559876543"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT email FROM teacher WHERE national_id = '10000000146'")).toString(),
            QStringLiteral("ayse@ornek.example"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM school WHERE name = 'Kadıköy MTAL'")).toInt(), 1);
    }

    void needsWideAndLong()
    {
        auto db = freshDb();
        const QSqlDatabase c = db->connection();
        QVERIFY(importText(c, ImportKind::Competencies, QString::fromUtf8(kCompetencies)).committed);
        QVERIFY(importText(c, ImportKind::Teachers, QString::fromUtf8(kTeachers)).committed);
        // LimeSurvey-style: meta columns ignored, generic subquestions by number within each teacher's field.
        ImportReport r = importText(c, ImportKind::Needs,
            QStringLiteral("id;submitdate;TCKN;Q1[SQ001];Q1_SQ002\n"
                           "1;2025-05-01;10000000146;Çok yüksek;Fikrim yok\n"
                           "2;2025-05-02;17291716060;2;\n"));
        QVERIFY2(r.ok() && r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(r.inserted, 3); // BIL has no competency 02: its empty cell is not a rating
        QCOMPARE(scalar(c,
                     QStringLiteral(
                         "SELECT need FROM need_rating r JOIN competency c ON c.id = r.competency_id WHERE c.code = 'ELK01'"))
                     .toInt(),
            5);
        QVERIFY(scalar(c,
            QStringLiteral("SELECT need FROM need_rating r JOIN competency c ON c.id = r.competency_id WHERE c.code = 'ELK02'"))
                    .isNull());
        QCOMPARE(scalar(c,
                     QStringLiteral(
                         "SELECT need FROM need_rating r JOIN competency c ON c.id = r.competency_id WHERE c.code = 'BIL01'"))
                     .toInt(),
            2);
        // Long form with proficiency updates one rating and keeps the others.
        r = importText(c, ImportKind::Needs,
            QStringLiteral("TC Kimlik No;Yeterlik;İhtiyaç;Yeterlilik düzeyi\n10000000146;ELK01;3;4\n10000000146;ELK02;-;\n"));
        QVERIFY2(r.ok(), qPrintable(errorsOf(r)));
        QCOMPARE(r.updated, 1);
        QCOMPARE(r.skipped, 1);
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT need || '/' || proficiency FROM need_rating r JOIN competency c ON c.id = "
                                    "r.competency_id WHERE c.code = 'ELK01'"))
                     .toString(),
            QStringLiteral("3/4"));
    }

    // Issue #18 point 3: a survey's own answer labels.
    void scaleMappingParses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalised"); // empty: refused
        QTest::addColumn<QString>("problem"); // part of the refusal
        QTest::newRow("full") << QStringLiteral("Hiç yok=1,Düşük=2,Orta=3,Yüksek=4,Çok yüksek=5,Fikrim yok=NA")
                              << QStringLiteral("Hiç yok=1,Düşük=2,Orta=3,Yüksek=4,Çok yüksek=5,Fikrim yok=NA") << QString();
        QTest::newRow("spaces, n/a") << QStringLiteral(" Hiç yok = 1 , Bilmiyorum=n/a")
                                     << QStringLiteral("Hiç yok=1,Bilmiyorum=NA") << QString();
        QTest::newRow("same twice") << QStringLiteral("Orta=3,ORTA=3") << QStringLiteral("Orta=3") << QString();
        QTest::newRow("empty") << QStringLiteral(" ") << QString() << QStringLiteral("empty");
        QTest::newRow("no =") << QStringLiteral("Hiç yok=1,Düşük") << QString() << QStringLiteral("\"Düşük\"");
        QTest::newRow("no label") << QStringLiteral("=1") << QString() << QStringLiteral("no label");
        QTest::newRow("level 6") << QStringLiteral("Çok çok yüksek=6") << QString() << QStringLiteral("\"6\"");
        QTest::newRow("level word") << QStringLiteral("Orta=orta") << QString() << QStringLiteral("\"orta\"");
        QTest::newRow("trailing comma") << QStringLiteral("Orta=3,") << QString() << QStringLiteral("=");
        QTest::newRow("conflict") << QStringLiteral("Yüksek=4,YÜKSEK=5") << QString() << QStringLiteral("twice");
    }
    void scaleMappingParses()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalised);
        QFETCH(QString, problem);
        const auto m = ScaleMapping::parse(text);
        QCOMPARE(m.ok(), !normalised.isEmpty());
        if (m)
            QCOMPARE(m.value().toText(), normalised);
        else
            QVERIFY2(m.message().contains(problem), qPrintable(m.message()));
    }

    void scaleMappingFoldsTurkishCase()
    {
        const auto m = ScaleMapping::parse(QStringLiteral("Hiç yok=1,Işıklı=2,iyi=3,Fikrim yok=NA"));
        QVERIFY(m);
        QCOMPARE(m.value().find(QStringLiteral("  HİÇ   YOK ")), std::optional<int>(1));
        QCOMPARE(m.value().find(QStringLiteral("IŞIKLI")), std::optional<int>(2));
        QCOMPARE(m.value().find(QStringLiteral("İYİ")), std::optional<int>(3));
        // Turkish rules: "IYI" is "ıyı", not "iyi".
        QCOMPARE(m.value().find(QStringLiteral("IYI")), std::nullopt);
        QCOMPARE(m.value().find(QStringLiteral("fikrim YOK")), std::optional<int>(ScaleMapping::kNotApplicable));
        QString reason;
        QCOMPARE(m.value().level(QStringLiteral("hiç yok"), &reason), std::optional<QVariant>(QVariant(1)));
        QVERIFY(m.value().level(QStringLiteral("Fikrim yok"), &reason)->isNull());
        // What the parser knows keeps working beside the mapping.
        QCOMPARE(m.value().level(QStringLiteral("4"), &reason), std::optional<QVariant>(QVariant(4)));
        QCOMPARE(m.value().level(QStringLiteral("Çok yüksek"), &reason), std::optional<QVariant>(QVariant(5)));
        QCOMPARE(m.value().level(QStringLiteral("A2"), &reason), std::optional<QVariant>(QVariant(2)));
        QVERIFY(!m.value().level(QStringLiteral("Biraz"), &reason));
        QVERIFY2(reason.contains(QStringLiteral("\"Biraz\"")) && reason.contains(QStringLiteral("Hiç yok")), qPrintable(reason));
    }

    void scaleLabelsOfAFile()
    {
        auto table = TableReader::readBytes(QStringLiteral("TC Kimlik No;Not;ELK01;ELK02\n"
                                                           "10000000146;x;Hiç yok;Orta\n"
                                                           "17291716060;y;HİÇ YOK;4\n"
                                                           "24543125792;z; Fikrim yok ;Biraz\n")
                                                .toUtf8(),
            kFile, {});
        QVERIFY(table);
        const ColumnMapping mapping = ColumnMapper::automatic(
            ImportKind::Needs, table.value().table.header, { QStringLiteral("ELK01"), QStringLiteral("ELK02") });
        const QList<ScaleLabel> labels = ScaleLabels::collect(table.value().table, mapping);
        QStringList seen;
        for (const ScaleLabel &l : labels)
            seen << QStringLiteral("%1×%2=%3")
                        .arg(l.label)
                        .arg(l.count)
                        .arg(l.known ? QString::number(*l.known) : QStringLiteral("?"));
        // Not the note column, not the number; the two spellings of "Hiç yok" are one label.
        QCOMPARE(seen.join(QLatin1Char(',')), QStringLiteral("Hiç yok×2=?,Orta×1=3,Fikrim yok×1=0,Biraz×1=?"));
        QVERIFY(ScaleLabels::anyUnknown(labels));
        QCOMPARE(ScaleLabels::guess(QStringLiteral("Hiç yok")), std::optional<int>(1));
        QCOMPARE(ScaleLabels::guess(QStringLiteral("Orta")), std::optional<int>(3));
        QCOMPARE(ScaleLabels::guess(QStringLiteral("Biraz")), std::nullopt);
        QCOMPARE(ScaleLabels::guess(QStringLiteral("Çok az")), std::nullopt); // "çok" alone means nothing
        QCOMPARE(ScaleLabels::guess(QStringLiteral("Yüksek değil")), std::nullopt);
    }

    void needsWithTheSurveysOwnLabels()
    {
        auto db = freshDb();
        const QSqlDatabase c = db->connection();
        QVERIFY(importText(c, ImportKind::Competencies, QString::fromUtf8(kCompetencies)).committed);
        QVERIFY(importText(c, ImportKind::Teachers, QString::fromUtf8(kTeachers)).committed);
        const QString file = QStringLiteral("TC Kimlik No;ELK01;ELK02;BIL01\n"
                                            "10000000146;Hiç yok;ÇOK YÜKSEK;Fikrim yok\n"
                                            "17291716060;;;düşük\n");
        // Without a mapping the first cell is refused, as before.
        const QByteArray before = contentHash(c);
        ImportReport r = importText(c, ImportKind::Needs, file);
        QVERIFY(!r.ok());
        QVERIFY2(errorsOf(r).startsWith(QStringLiteral("f.csv:2:2: \"Hiç yok\"")), qPrintable(errorsOf(r)));
        QCOMPARE(contentHash(c), before);

        const auto scale = ScaleMapping::parse(QStringLiteral("Hiç yok=1,Düşük=2,Orta=3,Yüksek=4,Çok yüksek=5,Fikrim yok=NA"));
        QVERIFY(scale);
        r = importText(c, ImportKind::Needs, file, false, {}, scale.value());
        QVERIFY2(r.ok() && r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT group_concat(code || '=' || ifnull(need, 'NA'), ',') FROM (SELECT c.code, r.need "
                                    "FROM need_rating r JOIN competency c ON c.id = r.competency_id ORDER BY c.code)"))
                     .toString(),
            QStringLiteral("BIL01=2,ELK01=1,ELK02=5"));

        // A label outside the mapping: refused with file, line, column, header and
        // the label, and nothing is written.
        const QByteArray imported = contentHash(c);
        r = importText(
            c, ImportKind::Needs, QStringLiteral("TC Kimlik No;ELK01;ELK02\n10000000146;Orta;Biraz\n"), false, {}, scale.value());
        QVERIFY(!r.ok());
        QVERIFY(!r.committed);
        const QString errors = errorsOf(r);
        QVERIFY2(errors.startsWith(QStringLiteral("f.csv:2:3: the answer \"Biraz\"")), qPrintable(errors));
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.describe(r.errors.constFirst()).left(17), QStringLiteral("f.csv:2:3: ELK02:"));
        QCOMPARE(contentHash(c), imported);

        // A column of another field takes a label mapped to "not applicable".
        ScaleMapping withOwnNa = scale.value();
        withOwnNa.assign(QStringLiteral("Bilgim yok"), ScaleMapping::kNotApplicable);
        r = importText(
            c, ImportKind::Needs, QStringLiteral("TC Kimlik No;ELK01;BIL01\n10000000146;Orta;Bilgim yok\n"), true, {}, withOwnNa);
        QVERIFY2(r.ok(), qPrintable(errorsOf(r)));
    }

    void needsAsLimeSurveyAnswerCodes()
    {
        auto db = freshDb();
        const QSqlDatabase c = db->connection();
        QVERIFY(importText(c, ImportKind::Competencies, QString::fromUtf8(kCompetencies)).committed);
        QVERIFY(importText(c, ImportKind::Teachers, QString::fromUtf8(kTeachers)).committed);
        // Answer codes, LimeSurvey's "N/A" for an unanswered question and an empty cell.
        const ImportReport r = importText(c, ImportKind::Needs,
            QStringLiteral("id;token;TCKN;Q1[SQ001];Q1[SQ002]\n1;t1;10000000146;A1;N/A\n2;t2;17291716060;a5;\n"));
        QVERIFY2(r.ok() && r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT group_concat(code || '=' || ifnull(need, 'NA'), ',') FROM (SELECT c.code, r.need "
                                    "FROM need_rating r JOIN competency c ON c.id = r.competency_id ORDER BY c.code)"))
                     .toString(),
            QStringLiteral("BIL01=5,ELK01=1,ELK02=NA"));
    }

    void needsBulkImport()
    {
        // Enough new ratings for the bulk path (index dropped and built
        // again, ratings packed into one bound value each): the result must
        // be what the row-by-row path gives.
        auto db = freshDb();
        const QSqlDatabase c = db->connection();
        QVERIFY(importText(c, ImportKind::Competencies, QString::fromUtf8(kCompetencies)).committed);
        QString teachers = QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl\n");
        QString needs = QStringLiteral("TC Kimlik No;Tur;ELK01;ELK02\n");
        qint64 needSum = 0;
        int nulls = 0;
        for (int i = 0; i < 3000; ++i) {
            const QString id = NationalId::withCheckDigits(QStringLiteral("3%1").arg(i, 8, 10, QLatin1Char('0')));
            teachers += id + QStringLiteral(";A;B;ELK;6\n");
            for (int round : { 1, 2 }) {
                const int a = 1 + i % 5, b = (i + round) % 6; // b == 0: no answer
                needs += QStringLiteral("%1;%2;%3;%4\n").arg(id).arg(round).arg(a).arg(b == 0 ? QString() : QString::number(b));
                needSum += a + b;
                nulls += b == 0 ? 1 : 0;
            }
        }
        QVERIFY(importText(c, ImportKind::Teachers, teachers).committed);
        const QString indexSql
            = QStringLiteral("SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_schema WHERE type = 'index' "
                             "AND tbl_name = 'need_rating' AND sql IS NOT NULL ORDER BY name)");
        const QString indexes = scalar(c, indexSql).toString();
        QVERIFY(indexes.contains(QStringLiteral("need_rating_competency")));

        // Cancelled half-way: nothing written, the indexes are back.
        const QByteArray before = contentHash(c);
        ImportReport r = importText(c, ImportKind::Needs, needs, false, [](int done, int total) { return done < total / 2; });
        QVERIFY(r.cancelled);
        QCOMPARE(contentHash(c), before);
        QCOMPARE(scalar(c, indexSql).toString(), indexes);

        r = importText(c, ImportKind::Needs, needs);
        QVERIFY2(r.ok() && r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(r.inserted, 12000);
        QCOMPARE(scalar(c, indexSql).toString(), indexes);
        QCOMPARE(scalar(c, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM need_rating")).toInt(), 12000);
        QCOMPARE(scalar(c, QStringLiteral("SELECT sum(need) FROM need_rating")).toLongLong(), needSum);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM need_rating WHERE need IS NULL")).toInt(), nulls);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM need_rating WHERE proficiency IS NOT NULL")).toInt(), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM need_rating WHERE round = 2")).toInt(), 6000);
        const QString id7 = NationalId::withCheckDigits(QStringLiteral("3%1").arg(7, 8, 10, QLatin1Char('0')));
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT group_concat(ifnull(need, '-'), ',') FROM (SELECT need FROM need_rating r "
                                    "JOIN teacher t ON t.id = r.teacher_id JOIN competency k ON k.id = r.competency_id "
                                    "WHERE t.national_id = '%1' ORDER BY r.round, k.code)")
                         .arg(id7))
                     .toString(),
            QStringLiteral("3,2,3,3"));

        // The same file again: every rating compared, nothing written.
        r = importText(c, ImportKind::Needs, needs);
        QVERIFY(r.ok());
        QCOMPARE(r.inserted, 0);
        QCOMPARE(r.updated, 0);
        QCOMPARE(r.skipped, 12000);
    }

    // The bulk path does the work of need_rating's row triggers itself
    // (RatingInserter): the same survey imported into two copies of one
    // database, once that way and once with the triggers firing row by row,
    // must give the same content and the same schema. With a tombstone of a
    // deleted rating the restoring trigger must still act.
    void needsBulkPathEqualsTriggers_data()
    {
        QTest::addColumn<bool>("withTombstone");
        QTest::newRow("no tombstone") << false;
        QTest::newRow("a deleted rating") << true;
    }
    void needsBulkPathEqualsTriggers()
    {
        QFETCH(bool, withTombstone);
        auto first = freshDb();
        QSqlDatabase a = first->connection();
        QVERIFY(importText(a, ImportKind::Competencies, QString::fromUtf8(kCompetencies)).committed);
        QString teachers = QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl\n");
        QString needs = QStringLiteral("TC Kimlik No;Tur;ELK01;ELK02\n");
        for (int i = 0; i < 3000; ++i) {
            const QString id = NationalId::withCheckDigits(QStringLiteral("4%1").arg(i, 8, 10, QLatin1Char('0')));
            teachers += id + QStringLiteral(";A;B;ELK;6\n");
            for (int round : { 1, 2 })
                needs += QStringLiteral("%1;%2;%3;%4\n").arg(id).arg(round).arg(1 + (i + round) % 5).arg(1 + i % 5);
        }
        QVERIFY(importText(a, ImportKind::Teachers, teachers).committed);
        const QString id0 = NationalId::withCheckDigits(QStringLiteral("4%1").arg(0, 8, 10, QLatin1Char('0')));
        const QString version0
            = QStringLiteral("SELECT r.version FROM need_rating r JOIN teacher t ON t.id = r.teacher_id JOIN competency k ON "
                             "k.id = r.competency_id WHERE t.national_id = '%1' AND k.code = 'ELK01' AND r.round = 1")
                  .arg(id0);
        if (withTombstone) {
            // One rating imported (row by row: too few for the bulk path), then deleted.
            QVERIFY(importText(a, ImportKind::Needs, QStringLiteral("TC Kimlik No;Tur;ELK01\n%1;1;2\n").arg(id0)).committed);
            QVERIFY(Sql::exec(a, QStringLiteral("DELETE FROM need_rating")));
            QCOMPARE(scalar(a, QStringLiteral("SELECT count(*) FROM tombstone WHERE table_name = 'need_rating'")).toInt(), 1);
        }
        const QString copyPath = m_dir.filePath(QStringLiteral("copy%1.kopru").arg(++m_n));
        QVERIFY(Sql::exec(a, QStringLiteral("VACUUM INTO ?"), { copyPath }));
        auto copy = Database::open(copyPath);
        QVERIFY2(copy, qPrintable(copy.message()));
        QSqlDatabase b = copy.value()->connection();

        ImportReport fast = importText(a, ImportKind::Needs, needs);
        QVERIFY2(fast.ok() && fast.committed, qPrintable(errorsOf(fast)));
        ImportReport slow;
        {
            const RatingInserter::KeepTriggers keep;
            slow = importText(b, ImportKind::Needs, needs);
        }
        QVERIFY2(slow.ok() && slow.committed, qPrintable(errorsOf(slow)));
        QCOMPARE(fast.inserted, 12000);
        QCOMPARE(slow.inserted, fast.inserted);
        // Restored: the tombstone's version + 1, and the tombstone gone.
        QCOMPARE(scalar(a, version0).toInt(), withTombstone ? 3 : 1);
        QCOMPARE(scalar(a, QStringLiteral("SELECT count(*) FROM tombstone WHERE table_name = 'need_rating'")).toInt(), 0);

        // The import's audit entries differ only in their time.
        for (QSqlDatabase db : { a, b })
            QVERIFY(Sql::exec(db, QStringLiteral("UPDATE audit_log SET at = '2026-01-01T00:00:00'")));
        const auto schema = SchemaScript::current();
        QVERIFY2(schema, qPrintable(schema.message()));
        const auto digestA = TableContent::digest(a, schema.value());
        const auto digestB = TableContent::digest(b, schema.value());
        QVERIFY(digestA && digestB);
        QCOMPARE(digestA.value(), digestB.value());
        const QString objects = QStringLiteral(
            "SELECT group_concat(type || ' ' || name || ': ' || sql, ';') FROM (SELECT type, name, sql FROM sqlite_schema "
            "WHERE sql IS NOT NULL ORDER BY type, name)");
        QCOMPARE(scalar(a, objects).toString(), scalar(b, objects).toString());
        QVERIFY(scalar(a, objects).toString().contains(QStringLiteral("trigger need_rating_same_field")));
        QVERIFY(scalar(a, objects).toString().contains(QStringLiteral("trigger need_rating_restored")));
        QCOMPARE(scalar(a, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    }

    // A bulk load that meets a rating of another field than its teacher's
    // stops with the trigger's own error at that rating's line, exactly as
    // with the trigger firing for every row; nothing is left written.
    void bulkRatingOfAnotherFieldIsRefusedByTheTrigger()
    {
        auto fresh = freshDb();
        const QSqlDatabase c = fresh->connection();
        QVERIFY(importText(c, ImportKind::Competencies, QString::fromUtf8(kCompetencies)).committed);
        QString teachers = QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl\n");
        for (int i = 0; i < 5000; ++i) // 10,000 ratings: a bulk load
            teachers += NationalId::withCheckDigits(QStringLiteral("5%1").arg(i, 8, 10, QLatin1Char('0')))
                + QStringLiteral(";A;B;ELK;6\n");
        QVERIFY(importText(c, ImportKind::Teachers, teachers).committed);
        std::vector<qint64> teacherIds;
        QVERIFY(Sql::forEachRow(c,
            QStringLiteral("SELECT id FROM teacher WHERE field_id = (SELECT field_id FROM "
                           "competency WHERE code = 'ELK01') ORDER BY id"),
            [&](const QSqlQuery &q) { teacherIds.push_back(q.value(0).toLongLong()); }));
        QCOMPARE(int(teacherIds.size()), 5000);
        const qint64 elk01 = scalar(c, QStringLiteral("SELECT id FROM competency WHERE code = 'ELK01'")).toLongLong();
        const qint64 elk02 = scalar(c, QStringLiteral("SELECT id FROM competency WHERE code = 'ELK02'")).toLongLong();
        const qint64 bil01 = scalar(c, QStringLiteral("SELECT id FROM competency WHERE code = 'BIL01'")).toLongLong();
        const QByteArray before = contentHash(c);
        const QString objectsSql = QStringLiteral(
            "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE tbl_name = 'need_rating' ORDER BY name)");
        const QString objects = scalar(c, objectsSql).toString();
        const auto load = [&](int badLine) -> Error {
            const BulkWriteScope bulk(c);
            Transaction tx(c, Transaction::Mode::Write);
            if (!tx.began())
                return tx.began().error();
            RatingInserter inserter(c);
            if (Status s = inserter.begin(10000, 0); !s)
                return s.error();
            int line = 1;
            for (qint64 t : teacherIds) {
                for (qint64 k : { elk01, elk02 }) {
                    ++line;
                    if (Status s = inserter.add({ t, line == badLine ? bil01 : k, 1, 3, 0, line }); !s)
                        return s.error();
                }
            }
            if (Status s = inserter.finish(); !s)
                return s.error();
            tx.rollback();
            return Error {};
        };
        QCOMPARE(load(0).message, QString()); // the good ratings go in
        for (int badLine : { 2, 777, 10001 }) {
            const Error fast = load(badLine);
            Error slow;
            {
                const RatingInserter::KeepTriggers keep;
                slow = load(badLine);
            }
            QVERIFY2(fast.message.contains(QStringLiteral("not in the teacher's field")), qPrintable(fast.toString()));
            QCOMPARE(fast.line, badLine);
            QCOMPARE(fast.toString(), slow.toString());
            QCOMPARE(contentHash(c), before);
            QCOMPARE(scalar(c, objectsSql).toString(), objects);
        }
    }

    // A survey's transaction runs with the foreign keys off (Importer):
    // RatingInserter then refuses a rating of a missing teacher or
    // competency itself, at its line, with the error the foreign key gives.
    void bulkRatingOfMissingRowIsRefusedWithoutForeignKeys()
    {
        auto fresh = freshDb();
        const QSqlDatabase c = fresh->connection();
        QVERIFY(importText(c, ImportKind::Competencies, QString::fromUtf8(kCompetencies)).committed);
        QString teachers = QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl\n");
        for (int i = 0; i < 5000; ++i)
            teachers += NationalId::withCheckDigits(QStringLiteral("6%1").arg(i, 8, 10, QLatin1Char('0')))
                + QStringLiteral(";A;B;ELK;6\n");
        QVERIFY(importText(c, ImportKind::Teachers, teachers).committed);
        std::vector<qint64> teacherIds;
        QVERIFY(Sql::forEachRow(c, QStringLiteral("SELECT id FROM teacher ORDER BY id"),
            [&](const QSqlQuery &q) { teacherIds.push_back(q.value(0).toLongLong()); }));
        const qint64 elk01 = scalar(c, QStringLiteral("SELECT id FROM competency WHERE code = 'ELK01'")).toLongLong();
        const qint64 elk02 = scalar(c, QStringLiteral("SELECT id FROM competency WHERE code = 'ELK02'")).toLongLong();
        const qint64 noTeacher = teacherIds.back() + 1000;
        const qint64 noCompetency = elk02 + 100000;
        const QByteArray before = contentHash(c);
        // badTeacher/badCompetency replace the ids of the rating at badLine.
        const auto load = [&](bool foreignKeys, int badLine, qint64 badTeacher, qint64 badCompetency) -> Error {
            const BulkWriteScope bulk(c);
            const PragmaScope keys(c, "foreign_keys", foreignKeys ? 1 : 0);
            Transaction tx(c, Transaction::Mode::Write);
            if (!tx.began())
                return tx.began().error();
            RatingInserter inserter(c);
            if (Status s = inserter.begin(10000, 0); !s)
                return s.error();
            int line = 1;
            for (qint64 t : teacherIds) {
                for (qint64 k : { elk01, elk02 }) {
                    ++line;
                    const bool bad = line == badLine;
                    if (Status s = inserter.add({ bad ? badTeacher : t, bad ? badCompetency : k, 1, 3, 0, line }); !s)
                        return s.error();
                }
            }
            if (Status s = inserter.finish(); !s)
                return s.error();
            const int ratings = scalar(c, QStringLiteral("SELECT count(*) FROM need_rating")).toInt();
            tx.rollback();
            return ratings == 10000 ? Error {} : Error { QStringLiteral("%1 ratings written").arg(ratings), {}, 0, 0 };
        };
        QCOMPARE(load(false, 0, 0, 0).message, QString()); // the good ratings go in
        for (int badLine : { 2, 4097, 10001 }) {
            // Neither row exists: the field rule lets it pass, the foreign key refuses it.
            const Error here = load(false, badLine, noTeacher, noCompetency);
            const Error bySqlite = load(true, badLine, noTeacher, noCompetency);
            QVERIFY2(here.message.contains(QStringLiteral("FOREIGN KEY constraint failed")), qPrintable(here.toString()));
            QCOMPARE(here.line, badLine);
            QCOMPARE(here.toString(), bySqlite.toString());
            QCOMPARE(contentHash(c), before);
            // A missing competency of an existing teacher, a missing teacher: refused at their line.
            for (const auto &[teacher, competency] :
                { std::pair { teacherIds.front(), noCompetency }, std::pair { noTeacher, elk01 } }) {
                const Error e = load(false, badLine, teacher, competency);
                QVERIFY2(!e.message.isEmpty(), "a rating of a missing row went in");
                QCOMPARE(e.line, badLine);
                QCOMPARE(contentHash(c), before);
            }
        }
    }

    // A post-training survey imported as round 2 (issue #15): wide and long
    // files, round-2 rows replace round-2 rows only, round 1 stays.
    void needsAsRoundTwo()
    {
        auto db = freshDb();
        const QSqlDatabase c = db->connection();
        for (auto [kind, text] :
            { std::pair { ImportKind::Competencies, kCompetencies }, std::pair { ImportKind::Teachers, kTeachers } })
            QVERIFY(importText(c, kind, QString::fromUtf8(text)).committed);
        const auto needs = [&](int round) {
            return scalar(c,
                QStringLiteral("SELECT group_concat(ifnull(need, '-'), ',') FROM (SELECT r.need FROM need_rating r "
                               "JOIN competency k ON k.id = r.competency_id WHERE r.round = %1 ORDER BY k.code)")
                    .arg(round))
                .toString();
        };
        ImportReport r = importText(
            c, ImportKind::Needs, QStringLiteral("TC Kimlik No;ELK01;ELK02;BIL01\n10000000146;4;5;\n17291716060;;;3\n"));
        QVERIFY2(r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(needs(1), QStringLiteral("3,4,5"));
        QCOMPARE(needs(2), QString());

        // Wide, as round 2: inserted beside round 1.
        r = importText(c, ImportKind::Needs, QStringLiteral("TC Kimlik No;ELK01;ELK02\n10000000146;2;3\n"), false, {}, {}, 2);
        QVERIFY2(r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(r.inserted, 2);
        QCOMPARE(needs(1), QStringLiteral("3,4,5"));
        QCOMPARE(needs(2), QStringLiteral("2,3"));

        // Long, as round 2, with a round column that agrees: one rating replaced, round 1 untouched.
        r = importText(c, ImportKind::Needs,
            QStringLiteral("TC Kimlik No;Yeterlik;İhtiyaç;Tur\n10000000146;ELK01;1;2\n10000000146;ELK02;3;\n"), false, {}, {}, 2);
        QVERIFY2(r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(r.updated, 1);
        QCOMPARE(r.skipped, 1);
        QCOMPARE(needs(1), QStringLiteral("3,4,5"));
        QCOMPARE(needs(2), QStringLiteral("1,3"));

        // Round 1 chosen explicitly: what the default did.
        r = importText(c, ImportKind::Needs, QStringLiteral("TC Kimlik No;ELK01\n10000000146;2\n"), false, {}, {}, 1);
        QVERIFY2(r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(needs(1), QStringLiteral("3,2,5"));
        QCOMPARE(needs(2), QStringLiteral("1,3"));
    }

    // A round-2 file with errors changes nothing, round 1 included; each
    // error names file, line and column.
    void needsRoundTwoRefusedChangesNothing_data()
    {
        QTest::addColumn<QString>("csv");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("says");
        QTest::newRow("bad cell, wide") << QStringLiteral("TC Kimlik No;ELK01;ELK02\n10000000146;2;7\n") << 2 << 3
                                        << QStringLiteral("7");
        QTest::newRow("bad cell, long") << QStringLiteral(
            "TC Kimlik No;Yeterlik;İhtiyaç\n10000000146;ELK01;2\n10000000146;ELK02;x\n")
                                        << 3 << 3 << QStringLiteral("x");
        QTest::newRow("round column says 1, long")
            << QStringLiteral("TC Kimlik No;Yeterlik;İhtiyaç;Tur\n10000000146;ELK01;2;2\n10000000146;ELK02;3;1\n") << 3 << 4
            << QStringLiteral("round 1");
        QTest::newRow("round column says 1, wide")
            << QStringLiteral("TC Kimlik No;Tur;ELK01\n10000000146;1;2\n") << 2 << 2 << QStringLiteral("round 1");
    }
    void needsRoundTwoRefusedChangesNothing()
    {
        QFETCH(QString, csv);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, says);
        auto db = freshDb();
        const QSqlDatabase c = db->connection();
        for (auto [kind, text] :
            { std::pair { ImportKind::Competencies, kCompetencies }, std::pair { ImportKind::Teachers, kTeachers } })
            QVERIFY(importText(c, kind, QString::fromUtf8(text)).committed);
        QVERIFY(importText(c, ImportKind::Needs, QStringLiteral("TC Kimlik No;ELK01;ELK02\n10000000146;4;5\n")).committed);
        QVERIFY(
            importText(c, ImportKind::Needs, QStringLiteral("TC Kimlik No;ELK01\n10000000146;3\n"), false, {}, {}, 2).committed);
        const QByteArray before = contentHash(c);
        const ImportReport r = importText(c, ImportKind::Needs, csv, false, {}, {}, 2);
        QVERIFY(!r.ok());
        QVERIFY(!r.committed);
        QCOMPARE(r.errorCount, 1);
        const Error &e = r.errors.front();
        QCOMPARE(e.file, kFile);
        QCOMPARE(e.line, line);
        QCOMPARE(e.column, column);
        QVERIFY2(e.message.contains(says), qPrintable(e.toString()));
        QCOMPARE(contentHash(c), before);
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT group_concat(need, ',') FROM (SELECT need FROM need_rating ORDER BY round, "
                                    "competency_id)"))
                     .toString(),
            QStringLiteral("4,5,3"));
    }

    void needsWithLargeIds()
    {
        // Ids too large to be packed into one value go in five values each.
        auto db = freshDb();
        const QSqlDatabase c = db->connection();
        QVERIFY(importText(c, ImportKind::Competencies, QString::fromUtf8(kCompetencies)).committed);
        QVERIFY(importText(c, ImportKind::Teachers, QString::fromUtf8(kTeachers)).committed);
        QVERIFY(Sql::exec(c, QStringLiteral("UPDATE teacher SET id = 5000000000 WHERE national_id = '10000000146'")));
        const ImportReport r = importText(
            c, ImportKind::Needs, QStringLiteral("TC Kimlik No;ELK01;ELK02;BIL01\n10000000146;4;;\n17291716060;;;5\n"));
        QVERIFY2(r.ok() && r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(r.inserted, 3);
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT group_concat(teacher_id || ':' || ifnull(need, '-'), ',') FROM "
                                    "(SELECT * FROM need_rating ORDER BY teacher_id, competency_id)"))
                     .toString(),
            QStringLiteral("%1:5,5000000000:4,5000000000:-")
                .arg(scalar(c, QStringLiteral("SELECT id FROM teacher WHERE national_id = '17291716060'")).toString()));
    }

    void dryRunWritesNothing()
    {
        const QSqlDatabase c = m_db->connection();
        const QByteArray before = contentHash(c);
        const QString id3 = NationalId::withCheckDigits(QStringLiteral("245431257"));
        const ImportReport r = importText(c, ImportKind::Teachers,
            QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl\n%1;Can;Ek;ELK;35\n17291716060;Mehmet;Öz;BIL;6\n").arg(id3), true);
        QVERIFY(r.ok());
        QVERIFY(!r.committed);
        QCOMPARE(r.inserted, 1);
        QCOMPARE(r.skipped, 1);
        QVERIFY(r.summary().contains(QStringLiteral("dry run")));
        QCOMPARE(contentHash(c), before);
    }

    void cancelRollsBack()
    {
        auto db = freshDb();
        const QSqlDatabase c = db->connection();
        QString csv = QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl\n");
        for (int i = 0; i < 1000; ++i)
            csv += NationalId::withCheckDigits(QStringLiteral("3%1").arg(i, 8, 10, QLatin1Char('0')))
                + QStringLiteral(";A;B;ELK;6\n");
        const QByteArray before = contentHash(c);
        int calls = 0;
        const ImportReport r = importText(c, ImportKind::Teachers, csv, false, [&](int done, int total) {
            ++calls;
            return done < total / 2;
        });
        QVERIFY(calls > 0);
        QVERIFY(r.cancelled);
        QVERIFY(!r.committed);
        QCOMPARE(contentHash(c), before);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM teacher")).toInt(), 0);
    }

    // kopru-cli waits in beforeCommit for its backup: called once, with the
    // rows written in the open transaction, which nobody else sees (a backup
    // made meanwhile holds the state before); when it fails the import is
    // rolled back and its error is the import's.
    void failingBeforeCommitRollsTheImportBack()
    {
        auto db = freshDb();
        const QSqlDatabase c = db->connection();
        const QString id = NationalId::withCheckDigits(QStringLiteral("245431257"));
        auto t = TableReader::readBytes(
            QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl\n%1;Ayşe;Yılmaz;Elektrik-Elektronik Teknolojisi;Muğla\n")
                .arg(id)
                .toUtf8(),
            kFile, {});
        QVERIFY(t.ok());
        const QString teachers = QStringLiteral("SELECT count(*) FROM teacher");
        const int before = scalar(c, teachers).toInt();
        int calls = 0, inside = -1, outside = -1;
        ImportOptions o;
        o.beforeCommit = [&]() -> Status {
            ++calls;
            inside = scalar(c, teachers).toInt();
            auto other = Connection::open(Sql::fileOf(c), Connection::Access::ReadOnly);
            if (other)
                outside = scalar(other.value()->db(), teachers).toInt();
            return Error { QStringLiteral("the backup was not made: disk full"), {}, 0, 0 };
        };
        const ImportReport failed = Importer::run(c, ImportKind::Teachers, t->table, o);
        QVERIFY(!failed.committed);
        QCOMPARE(calls, 1);
        QVERIFY2(errorsOf(failed).contains(QStringLiteral("disk full")), qPrintable(errorsOf(failed)));
        QCOMPARE(inside, before + 1); // written in the transaction ...
        QCOMPARE(outside, before); // ... another connection saw the state before
        QCOMPARE(scalar(c, teachers).toInt(), before); // rolled back
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'import'")).toInt(), 0);

        o.beforeCommit = [&calls]() -> Status {
            ++calls;
            return {};
        };
        const ImportReport done = Importer::run(c, ImportKind::Teachers, t->table, o);
        QVERIFY2(done.committed, qPrintable(errorsOf(done)));
        QCOMPARE(calls, 2);
        QCOMPARE(scalar(c, teachers).toInt(), before + 1);
    }

    void cp1254File()
    {
        auto db = freshDb();
        const QSqlDatabase c = db->connection();
        const QString id = NationalId::withCheckDigits(QStringLiteral("245431257"));
        const QByteArray bytes = TextEncoding::encodeWindows1254(
            QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl\r\n%1;Çağrı;ĞÜŞİÖÇ ığüşöç;Elektrik-Elektronik Teknolojisi;Muğla\r\n")
                .arg(id));
        auto t = TableReader::readBytes(bytes, kFile, {});
        QVERIFY(t.ok());
        QCOMPARE(t->encoding, Encoding::Windows1254);
        const ImportReport r = Importer::run(c, ImportKind::Teachers, t->table, {});
        QVERIFY2(r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(scalar(c, QStringLiteral("SELECT first_name || ' ' || last_name FROM teacher")).toString(),
            QStringLiteral("Çağrı ĞÜŞİÖÇ ığüşöç"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT province_id FROM teacher")).toInt(), 48);
    }

    void libreOfficeWorkbook()
    {
        auto db = freshDb();
        const QSqlDatabase c = db->connection();
        QVERIFY(importText(c, ImportKind::Competencies, QString::fromUtf8(kCompetencies)).committed);
        const QString path = QStringLiteral(KOPRU_TEST_DATA "/import/libreoffice.xlsx");
        auto t = TableReader::read(path, {});
        QVERIFY(t.ok());
        ImportReport r = Importer::run(c, ImportKind::Teachers, t->table, {});
        QVERIFY2(r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(r.inserted, 2);
        QCOMPARE(scalar(c, QStringLiteral("SELECT phone FROM teacher WHERE national_id = '10000000146'")).toString(),
            QStringLiteral("05321234567"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT available_from FROM teacher WHERE national_id = '10000000146'")).toString(),
            QStringLiteral("2027-06-14"));
        QCOMPARE(scalar(c, QStringLiteral("SELECT province_id FROM teacher WHERE national_id = '17291716060'")).toInt(), 6);
        TableReader::Options o;
        o.sheet = QStringLiteral("Needs");
        auto n = TableReader::read(path, o);
        QVERIFY(n.ok());
        r = Importer::run(c, ImportKind::Needs, n->table, {});
        QVERIFY2(r.committed, qPrintable(errorsOf(r)));
        QCOMPARE(scalar(c, QStringLiteral("SELECT need FROM need_rating")).toInt(), 5);
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
