// SPDX-License-Identifier: GPL-3.0-or-later
// Issue #18: the main window fits a laptop screen. Every page, on the national
// demo data set, in Turkish and in English, after a teacher is selected: the
// window's minimum size fits 1280×720 logical pixels (a 1280×720 screen at
// 100 %, a 1920×1080 screen at 150 %: CTest runs this test a second time with
// QT_SCALE_FACTOR=1.5), and a window of that size keeps every button inside it.
#include "app/common/translations.h"
#include "models/demo/demogenerator.h"
#include "models/itemmodels/teachertablemodel.h"
#include "tests/common/testutil.h"
#include "views/mainwindow/mainwindow.h"
#include "views/pages/page.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTranslator>

using namespace kopru;

namespace {

// The logical size of a 1280×720 screen at 100 % and of a 1920×1080 one at 150 %.
constexpr QSize kLaptop(1280, 720);

// The widgets that ask for the most width, to name the culprit when the window is too wide.
QString widestWidgets(QWidget *root)
{
    QList<QPair<int, QString>> found;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets)
        if (w->isVisibleTo(root) && w->minimumSizeHint().width() > 400)
            found.append({ w->minimumSizeHint().width(),
                QStringLiteral("%1 \"%2\"").arg(QLatin1String(w->metaObject()->className()), w->objectName()) });
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList lines;
    for (qsizetype i = 0; i < std::min<qsizetype>(found.size(), 12); ++i)
        lines << QStringLiteral("%1 px %2").arg(found[i].first).arg(found[i].second);
    return lines.join(QStringLiteral("; "));
}

// Selects the teacher whose detail header ("First Last — Field, Province") is longest.
bool selectLongestTeacher(Page *teachers)
{
    QTableView *table = teachers->findChild<QTableView *>(QStringLiteral("entities"));
    if (!table || table->model()->rowCount() == 0)
        return false;
    const QAbstractItemModel *m = table->model();
    int best = 0;
    qsizetype longest = -1;
    for (int row = 0; row < m->rowCount(); ++row) {
        qsizetype length = 0;
        for (int column : { TeacherTableModel::FirstName, TeacherTableModel::LastName, TeacherTableModel::Field,
                 TeacherTableModel::Province, TeacherTableModel::School })
            length += m->index(row, column).data().toString().size();
        if (length > longest) {
            longest = length;
            best = row;
        }
    }
    table->selectRow(best);
    return table->currentIndex().row() == best;
}

} // namespace

class TestLaptopFit : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_dbPath;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("KopruTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_laptopfit"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_dbPath = m_dir.filePath(QStringLiteral("national.kopru"));
        auto db = test::newDatabase(m_dbPath);
        QVERIFY(db);
        // The national demo data set, as `kopru-cli demo` builds it (8,000 teachers).
        auto summary = DemoGenerator::generate(db->connection(), DemoGenerator::Options {});
        QVERIFY2(summary.ok(), qPrintable(summary.message()));
        QCOMPARE(summary.value().teachers, 8000);
        // Under QT_SCALE_FACTOR the device pixel ratio is the factor asked for.
        const qreal factor = qEnvironmentVariable("QT_SCALE_FACTOR", QStringLiteral("1")).toDouble();
        QCOMPARE(qApp->devicePixelRatio(), factor);
    }

    void everyPageFitsALaptop_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("Turkish") << QStringLiteral("tr");
        QTest::newRow("English") << QStringLiteral("en");
    }

    void everyPageFitsALaptop()
    {
        QFETCH(QString, language);
        Translations::install(*QCoreApplication::instance(), language);
        const auto restore = qScopeGuard([] {
            for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>())
                QCoreApplication::removeTranslator(t);
            QLocale::setDefault(QLocale::c());
        });
        const qreal ratio = qApp->devicePixelRatio();
        MainWindow w;
        QVERIFY(w.openFile(m_dbPath));
        w.resize(kLaptop);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (Page *page : w.pages()) {
            QVERIFY(w.showPage(page->pageName()));
            if (page->pageName() == QLatin1String("teachers"))
                QVERIFY(selectLongestTeacher(page));
            QApplication::processEvents();
            const QSize hint = w.minimumSizeHint();
            qInfo("%s (%s): minimum %d×%d logical pixels", qPrintable(page->pageName()), qPrintable(language), hint.width(),
                hint.height());
            QVERIFY2(hint.width() <= kLaptop.width() && hint.height() <= kLaptop.height(),
                qPrintable(QStringLiteral("%1 (%2): minimum %3×%4 logical, %5×%6 physical pixels; widest: %7")
                               .arg(page->pageName(), language)
                               .arg(hint.width())
                               .arg(hint.height())
                               .arg(qRound(hint.width() * ratio))
                               .arg(qRound(hint.height() * ratio))
                               .arg(widestWidgets(&w))));
        }
        // Asked for the laptop's size, the window takes it (it does not grow) and
        // every button, search box and list of every page lies inside it.
        w.resize(kLaptop);
        QApplication::processEvents();
        QCOMPARE(w.size(), kLaptop);
        for (Page *page : w.pages()) {
            QVERIFY(w.showPage(page->pageName()));
            QApplication::processEvents();
            QList<QWidget *> controls;
            for (auto *b : page->findChildren<QAbstractButton *>())
                controls << b;
            for (auto *c : page->findChildren<QComboBox *>())
                controls << c;
            for (auto *e : page->findChildren<QLineEdit *>())
                if (!qobject_cast<QComboBox *>(e->parentWidget()))
                    controls << e;
            int checked = 0;
            for (QWidget *c : std::as_const(controls)) {
                if (!c->isVisible() || c->window() != &w)
                    continue;
                const QRect r(c->mapTo(&w, QPoint(0, 0)), c->size());
                QVERIFY2(QRect(QPoint(0, 0), w.size()).contains(r),
                    qPrintable(QStringLiteral("%1 (%2): %3 \"%4\" at %5,%6 %7×%8 lies outside the %9×%10 window")
                                   .arg(page->pageName(), language, QLatin1String(c->metaObject()->className()),
                                       c->objectName().isEmpty() ? c->property("text").toString() : c->objectName())
                                   .arg(r.x())
                                   .arg(r.y())
                                   .arg(r.width())
                                   .arg(r.height())
                                   .arg(w.width())
                                   .arg(w.height())));
                ++checked;
            }
            QVERIFY2(checked > 0, qPrintable(page->pageName()));
        }
    }
};

QTEST_MAIN(TestLaptopFit)
#include "tst_laptopfit.moc"
