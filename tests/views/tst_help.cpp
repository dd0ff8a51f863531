// SPDX-License-Identifier: GPL-3.0-or-later
// The user guide (issue #18 point 8): shipped inside the program in Turkish
// and English, opened with F1 at the section of the current page; every page
// has its section, every link and picture of the guide resolves, and the
// guide can be searched.
#include "views/help/helpwindow.h"
#include "views/mainwindow/mainwindow.h"
#include "views/pages/page.h"

#include <QAction>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QTest>
#include <QTextBrowser>

using namespace kopru;

namespace {

QString guideText(const QString &language)
{
    QFile f(QStringLiteral(":/help/guide-%1.html").arg(language));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

QSet<QString> matches(const QString &text, const QString &pattern)
{
    QSet<QString> out;
    QRegularExpressionMatchIterator it = QRegularExpression(pattern).globalMatch(text);
    while (it.hasNext())
        out.insert(it.next().captured(1));
    return out;
}

} // namespace

class TestHelp : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void everyPageHasItsSectionInBothLanguages()
    {
        MainWindow w;
        QVERIFY(!w.pages().empty());
        for (const QString &language : { QStringLiteral("tr"), QStringLiteral("en") }) {
            const QString text = guideText(language);
            QVERIFY2(!text.isEmpty(), qPrintable(language));
            const QSet<QString> anchors = matches(text, QStringLiteral("<a name=\"([^\"]+)\""));
            for (const Page *page : w.pages())
                QVERIFY2(anchors.contains(page->pageName()), qPrintable(language + QLatin1Char(' ') + page->pageName()));
        }
        // The two guides have the same sections, in the same order.
        const QRegularExpression anchor(QStringLiteral("<a name=\"([^\"]+)\""));
        QStringList tr, en;
        for (auto it = anchor.globalMatch(guideText(QStringLiteral("tr"))); it.hasNext();)
            tr << it.next().captured(1);
        for (auto it = anchor.globalMatch(guideText(QStringLiteral("en"))); it.hasNext();)
            en << it.next().captured(1);
        QCOMPARE(tr, en);
    }

    void everyLinkAndPictureResolves()
    {
        for (const QString &language : { QStringLiteral("tr"), QStringLiteral("en") }) {
            const QString text = guideText(language);
            const QSet<QString> anchors = matches(text, QStringLiteral("<a name=\"([^\"]+)\""));
            const QSet<QString> links = matches(text, QStringLiteral("href=\"#([^\"]+)\""));
            QVERIFY(!links.isEmpty());
            for (const QString &link : links)
                QVERIFY2(anchors.contains(link), qPrintable(language + QStringLiteral(": #") + link));
            const QSet<QString> pictures = matches(text, QStringLiteral("<img src=\"([^\"]+)\""));
            QVERIFY(pictures.size() >= 8);
            for (const QString &picture : pictures) {
                // The guide shows the pictures of its own language.
                QVERIFY2(picture.endsWith(QLatin1Char('-') + language + QStringLiteral(".png")), qPrintable(picture));
                const QImage image(QStringLiteral(":/help/") + picture);
                QVERIFY2(!image.isNull(), qPrintable(picture));
                QVERIFY(image.width() <= 800);
            }
        }
    }

    void f1OpensTheGuideAtTheCurrentPageInTheUiLanguage()
    {
        QLocale::setDefault(QLocale(QLocale::Turkish, QLocale::Turkey));
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.showPage(QStringLiteral("schedule")));
        auto *action = w.findChild<QAction *>(QStringLiteral("helpAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::HelpContents));
        QTest::keyClick(&w, Qt::Key_F1);
        HelpWindow *help = w.helpWindow();
        QVERIFY(help);
        QVERIFY(QTest::qWaitForWindowExposed(help));
        QCOMPARE(help->browser()->source().fileName(), QStringLiteral("guide-tr.html"));
        QCOMPARE(help->browser()->source().fragment(), QStringLiteral("schedule"));
        QVERIFY(help->browser()->toPlainText().contains(QStringLiteral("Takvim")));
        const int scheduleAt = help->browser()->verticalScrollBar()->value();
        QVERIFY(scheduleAt > 0); // a section far down: the guide scrolled to it

        // F1 on another page: the same window, at that page's section.
        QVERIFY(w.showPage(QStringLiteral("teachers")));
        action->trigger();
        QCOMPARE(w.helpWindow(), help);
        QCOMPARE(help->browser()->source().fragment(), QStringLiteral("teachers"));
        QVERIFY(help->browser()->verticalScrollBar()->value() < scheduleAt);

        // Back returns to the schedule's section.
        help->browser()->backward();
        QCOMPARE(help->browser()->source().fragment(), QStringLiteral("schedule"));
    }

    void englishUiGetsTheEnglishGuide()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QCOMPARE(HelpWindow::guideUrl(QStringLiteral("needs")), QUrl(QStringLiteral("qrc:/help/guide-en.html#needs")));
        QLocale::setDefault(QLocale(QLocale::Turkish, QLocale::Turkey));
        QCOMPARE(HelpWindow::guideUrl(), QUrl(QStringLiteral("qrc:/help/guide-tr.html")));
    }

    void searchFindsWordsAndMarksWhatIsNotThere()
    {
        QLocale::setDefault(QLocale(QLocale::Turkish, QLocale::Turkey));
        HelpWindow help;
        help.showSection({});
        QVERIFY(QTest::qWaitForWindowExposed(&help));
        const QPalette normal = help.searchEdit()->palette();
        QTest::keyClicks(help.searchEdit(), QStringLiteral("KVKK"));
        QCOMPARE(help.browser()->textCursor().selectedText(), QStringLiteral("KVKK"));
        const int first = help.browser()->textCursor().position();
        QTest::keyClick(help.searchEdit(), Qt::Key_Return);
        QVERIFY(help.browser()->textCursor().position() > first); // the next one
        QCOMPARE(help.searchEdit()->palette().color(QPalette::Base), normal.color(QPalette::Base));

        help.searchEdit()->clear();
        QTest::keyClicks(help.searchEdit(), QStringLiteral("xyzzy"));
        QVERIFY(help.searchEdit()->palette().color(QPalette::Base) != normal.color(QPalette::Base));
    }
};

QTEST_MAIN(TestHelp)
#include "tst_help.moc"
