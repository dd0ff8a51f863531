// SPDX-License-Identifier: GPL-3.0-or-later
// The import wizard driven offscreen: preview, mapping, dry-run report,
// commit in a worker thread; a bad file cannot be committed.
#include "models/import/importer.h"
#include "models/io/tablereader.h"
#include "tests/common/testutil.h"
#include "views/importer/importwizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>

using namespace kopru;
using kopru::test::scalar;

class TestImportWizard : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        QFile f(m_dir.filePath(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
        return f.fileName();
    }
    // Screenshots for people to look at (KOPRU_SCREENSHOTS=dir), else into the temp dir.
    void shoot(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("KOPRU_SCREENSHOTS", m_dir.path());
        QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("KopruTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_importwizard"));
        QSettings().clear();
    }

    void importsThroughAllPages()
    {
        auto db = test::newDatabase(m_dir.filePath(QStringLiteral("w.kopru")));
        QVERIFY(db);
        const QString file = write(QStringLiteral("teachers.csv"),
            QByteArray("\xEF\xBB\xBF")
                + QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl;Kan grubu\r\n"
                                 "10000000146;Ayşe;Işık;ELK;İstanbul;A+\r\n"
                                 "17291716060;Mehmet;Öz;BIL;Ankara;0-\r\n")
                      .toUtf8());
        ImportWizard wizard(db.get(), nullptr);
        wizard.preset(ImportKind::Teachers, file);
        wizard.show();
        QVERIFY(wizard.currentPage()->isComplete());
        // Issue #18: the "&File:" label has a buddy, so its "&" marks the shortcut
        // and is not shown ("&Dosya:" in Turkish).
        auto *fileLabel = wizard.findChild<QLabel *>(QStringLiteral("fileLabel"));
        QVERIFY(fileLabel);
        QVERIFY(qobject_cast<QLineEdit *>(fileLabel->buddy()));
        QCOMPARE(qobject_cast<QLineEdit *>(fileLabel->buddy())->text(), file);
        shoot(&wizard, QStringLiteral("import-1-file.png"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::FormatPage));
        auto *preview = wizard.currentPage()->findChild<QTableView *>();
        QVERIFY(preview);
        QCOMPARE(preview->model()->rowCount(), 2);
        QCOMPARE(preview->model()->columnCount(), 6);
        QCOMPARE(preview->model()->index(0, 2).data().toString(), QStringLiteral("Işık"));
        shoot(&wizard, QStringLiteral("import-2-format.png"));
        // Forcing the comma separator shows one column; back to detection.
        auto *separator = wizard.currentPage()->findChildren<QComboBox *>().at(1);
        separator->setCurrentIndex(separator->findData(QStringLiteral(",")));
        QCOMPARE(preview->model()->columnCount(), 1);
        separator->setCurrentIndex(0);
        QCOMPARE(preview->model()->columnCount(), 6);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
        auto *mapping = wizard.currentPage()->findChild<QTableWidget *>();
        QCOMPARE(mapping->rowCount(), 6);
        auto *combo = qobject_cast<QComboBox *>(mapping->cellWidget(0, 2));
        QCOMPARE(combo->currentData().toString(), QStringLiteral("national_id"));
        auto *unknown = qobject_cast<QComboBox *>(mapping->cellWidget(5, 2));
        QCOMPARE(unknown->currentData().toString(), QString());
        // The user says the unknown column holds notes.
        unknown->setCurrentIndex(unknown->findData(QStringLiteral("notes")));
        shoot(&wizard, QStringLiteral("import-3-mapping.png"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::ReportPage));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.currentPage()->isComplete(), 20000);
        shoot(&wizard, QStringLiteral("import-4-report.png"));
        QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM teacher")).toInt(), 0); // dry run only
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::CommitPage));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.currentPage()->isComplete(), 20000);
        shoot(&wizard, QStringLiteral("import-5-commit.png"));
        QVERIFY(wizard.committed());
        QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM teacher")).toInt(), 2);
        QCOMPARE(
            scalar(db->connection(), QStringLiteral("SELECT notes FROM teacher WHERE national_id = '17291716060'")).toString(),
            QStringLiteral("0-"));

        // The choice is remembered for the next file of this kind.
        bool known = false;
        QCOMPARE(RememberedMapping::target(ImportKind::Teachers, QStringLiteral("KAN GRUBU"), &known), QStringLiteral("notes"));
        QVERIFY(known);
    }

    void refusedFileCannotBeCommitted()
    {
        auto db = test::newDatabase(m_dir.filePath(QStringLiteral("bad.kopru")));
        const QString file = write(QStringLiteral("bad.csv"),
            QStringLiteral("TC Kimlik No;Ad;Soyad;Alan;İl\n"
                           "17291716050;Ali;Kaya;ELK;Ankara\n"
                           "10000000146;Ayşe;Işık;ELK;Atlantis\n")
                .toUtf8());
        ImportWizard wizard(db.get(), nullptr);
        wizard.preset(ImportKind::Teachers, file);
        wizard.show();
        wizard.next();
        wizard.next();
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::ReportPage));
        auto *table = wizard.currentPage()->findChild<QTableWidget *>();
        QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() > 0, 20000);
        QVERIFY(!wizard.currentPage()->isComplete());
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("2"));
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("3"));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("İl")); // the column's header, its number in the tooltip
        QVERIFY(table->item(1, 1)->toolTip().contains(QLatin1Char('5')));
        shoot(&wizard, QStringLiteral("import-4-refused.png"));
        QCOMPARE(scalar(db->connection(), QStringLiteral("SELECT count(*) FROM teacher")).toInt(), 0);
    }
    // Issue #15: evaluations through the wizard; item columns are named.
    void evaluationsThroughTheWizard()
    {
        auto db = test::newDatabase(m_dir.filePath(QStringLiteral("evaluations.kopru")));
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, province_id) "
                           "VALUES (1, '10000000146', 'Ayşe', 'Işık', 1, 6)")));
        QVERIFY(Sql::exec(c, QStringLiteral("INSERT INTO partner(id, name, province_id) VALUES (1, 'Anadolu Enerji A.Ş.', 6)")));
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO training_session(id, partner_id, field_id, start_date, end_date, capacity) "
                           "VALUES (1, 1, 1, '2027-06-14', '2027-06-25', 2)")));
        QVERIFY(Sql::exec(c, QStringLiteral("INSERT INTO placement(id, teacher_id, session_id) VALUES (1, 1, 1)")));
        const QString file = write(QStringLiteral("degerlendirme.csv"),
            QStringLiteral(
                "TC Kimlik No;T1. Eğitim, mesleki ihtiyaçlarımı karşıladı.;Q1[T2];Yorum\n10000000146;5;Fikrim yok;iyi\n")
                .toUtf8());
        ImportWizard wizard(db.get(), nullptr);
        wizard.preset(ImportKind::Evaluations, file);
        wizard.show();
        auto *kinds = wizard.findChild<QComboBox *>(QStringLiteral("importKind"));
        QVERIFY(kinds);
        QVERIFY(kinds->findData(int(ImportKind::Attendance)) >= 0);
        QCOMPARE(kinds->currentData().toInt(), int(ImportKind::Evaluations));
        wizard.next();
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
        auto *mapping = wizard.currentPage()->findChild<QTableWidget *>();
        QCOMPARE(mapping->rowCount(), 4);
        auto *first = qobject_cast<QComboBox *>(mapping->cellWidget(1, 2));
        QCOMPARE(first->currentData().toString(), QStringLiteral("item:T1"));
        QCOMPARE(first->currentText(), QStringLiteral("Answer to item T1"));
        QCOMPARE(qobject_cast<QComboBox *>(mapping->cellWidget(2, 2))->currentData().toString(), QStringLiteral("item:T2"));
        auto *comment = qobject_cast<QComboBox *>(mapping->cellWidget(3, 2));
        QCOMPARE(comment->currentData().toString(), QString());
        // Every item can be chosen for a column the wizard did not recognise.
        for (const char *code : { "T1", "T5", "P1", "P5" })
            QVERIFY(comment->findText(QStringLiteral("Answer to item %1").arg(QLatin1String(code))) >= 0);
        shoot(&wizard, QStringLiteral("import-evaluations-mapping.png"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::ReportPage));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.currentPage()->isComplete(), 20000);
        wizard.next();
        QTRY_VERIFY_WITH_TIMEOUT(wizard.currentPage()->isComplete(), 20000);
        shoot(&wizard, QStringLiteral("import-evaluations-commit.png"));
        QVERIFY(wizard.committed());
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT group_concat(ifnull(score, 'NA'), ',') FROM (SELECT score FROM "
                                    "evaluation_answer ORDER BY item_id)"))
                     .toString(),
            QStringLiteral("5,NA"));
    }

    // Issue #18 point 3: a survey with its own answer labels.
    void surveyLabelsAreAssignedAndRemembered()
    {
        auto db = test::newDatabase(m_dir.filePath(QStringLiteral("labels.kopru")));
        QVERIFY(db);
        for (auto [kind, csv] : { std::pair { ImportKind::Competencies, "Alan;Kod;Başlık\nELK;ELK01;PLC\nELK;ELK02;Motor\n" },
                 std::pair { ImportKind::Teachers,
                     "TC Kimlik No;Ad;Soyad;Alan;İl\n10000000146;Ayşe;Işık;ELK;34\n17291716060;Mehmet;Öz;ELK;6\n" } }) {
            auto table = TableReader::readBytes(QByteArray(csv), QStringLiteral("base.csv"), {});
            QVERIFY(table);
            QVERIFY(Importer::run(db->connection(), kind, table.value().table, {}).committed);
        }
        const QString survey = write(QStringLiteral("survey.csv"),
            QStringLiteral("TC Kimlik No;ELK01;ELK02\n"
                           "10000000146;Hiç yok;Biraz\n"
                           "17291716060;HİÇ YOK;Orta\n")
                .toUtf8());
        ImportWizard wizard(db.get(), nullptr);
        wizard.preset(ImportKind::Needs, survey);
        wizard.show();
        wizard.next();
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::ScalePage));
        auto *labels = wizard.currentPage()->findChild<QTableWidget *>();
        QVERIFY(labels);
        // Every distinct label with its count, in the order found.
        QCOMPARE(labels->rowCount(), 3);
        QCOMPARE(labels->item(0, 0)->text(), QStringLiteral("Hiç yok"));
        QCOMPARE(labels->item(0, 1)->text(), QStringLiteral("2"));
        QCOMPARE(labels->item(1, 0)->text(), QStringLiteral("Biraz"));
        QCOMPARE(labels->item(2, 0)->text(), QStringLiteral("Orta"));
        const auto level = [&](int row) { return qobject_cast<QComboBox *>(labels->cellWidget(row, 2)); };
        // Pre-filled from the words Köprü knows; "Biraz" must be chosen.
        QCOMPARE(level(0)->currentData(), QVariant(1));
        QVERIFY(!level(1)->currentData().isValid());
        QCOMPARE(level(2)->currentData(), QVariant(3));
        QVERIFY(!wizard.currentPage()->isComplete());
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        shoot(&wizard, QStringLiteral("import-3b-labels.png"));
        level(1)->setCurrentIndex(level(1)->findData(2));
        QVERIFY(wizard.currentPage()->isComplete());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::ReportPage));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.currentPage()->isComplete(), 20000);
        wizard.next();
        QTRY_VERIFY_WITH_TIMEOUT(wizard.currentPage()->isComplete(), 20000);
        QVERIFY(wizard.committed());
        QCOMPARE(scalar(db->connection(),
                     QStringLiteral("SELECT group_concat(need, ',') FROM (SELECT need FROM need_rating ORDER BY teacher_id, "
                                    "competency_id)"))
                     .toString(),
            QStringLiteral("1,2,1,3"));

        // The next file with the same labels (other spelling, other order)
        // gets the assignment back.
        const QString next = write(QStringLiteral("next.csv"),
            QStringLiteral("TC Kimlik No;ELK01;ELK02\n10000000146;orta;BİRAZ\n17291716060;Hiç yok;\n").toUtf8());
        ImportWizard again(db.get(), nullptr);
        again.preset(ImportKind::Needs, next);
        again.show();
        again.next();
        again.next();
        again.next();
        QCOMPARE(again.currentId(), int(ImportWizard::ScalePage));
        auto *labels2 = again.currentPage()->findChild<QTableWidget *>();
        QCOMPARE(labels2->rowCount(), 3);
        QCOMPARE(labels2->item(1, 0)->text(), QStringLiteral("BİRAZ"));
        QCOMPARE(qobject_cast<QComboBox *>(labels2->cellWidget(1, 2))->currentData(), QVariant(2));
        QVERIFY(again.currentPage()->isComplete());

        // A needs file the parser reads as it is skips the page.
        const QString plain = write(QStringLiteral("plain.csv"), QByteArray("TC Kimlik No;ELK01\n10000000146;A4\n"));
        ImportWizard direct(db.get(), nullptr);
        direct.preset(ImportKind::Needs, plain);
        direct.show();
        direct.next();
        direct.next();
        direct.next();
        QCOMPARE(direct.currentId(), int(ImportWizard::ReportPage));
        QTRY_VERIFY_WITH_TIMEOUT(direct.currentPage()->isComplete(), 20000);
    }

    // Issue #15: a needs file imported as survey round 2 (after the training)
    // leaves round 1 alone; the choice is remembered for the next needs file.
    void surveyRoundTwo()
    {
        auto db = test::newDatabase(m_dir.filePath(QStringLiteral("round2.kopru")));
        QVERIFY(db);
        for (auto [kind, csv] : { std::pair { ImportKind::Competencies, "Alan;Kod;Başlık\nELK;ELK01;PLC\n" },
                 std::pair { ImportKind::Teachers, "TC Kimlik No;Ad;Soyad;Alan;İl\n10000000146;Ayşe;Işık;ELK;34\n" },
                 std::pair { ImportKind::Needs, "TC Kimlik No;ELK01\n10000000146;5\n" } }) {
            auto table = TableReader::readBytes(QByteArray(csv), QStringLiteral("base.csv"), {});
            QVERIFY(table);
            QVERIFY(Importer::run(db->connection(), kind, table.value().table, {}).committed);
        }
        const QString after = write(QStringLiteral("after.csv"), QByteArray("TC Kimlik No;ELK01\n10000000146;2\n"));
        ImportWizard wizard(db.get(), nullptr);
        wizard.preset(ImportKind::Needs, after);
        wizard.show();
        auto *round = wizard.findChild<QComboBox *>(QStringLiteral("importRound"));
        QVERIFY(round);
        QVERIFY(round->isEnabled());
        QCOMPARE(round->currentData(), QVariant(1));
        round->setCurrentIndex(round->findData(2));
        shoot(&wizard, QStringLiteral("import-1-round.png"));
        wizard.next();
        wizard.next();
        wizard.next();
        QCOMPARE(wizard.currentId(), int(ImportWizard::ReportPage));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.currentPage()->isComplete(), 20000);
        wizard.next();
        QTRY_VERIFY_WITH_TIMEOUT(wizard.currentPage()->isComplete(), 20000);
        QVERIFY(wizard.committed());
        QCOMPARE(scalar(db->connection(),
                     QStringLiteral("SELECT group_concat(round || ':' || need, ',') FROM (SELECT round, need FROM need_rating "
                                    "ORDER BY round)"))
                     .toString(),
            QStringLiteral("1:5,2:2"));

        ImportWizard next(db.get(), nullptr);
        auto *remembered = next.findChild<QComboBox *>(QStringLiteral("importRound"));
        next.preset(ImportKind::Needs, after);
        QCOMPARE(remembered->currentData(), QVariant(2));
        QVERIFY(remembered->isEnabled());
        next.preset(ImportKind::Teachers, after);
        QVERIFY(!remembered->isEnabled()); // the round is the needs survey's only
    }
};

QTEST_MAIN(TestImportWizard)
#include "tst_importwizard.moc"
