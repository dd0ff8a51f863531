// SPDX-License-Identifier: GPL-3.0-or-later
// Schedule ▸ Certificates… (views/certificates/certificatesdialog.*), offscreen,
// on a demo database with a completed programme: what it would issue, saving
// one PDF and one file each, the register tab, and the schedule page's button.
// Set KOPRU_SCREENSHOT_DIR to also save the dialog's two tabs as PNG (English)
// and the dialog in Turkish.
#include "app/common/translations.h"
#include "models/certificates/certificateregistermodel.h"
#include "models/document/documentpainter.h"
#include "models/export/exporttablemodel.h"
#include "tests/common/testutil.h"
#include "views/certificates/certificatesdialog.h"
#include "views/schedule/monthview.h"
#include "views/schedule/schedulepage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>

using namespace kopru;
using namespace kopru::certificates;

namespace {

// The text of a PDF (empty without pdftotext).
QString pdfText(const QString &pdf)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), { QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-") });
    return p.waitForFinished(60000) ? QString::fromUtf8(p.readAllStandardOutput()) : QString();
}

} // namespace

class TestCertificatesDialog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int m_session = 0;
    int m_completed = 0; // completed placements of m_session

    int count(const QString &sql) { return test::scalar(m_db->connection(), sql).toInt(); }

    // The "saved" messages SavedFiles::offer leaves open.
    static void closeMessages()
    {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *box = qobject_cast<QMessageBox *>(w))
                box->close();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("dialog.kopru"));
        QCOMPARE(test::runCli({ QStringLiteral("demo"), path, QStringLiteral("--teachers"), QStringLiteral("300") }), 0);
        auto db = Database::open(path);
        QVERIFY2(db, qPrintable(db.message()));
        m_db = std::move(db.value());
        m_session = count(QStringLiteral("SELECT session_id FROM placement WHERE status = 'completed' GROUP BY session_id "
                                         "ORDER BY count(*) DESC, session_id LIMIT 1"));
        m_completed = count(
            QStringLiteral("SELECT count(*) FROM placement WHERE status = 'completed' AND session_id = %1").arg(m_session));
        QVERIFY(m_completed > 0);
    }

    void savesOnePdfThenReissues()
    {
        CertificatesDialog dialog(m_db.get(), m_session, 0, nullptr);
        QAbstractItemModelTester tester(dialog.registerModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dialog.scope().kind, CertificateScope::Kind::Session);
        QCOMPARE(dialog.scope().id, m_session);
        QVERIFY2(dialog.previewText().contains(QStringLiteral("%1 new").arg(m_completed)), qPrintable(dialog.previewText()));
        QCOMPARE(dialog.registerModel()->rowCount(), 0);
        QCOMPARE(dialog.language(), QStringLiteral("tr"));

        const QString pdf = m_dir.filePath(QStringLiteral("session.pdf"));
        dialog.setTargetPath(pdf);
        QSignalSpy issued(&dialog, &CertificatesDialog::issued);
        QVERIFY(dialog.save());
        closeMessages();
        QCOMPARE(issued.count(), 1);
        QVERIFY(QFile::exists(pdf));
        const bool poppler = !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty();
        // Turkish certificates from an English user interface; the dialog stays English.
        if (poppler)
            QVERIFY(pdfText(pdf).contains(QStringLiteral("KATILIM BELGESİ")));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Certificates of participation"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM certificate")), m_completed);
        QCOMPARE(dialog.registerModel()->rowCount(), m_completed);
        QVERIFY2(dialog.resultText().contains(QStringLiteral("%1 page").arg(m_completed)), qPrintable(dialog.resultText()));
        // Now every certificate of the session exists: saving again re-issues them.
        QVERIFY2(dialog.previewText().contains(QStringLiteral("0 new")), qPrintable(dialog.previewText()));
        const QString numbers = test::scalar(m_db->connection(),
            QStringLiteral("SELECT group_concat(number || verification_code) FROM (SELECT * FROM certificate ORDER BY 1)"))
                                    .toString();

        dialog.setSeparateFiles(true);
        dialog.setLanguage(QStringLiteral("en"));
        const QString folder = m_dir.filePath(QStringLiteral("each"));
        dialog.setTargetPath(folder);
        QVERIFY(dialog.save());
        closeMessages();
        QCOMPARE(QDir(folder).entryList(QDir::Files).size(), m_completed);
        if (poppler)
            QVERIFY(pdfText(QDir(folder).filePath(QDir(folder).entryList(QDir::Files).constFirst()))
                        .contains(QStringLiteral("CERTIFICATE OF PARTICIPATION")));
        QVERIFY2(dialog.resultText().contains(QStringLiteral("written to")), qPrintable(dialog.resultText()));
        QCOMPARE(
            test::scalar(m_db->connection(),
                QStringLiteral("SELECT group_concat(number || verification_code) FROM (SELECT * FROM certificate ORDER BY 1)"))
                .toString(),
            numbers);
        QCOMPARE(count(QStringLiteral("SELECT min(issue_count) FROM certificate")), 2);
        QCOMPARE(dialog.registerModel()->index(0, CertificateRegisterModel::Count).data().toString(), QStringLiteral("2"));
        if (const QString shots = qEnvironmentVariable("KOPRU_SCREENSHOT_DIR"); !shots.isEmpty()) {
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            dialog.tabs()->setCurrentIndex(0);
            dialog.grab().save(QDir(shots).filePath(QStringLiteral("certificates-dialog.png")));
            dialog.tabs()->setCurrentIndex(1);
            dialog.grab().save(QDir(shots).filePath(QStringLiteral("certificates-register.png")));
        }
    }

    // Starting without a session: the centre shown, else all; a centre without
    // completed placements offers nothing to save.
    void scopes()
    {
        const int centre = count(QStringLiteral("SELECT min(id) FROM centre"));
        CertificatesDialog byCentre(m_db.get(), 0, centre, nullptr);
        QCOMPARE(byCentre.scope().kind, CertificateScope::Kind::Centre);
        QCOMPARE(byCentre.scope().id, centre);
        CertificatesDialog all(m_db.get(), 0, 0, nullptr);
        QCOMPARE(all.scope().kind, CertificateScope::Kind::All);
        const int completed = count(QStringLiteral("SELECT count(*) FROM placement WHERE status = 'completed'"));
        QVERIFY2(all.previewText().startsWith(QString::number(completed)), qPrintable(all.previewText()));
        QCOMPARE(all.tabs()->count(), 2);
    }

    // In Turkish every label of the dialog is translated and the form still fits.
    void turkish()
    {
        Translations::install(*QCoreApplication::instance(), QStringLiteral("tr"));
        {
            CertificatesDialog dialog(m_db.get(), m_session, 0, nullptr);
            QVERIFY2(dialog.previewText().contains(QStringLiteral("tamamlanmış yerleştirme")), qPrintable(dialog.previewText()));
            QCOMPARE(dialog.tabs()->tabText(1), QStringLiteral("Kayıt defteri"));
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.sizeHint().width() <= dialog.width());
            if (const QString shots = qEnvironmentVariable("KOPRU_SCREENSHOT_DIR"); !shots.isEmpty())
                dialog.grab().save(QDir(shots).filePath(QStringLiteral("certificates-dialog-tr.png")));
        }
        Translations::install(*QCoreApplication::instance(), QStringLiteral("en"));
    }

    void schedulePageOpensIt()
    {
        QUndoStack undo;
        SchedulePage page(&undo, nullptr);
        page.setDatabase(m_db.get());
        QPushButton *button = nullptr;
        for (QPushButton *b : page.findChildren<QPushButton *>())
            if (b->text() == SchedulePage::tr("&Certificates…"))
                button = b;
        QVERIFY(button);
        QCOMPARE(page.selectedSession(), 0);
        // A row of the partner table chooses its session.
        QTableView *byPartner = page.tableView(SchedulePage::ByPartner);
        const QModelIndex first = byPartner->model()->index(0, 0);
        byPartner->setCurrentIndex(first);
        const int chosen = page.selectedSession();
        QVERIFY(chosen > 0);
        const QString partner = test::scalar(m_db->connection(),
            QStringLiteral("SELECT pa.name FROM training_session ts JOIN partner pa ON pa.id = ts.partner_id WHERE ts.id = %1")
                .arg(chosen))
                                    .toString();
        QCOMPARE(page.model(SchedulePage::ByPartner)->index(first.row(), 2).data().toString(), partner);
        // So does a row of the teacher table: the teacher's session.
        QTableView *byTeacher = page.tableView(SchedulePage::ByTeacher);
        byTeacher->setCurrentIndex(byTeacher->model()->index(0, 0));
        const QString teacher = page.model(SchedulePage::ByTeacher)->index(0, 0).data().toString();
        QCOMPARE(page.selectedSession(),
            count(QStringLiteral("SELECT p.session_id FROM placement p JOIN teacher t ON t.id = p.teacher_id WHERE p.status <> "
                                 "'cancelled' AND t.first_name || ' ' || t.last_name = '%1'")
                      .arg(teacher)));
        // So does a session clicked in the month.
        emit page.monthView()->sessionSelected(m_session);
        QCOMPARE(page.selectedSession(), m_session);
        // The button opens the dialog at the chosen session.
        bool seen = false;
        QTimer::singleShot(0, this, [&] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (auto *d = qobject_cast<CertificatesDialog *>(w)) {
                    seen = d->scope().kind == CertificateScope::Kind::Session && d->scope().id == m_session;
                    d->reject();
                }
        });
        button->click();
        QVERIFY(seen);
    }
};

QTEST_MAIN(TestCertificatesDialog)
#include "tst_certificatesdialog.moc"
