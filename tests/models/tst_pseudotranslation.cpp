// SPDX-License-Identifier: GPL-3.0-or-later
// Every message a user can see goes through the translation: a translator
// installed here maps every source string of translations/kopru_tr.ts to a
// marked form ("⟦" + source + "⟧"; a string the catalogue lacks stays as it
// is, so a helper lupdate cannot see is caught too); the error paths of
// import, plan (and why teachers were left out), export, backup and opening
// a file are driven through the library functions the GUI and kopru-cli
// call, and any message with words outside the marks fails the test (file
// names, numbers, quoted user values and the file's own headers are
// allowed). A string built without tr(), a translation helper lupdate cannot
// see, or SQLite's English shown alone is caught, whatever the message.
#include "models/db/database.h"
#include "models/db/sql.h"
#include "models/export/exporter.h"
#include "models/import/importer.h"
#include "models/import/scalemapping.h"
#include "models/io/tablereader.h"
#include "models/planning/placementedits.h"
#include "models/planning/planner.h"
#include "models/planning/planreason.h"
#include "models/planning/unplaced.h"
#include "models/planning/unplacedmodel.h"
#include "models/safety/backupmanager.h"
#include "models/safety/instancelock.h"
#include "tests/common/testutil.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace kopru;

namespace {

const QString kOpen = QStringLiteral("⟦");
const QString kClose = QStringLiteral("⟧");

QString unescapeXml(QString s)
{
    s.replace(QLatin1String("&lt;"), QLatin1String("<"));
    s.replace(QLatin1String("&gt;"), QLatin1String(">"));
    s.replace(QLatin1String("&quot;"), QLatin1String("\""));
    s.replace(QLatin1String("&apos;"), QLatin1String("'"));
    s.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return s;
}

QString keyOf(const QString &context, const QString &source)
{
    return context + QChar(0x1f) + source;
}

class PseudoTranslator : public QTranslator
{
public:
    // The (context, source) pairs of the catalogue.
    bool load(const QString &tsPath)
    {
        QFile file(tsPath);
        if (!file.open(QIODevice::ReadOnly))
            return false;
        const QString ts = QString::fromUtf8(file.readAll());
        static const QRegularExpression contextRe(
            QStringLiteral(R"(<context>\s*<name>(.*?)</name>(.*?)</context>)"), QRegularExpression::DotMatchesEverythingOption);
        static const QRegularExpression sourceRe(
            QStringLiteral(R"(<source>(.*?)</source>)"), QRegularExpression::DotMatchesEverythingOption);
        for (auto c = contextRe.globalMatch(ts); c.hasNext();) {
            const auto context = c.next();
            for (auto m = sourceRe.globalMatch(context.captured(2)); m.hasNext();)
                m_known.insert(keyOf(unescapeXml(context.captured(1)), unescapeXml(m.next().captured(1))));
        }
        return !m_known.isEmpty();
    }
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (!sourceText || !*sourceText)
            return {};
        const QString source = QString::fromUtf8(sourceText);
        if (!m_known.contains(keyOf(QString::fromUtf8(context), source))) {
            m_missing.insert(QString::fromUtf8(context) + QStringLiteral(" / ") + source);
            return {}; // shown untranslated: caught as words outside the marks
        }
        // %1, %n… stay as they are inside the marks: arguments are filled in later.
        return kOpen + source + kClose;
    }
    // What was asked for and is not in the catalogue (Qt's own strings among them).
    QStringList missing() const { return QStringList(m_missing.begin(), m_missing.end()); }

private:
    QSet<QString> m_known;
    mutable QSet<QString> m_missing;
};

// The text of `message` outside every mark (marks nest: an argument that is
// itself translated is inside its own marks).
QString outsideMarks(const QString &message)
{
    QString out;
    int depth = 0;
    for (const QChar c : message) {
        if (c == kOpen.front())
            ++depth;
        else if (c == kClose.front())
            depth = std::max(0, depth - 1);
        else if (depth == 0)
            out += c;
    }
    return out;
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
const char kSessions[] = "Firma;İl;Alan;Başlangıç;Bitiş;Saat;Kontenjan;Yeterlikler\n"
                         "Anadolu Enerji A.Ş.;Ankara;ELK;14.06.2027;25.06.2027;80;2;ELK01, ELK02\n";
const char kNeeds[] = "TC Kimlik No;Q1[ELK01];Q1[ELK02]\n10000000146;5;4\n";

} // namespace

class PseudoTranslationTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    PseudoTranslator m_translator;
    std::unique_ptr<Database> m_db;
    // Every message checked, and those with words outside the marks.
    int m_checked = 0;
    QStringList m_unmarked;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Records `message` when it has words outside the marks. `allowed`:
    // user values and headers that may stand outside the marks.
    void check(const QString &where, const QString &message, const QStringList &allowed = {})
    {
        ++m_checked;
        if (qEnvironmentVariableIsSet("KOPRU_PSEUDO_PRINT"))
            qInfo("%s: %s", qPrintable(where), qPrintable(message));
        if (message.isEmpty()) {
            m_unmarked << where + QStringLiteral(": (empty message)");
            return;
        }
        QString rest = outsideMarks(message);
        rest.remove(QDir::toNativeSeparators(m_dir.path()));
        rest.remove(m_dir.path());
        static const QRegularExpression pathTail(QStringLiteral("(/[\\w.-]+)+"));
        rest.remove(pathTail); // what follows the folder: no-such-folder/new.kopru
        for (const QString &a : allowed)
            if (!a.isEmpty())
                rest.remove(a);
        static const QRegularExpression quoted(QStringLiteral("\"[^\"]*\"|“[^”]*”"));
        rest.remove(quoted);
        // File names (a.kopru, teachers.csv) and what separates positions.
        static const QRegularExpression fileName(QStringLiteral("[\\w.-]+\\.(kopru|csv|xlsx|ics|pdf|dimacs|txt)\\b"));
        rest.remove(fileName);
        static const QRegularExpression noWords(QStringLiteral("^[\\s\\d\\p{P}\\p{S}]*$"));
        if (!noWords.match(rest).hasMatch())
            m_unmarked << where + QStringLiteral(": ") + message;
    }

    void checkReport(const QString &where, const ImportReport &report, const QStringList &allowed = {})
    {
        QVERIFY2(!report.errors.isEmpty(), qPrintable(where + QStringLiteral(": the file was not refused")));
        QStringList names = allowed + report.header;
        for (const Error &e : report.errors) {
            check(where, e.message, names);
            check(where, report.describe(e), names);
        }
        for (const Error &e : report.notices)
            check(where, e.message, names);
    }

    ImportReport importCsv(ImportKind kind, const QString &csv, const QString &name = QStringLiteral("f.csv"))
    {
        auto table = TableReader::readBytes(csv.toUtf8(), name, {});
        if (!table) {
            ImportReport r;
            r.refuse(table.error());
            return r;
        }
        return Importer::run(m_db->connection(), kind, table.value().table, {});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_translator.load(QStringLiteral(KOPRU_TEST_DATA "/../../translations/kopru_tr.ts")));
        QCoreApplication::installTranslator(&m_translator);
        QCOMPARE(QCoreApplication::translate("Import", "cancelled"), QStringLiteral("⟦cancelled⟧"));
        m_db = test::newDatabase(path(QStringLiteral("base.kopru")));
        QVERIFY(m_db);
        for (auto [kind, csv] : { std::pair { ImportKind::Competencies, kCompetencies },
                 std::pair { ImportKind::Teachers, kTeachers }, std::pair { ImportKind::Partners, kPartners },
                 std::pair { ImportKind::Sessions, kSessions }, std::pair { ImportKind::Needs, kNeeds } }) {
            const ImportReport r = importCsv(kind, QString::fromUtf8(csv));
            QVERIFY2(r.committed, qPrintable(r.errors.isEmpty() ? QString() : r.errors.first().toString()));
        }
    }

    void catchesAnUntranslatedMessage()
    {
        // The check itself can fail: a plain English message is caught, a marked one is not.
        const int before = int(m_unmarked.size());
        check(QStringLiteral("self-test"), QStringLiteral("unknown province \"Ankra\""));
        QCOMPARE(m_unmarked.size(), before + 1);
        check(QStringLiteral("self-test"),
            QStringLiteral("%1:3:5: İl: ⟦unknown province \"Ankra\" (write its name or plate number)⟧").arg(m_dir.path()),
            { QStringLiteral("İl") });
        QCOMPARE(m_unmarked.size(), before + 1);
        m_unmarked.removeLast();
    }

    void importErrors_data()
    {
        QTest::addColumn<kopru::ImportKind>("kind");
        QTest::addColumn<QString>("csv");
        const QString th
            = QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl;Okul;E-posta;Telefon;Deneyim;Müsait başlangıç;Müsait bitiş;SMM\n");
        const QString ok = QStringLiteral("10000000146;Ayşe;Işık;ELK;İstanbul;;;;;;;\n");
        auto t = [&](const char *name, const char *row) {
            QTest::newRow(name) << ImportKind::Teachers << th + ok + QString::fromUtf8(row);
        };
        t("checksum", "17291716050;A;B;ELK;Ankara;;;;;;;\n");
        t("scientific notation", "1,72917E+10;A;B;ELK;Ankara;;;;;;;\n");
        t("missing id", ";A;B;ELK;Ankara;;;;;;;\n");
        t("duplicate in file", "10000000146;Ayşe;Işık;ELK;İstanbul;;;;;;;\n");
        t("empty first name", "17291716060;;Öz;BIL;Ankara;;;;;;;\n");
        t("unknown field", "17291716060;M;Öz;Denizcilik Alanı;Ankara;;;;;;;\n");
        t("empty field", "17291716060;M;Öz;;Ankara;;;;;;;\n");
        t("unknown province", "17291716060;M;Öz;BIL;Ankra;;;;;;;\n");
        t("bad e-mail", "17291716060;M;Öz;BIL;Ankara;;oguz@;;;;;\n");
        t("phone in scientific notation", "17291716060;M;Öz;BIL;Ankara;;;5,32E+09;;;;\n");
        t("experience out of range", "17291716060;M;Öz;BIL;Ankara;;;;61;;;\n");
        t("experience not a number", "17291716060;M;Öz;BIL;Ankara;;;;on;;;\n");
        t("bad date", "17291716060;M;Öz;BIL;Ankara;;;;;31.02.2027;;\n");
        t("date format", "17291716060;M;Öz;BIL;Ankara;;;;;June 2027;;\n");
        t("availability reversed", "17291716060;M;Öz;BIL;Ankara;;;;;01.09.2026;2026-06-01;\n");
        t("unknown centre", "17291716060;M;Öz;BIL;Ankara;;;;;;;Hayali MTAL\n");
        QTest::newRow("missing key column") << ImportKind::Teachers << QStringLiteral("Ad;Soyad\nA;B\n");

        const QString ph = QStringLiteral("Firma;İl;Aktif;Protokol tarihi;Yeterlikler\n");
        auto p = [&](const char *name, const char *rows) {
            QTest::newRow(name) << ImportKind::Partners << ph + QString::fromUtf8(rows);
        };
        p("partner unknown province", "Ege Tekstil;Atlantis;Evet;;\n");
        p("partner bad active", "Ege Tekstil;İzmir;belki;;\n");
        p("partner bad date", "Ege Tekstil;İzmir;1;2025-13-01;\n");
        p("partner unknown competency", "Ege Tekstil;İzmir;1;;ELK01, ZZZ99\n");
        p("partner duplicate", "Ege Tekstil;İzmir;1;;\nEGE TEKSTİL;35;0;;\n");
        p("partner empty name", ";İzmir;1;;\n");

        const QString sh = QStringLiteral("Firma;İl;Alan;Başlangıç;Bitiş;Saat;Kontenjan;Yeterlikler\n");
        auto s = [&](const char *name, const char *row) {
            QTest::newRow(name) << ImportKind::Sessions << sh + QString::fromUtf8(row);
        };
        s("session unknown company", "Yok A.Ş.;Ankara;ELK;14.06.2027;25.06.2027;80;2;\n");
        s("session unknown field", "Anadolu Enerji A.Ş.;Ankara;QQQ;14.06.2027;25.06.2027;80;2;\n");
        s("session reversed dates", "Anadolu Enerji A.Ş.;Ankara;ELK;25.06.2027;14.06.2027;80;2;\n");
        s("session zero capacity", "Anadolu Enerji A.Ş.;Ankara;ELK;14.06.2027;25.06.2027;80;0;\n");
        s("session empty capacity", "Anadolu Enerji A.Ş.;Ankara;ELK;14.06.2027;25.06.2027;80;;\n");
        s("session empty dates", "Anadolu Enerji A.Ş.;Ankara;ELK;;;80;2;\n");
        s("session competency of another field", "Anadolu Enerji A.Ş.;Ankara;ELK;14.06.2027;25.06.2027;80;2;BIL01\n");

        const QString ch = QStringLiteral("Alan;Kod;Başlık\n");
        QTest::newRow("competency unknown field") << ImportKind::Competencies << ch + QStringLiteral("XX;XX01;Bir\n");
        QTest::newRow("competency duplicate")
            << ImportKind::Competencies << ch + QStringLiteral("ELK;ELK09;Bir\nELK;elk09;İki\n");
        QTest::newRow("competency empty title") << ImportKind::Competencies << ch + QStringLiteral("ELK;ELK09;\n");

        const QString nh = QStringLiteral("TC Kimlik No;Q1[ELK01];Q1[ELK02];Q1[BIL01]\n");
        auto n = [&](const char *name, const char *rows) {
            QTest::newRow(name) << ImportKind::Needs << nh + QString::fromUtf8(rows);
        };
        n("needs unknown teacher", "10000000146;5;4;\n24543125792;5;4;\n");
        n("needs out of range", "10000000146;5;7;\n");
        n("needs bad answer", "10000000146;Çok;4;\n");
        n("needs other field", "10000000146;5;4;3\n");
        n("needs duplicate teacher", "10000000146;5;4;\n10000000146;1;1;\n");
        QTest::newRow("needs long unknown competency")
            << ImportKind::Needs << QStringLiteral("TC Kimlik No;Yeterlik;İhtiyaç\n10000000146;ELK99;3\n");
        QTest::newRow("needs long duplicate")
            << ImportKind::Needs << QStringLiteral("TC Kimlik No;Yeterlik;İhtiyaç\n10000000146;ELK01;3\n10000000146;ELK01;4\n");
        QTest::newRow("needs no competency column") << ImportKind::Needs << QStringLiteral("TC Kimlik No;Bölüm\n10000000146;x\n");
        QTest::newRow("csv unterminated quote") << ImportKind::Teachers << QStringLiteral("TC Kimlik No;Ad\n\"1000;A\n");
    }

    void importErrors()
    {
        QFETCH(kopru::ImportKind, kind);
        QFETCH(QString, csv);
        checkReport(QString::fromUtf8(QTest::currentDataTag()), importCsv(kind, csv));
    }

    // Issue #18 point 3: a malformed scale mapping, and a label outside it.
    void scaleErrors()
    {
        for (const QString &text : { QStringLiteral(" "), QStringLiteral("Orta"), QStringLiteral("=3"), QStringLiteral("Orta=9"),
                 QStringLiteral("Orta=3,ORTA=4") }) {
            const auto scale = ScaleMapping::parse(text);
            QVERIFY(!scale);
            check(QStringLiteral("scale ") + text, scale.message());
        }
        const auto scale = ScaleMapping::parse(QStringLiteral("Hiç yok=1,Fikrim yok=NA"));
        QVERIFY(scale);
        auto table
            = TableReader::readBytes(QStringLiteral("TC Kimlik No;Q1[ELK01];Q1[ELK02]\n10000000146;Hiç yok;Biraz\n").toUtf8(),
                QStringLiteral("f.csv"), {});
        QVERIFY(table);
        ImportOptions options;
        options.scale = scale.value();
        checkReport(QStringLiteral("label outside the scale"),
            Importer::run(m_db->connection(), ImportKind::Needs, table.value().table, options));
    }

    void columnMappedTwice()
    {
        // The wizard's column boxes can give two columns one target.
        auto table = TableReader::readBytes(QByteArray("TC Kimlik No;Ad;İsim\n10000000146;A;B\n"), QStringLiteral("f.csv"), {});
        QVERIFY(table);
        ImportOptions options;
        options.overrides.insert(2, QStringLiteral("first_name"));
        checkReport(QStringLiteral("two columns, one target"),
            Importer::run(m_db->connection(), ImportKind::Teachers, table.value().table, options));
    }

    void fileReadErrors()
    {
        // A missing file, a folder, a workbook that is no zip, bytes that are no text in the chosen encoding.
        auto missing = TableReader::read(path(QStringLiteral("missing.csv")), {});
        QVERIFY(!missing);
        check(QStringLiteral("missing file"), missing.message());
        auto folder = TableReader::read(m_dir.path(), {});
        QVERIFY(!folder);
        check(QStringLiteral("folder"), folder.message());
        QFile fake(path(QStringLiteral("fake.xlsx")));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write("PK\x03\x04 this is not really a zip archive");
        fake.close();
        auto notZip = TableReader::read(fake.fileName(), {});
        QVERIFY(!notZip);
        check(QStringLiteral("broken workbook"), notZip.message());
        TableReader::Options utf8;
        utf8.encoding = Encoding::Utf8;
        auto bad = TableReader::readBytes(QByteArray("TC Kimlik No;Ad\n1;\xff\xfe\n"), QStringLiteral("bad.csv"), utf8);
        if (!bad)
            check(QStringLiteral("bad bytes"), bad.message());
    }

    void workbookImportErrors()
    {
        // A LibreOffice workbook whose first sheet holds teachers, imported as partners and as needs.
        const QString book = QStringLiteral(KOPRU_TEST_DATA "/import/libreoffice.xlsx");
        auto t = TableReader::read(book, {});
        QVERIFY2(t, qPrintable(t.message()));
        checkReport(QStringLiteral("xlsx as partners"), Importer::run(m_db->connection(), ImportKind::Partners, t->table, {}));
        TableReader::Options needs;
        needs.sheet = QStringLiteral("Needs");
        auto n = TableReader::read(book, needs);
        QVERIFY2(n, qPrintable(n.message()));
        checkReport(
            QStringLiteral("xlsx needs as sessions"), Importer::run(m_db->connection(), ImportKind::Sessions, n->table, {}));
        TableReader::Options noSheet;
        noSheet.sheet = QStringLiteral("Yok");
        auto absent = TableReader::read(book, noSheet);
        QVERIFY(!absent);
        check(QStringLiteral("xlsx unknown sheet"), absent.message(), { QStringLiteral("Yok") });
    }

    void planReasons()
    {
        PlanOptions options;
        options.dimacsPath = path(QStringLiteral("no-such-folder/network.dimacs"));
        auto failed = Planner::run(m_db->connection(), options);
        QVERIFY(!failed);
        check(QStringLiteral("plan: DIMACS"), failed.message());

        auto result = Planner::run(m_db->connection(), PlanOptions {});
        QVERIFY2(result, qPrintable(result.message()));
        QVERIFY(result->placed >= 1);
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT reason, teacher_id, session_id FROM placement")));
        int reasons = 0;
        while (q.next()) {
            ++reasons;
            check(QStringLiteral("plan reason"), PlanReason::render(q.value(0).toString()),
                { QStringLiteral("PLC programlama"), QStringLiteral("Motor sürücüleri") });
            auto moved = PlacementEdits::moveReason(m_db->connection(), q.value(1).toInt(), q.value(2).toInt(), nullptr);
            QVERIFY2(moved, qPrintable(moved.message()));
            check(QStringLiteral("moved reason"), PlanReason::render(moved.value()),
                { QStringLiteral("PLC programlama"), QStringLiteral("Motor sürücüleri") });
        }
        QVERIFY(reasons >= 1);

        // Who was left out and why: the reasons, the list's headers and tooltips.
        for (UnplacedTeacher::Reason r : { UnplacedTeacher::Reason::NoSession, UnplacedTeacher::Reason::DatesUnavailable,
                 UnplacedTeacher::Reason::LockedElsewhere, UnplacedTeacher::Reason::SessionsFull })
            check(QStringLiteral("unplaced reason"), Unplaced::reasonText(r));
        UnplacedModel model;
        QVERIFY(model.load(m_db->connection()));
        for (int c = 0; c < model.columnCount(); ++c)
            check(QStringLiteral("unplaced header"), model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
        for (int r = 0; r < model.rowCount(); ++r) {
            check(QStringLiteral("unplaced row"), model.index(r, UnplacedModel::Reason).data().toString());
            check(QStringLiteral("unplaced tooltip"), model.index(r, UnplacedModel::Reason).data(Qt::ToolTipRole).toString());
        }
    }

    void exportErrors()
    {
        using namespace exporting;
        ExportRequest request;
        request.kind = Kind::Plan;
        request.format = Format::Csv;
        request.outPath = path(QStringLiteral("no-such-folder/plan.csv"));
        auto unwritable = runExport(m_db->connection(), request, false);
        QVERIFY(!unwritable);
        check(QStringLiteral("export to a missing folder"), unwritable.message());
        request.format = Format::Xlsx;
        request.outPath = m_dir.path(); // a folder
        auto folder = runExport(m_db->connection(), request, false);
        QVERIFY(!folder);
        check(QStringLiteral("export onto a folder"), folder.message());
        request.format = Format::Csv;
        request.outPath = path(QStringLiteral("plan.csv"));
        request.scope.fieldCode = QStringLiteral("QQQ");
        auto unknownField = runExport(m_db->connection(), request, false);
        QVERIFY(!unknownField);
        check(QStringLiteral("export of an unknown field"), unknownField.message(), { QStringLiteral("QQQ") });
        request.scope.fieldCode.clear();
        request.kind = Kind::Unplaced;
        request.format = Format::Pdf;
        auto unplacedPdf = runExport(m_db->connection(), request, false);
        QVERIFY(!unplacedPdf);
        check(QStringLiteral("unplaced as PDF"), unplacedPdf.message(), { QStringLiteral("unplaced"), QStringLiteral("pdf") });
        request.format = Format::Csv;
        request.scope.partnerId = 1;
        auto unplacedPartner = runExport(m_db->connection(), request, false);
        QVERIFY(!unplacedPartner);
        check(QStringLiteral("unplaced of a partner"), unplacedPartner.message());
    }

    void backupErrors()
    {
        QFile blocker(path(QStringLiteral("not-a-folder")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        BackupManager manager(blocker.fileName() + QStringLiteral("/backups"));
        auto made = manager.backup(m_db->path(), QStringLiteral("manual"));
        QVERIFY(!made);
        check(QStringLiteral("backup into a file"), made.message());
        auto badReason = BackupManager(path(QStringLiteral("backups"))).backup(m_db->path(), QStringLiteral("Not A Reason!"));
        QVERIFY(!badReason);
        check(QStringLiteral("backup reason"), badReason.message(), { QStringLiteral("Not A Reason!") });
        auto restored = manager.restore(path(QStringLiteral("missing.kopru")), path(QStringLiteral("target.kopru")));
        QVERIFY(!restored);
        check(QStringLiteral("restore of a missing backup"), restored.message());
    }

    void openErrors()
    {
        auto missing = Database::open(path(QStringLiteral("missing.kopru")));
        QVERIFY(!missing);
        check(QStringLiteral("open a missing file"), missing.message());

        QFile corrupt(path(QStringLiteral("corrupt.kopru")));
        QVERIFY(corrupt.open(QIODevice::WriteOnly));
        corrupt.write(QByteArray("SQLite format 3\0", 16) + QByteArray(4080, '\x5a'));
        corrupt.close();
        auto damaged = Database::open(corrupt.fileName());
        QVERIFY(!damaged);
        check(QStringLiteral("open a corrupt file"), damaged.message());

        QFile text(path(QStringLiteral("text.kopru")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("just some text, not a database at all\n");
        text.close();
        auto notDb = Database::open(text.fileName());
        QVERIFY(!notDb);
        check(QStringLiteral("open a text file"), notDb.message());

        QFile empty(path(QStringLiteral("empty.kopru")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        auto nothing = Database::open(empty.fileName());
        QVERIFY(!nothing);
        check(QStringLiteral("open an empty file"), nothing.message());

        auto folder = Database::open(m_dir.path());
        QVERIFY(!folder);
        check(QStringLiteral("open a folder"), folder.message());

        InstanceLock first(m_db->path());
        QVERIFY(first.tryLock().ok());
        InstanceLock second(m_db->path());
        const Status locked = second.tryLock();
        QVERIFY(!locked);
        check(QStringLiteral("open a locked file"), locked.message());

        auto created = Database::create(path(QStringLiteral("no-such-folder/new.kopru")));
        QVERIFY(!created);
        check(QStringLiteral("new database in a missing folder"), created.message());
        auto onFolder = Database::create(m_dir.path());
        QVERIFY(!onFolder);
        check(QStringLiteral("new database onto a folder"), onFolder.message());
        QDir(m_dir.path()).mkdir(QStringLiteral("read-only"));
        QFile::setPermissions(path(QStringLiteral("read-only")), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        auto readOnly = Database::create(path(QStringLiteral("read-only/new.kopru")));
        if (!readOnly) // root may write anyway
            check(QStringLiteral("new database in a read-only folder"), readOnly.message());
    }

    // After each test function: every message it checked was translated.
    void cleanup()
    {
        const QStringList unmarked = m_unmarked;
        m_unmarked.clear();
        QVERIFY2(unmarked.isEmpty(),
            qPrintable(QStringLiteral("%1 message(s) with words outside the translation:\n").arg(unmarked.size())
                + unmarked.join(QLatin1Char('\n')) + QStringLiteral("\nasked for, not in kopru_tr.ts:\n")
                + m_translator.missing().join(QLatin1Char('\n'))));
    }

    void cleanupTestCase()
    {
        QFile::setPermissions(
            path(QStringLiteral("read-only")), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qInfo("%d messages checked", m_checked);
        QVERIFY(m_checked > 60);
    }
};

QTEST_GUILESS_MAIN(PseudoTranslationTest)
#include "tst_pseudotranslation.moc"
