// SPDX-License-Identifier: GPL-3.0-or-later
// The Turkish catalogue really reaches the user: the embedded .qm holds every
// finished message of translations/kopru_tr.ts, and messages built by the data
// layer's own translation helpers (lock, backup) come out in Turkish.
#include "app/common/translations.h"
#include "models/io/zipreader.h"
#include "models/planning/planreason.h"
#include "models/safety/backupmanager.h"
#include "models/safety/instancelock.h"

#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace kopru;

namespace {

QString unescapeXml(QString s)
{
    s.replace(QLatin1String("&lt;"), QLatin1String("<"));
    s.replace(QLatin1String("&gt;"), QLatin1String(">"));
    s.replace(QLatin1String("&quot;"), QLatin1String("\""));
    s.replace(QLatin1String("&apos;"), QLatin1String("'"));
    s.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return s;
}

struct Message
{
    QString context, source, comment, translation;
};

// Finished, non-plural messages of the .ts file.
QList<Message> readCatalogue(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString ts = QString::fromUtf8(file.readAll());
    static const QRegularExpression contextRe(
        QStringLiteral(R"(<context>\s*<name>(.*?)</name>(.*?)</context>)"), QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression messageRe(
        QStringLiteral(R"(<message>(.*?)</message>)"), QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression sourceRe(
        QStringLiteral(R"(<source>(.*?)</source>)"), QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression commentRe(
        QStringLiteral(R"(<comment>(.*?)</comment>)"), QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression translationRe(
        QStringLiteral(R"(<translation>(.*?)</translation>)"), QRegularExpression::DotMatchesEverythingOption);
    QList<Message> messages;
    for (auto c = contextRe.globalMatch(ts); c.hasNext();) {
        const auto context = c.next();
        for (auto m = messageRe.globalMatch(context.captured(2)); m.hasNext();) {
            const QString body = m.next().captured(1);
            const auto translation = translationRe.match(body);
            if (!translation.hasMatch())
                continue; // unfinished or plural forms
            messages.append({ unescapeXml(context.captured(1)), unescapeXml(sourceRe.match(body).captured(1)),
                unescapeXml(commentRe.match(body).captured(1)), unescapeXml(translation.captured(1)) });
        }
    }
    return messages;
}

} // namespace

class TranslationTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCOMPARE(Translations::install(*QCoreApplication::instance(), QStringLiteral("tr")), QStringLiteral("tr"));
        QCOMPARE(QLocale().language(), QLocale::Turkish);
    }

    void embeddedCatalogueHoldsEveryMessageOfTheTsFile()
    {
        const QList<Message> messages = readCatalogue(QStringLiteral(KOPRU_TEST_DATA "/../../translations/kopru_tr.ts"));
        QVERIFY2(messages.size() > 800, qPrintable(QString::number(messages.size())));
        int wrong = 0;
        for (const Message &m : messages) {
            const QString shown = QCoreApplication::translate(m.context.toUtf8().constData(), m.source.toUtf8().constData(),
                m.comment.isEmpty() ? nullptr : m.comment.toUtf8().constData());
            if (shown != m.translation && ++wrong <= 5)
                qWarning("%s / %s: got \"%s\"", qPrintable(m.context), qPrintable(m.source), qPrintable(shown));
        }
        QCOMPARE(wrong, 0);
    }

    void noMessageIsLeftUnfinished()
    {
        // A source string added without its Turkish shows up in English.
        QFile file(QStringLiteral(KOPRU_TEST_DATA "/../../translations/kopru_tr.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString ts = QString::fromUtf8(file.readAll());
        static const QRegularExpression unfinished(
            QStringLiteral(R"re(<source>([^<]*)</source>(?:\s*<comment>[^<]*</comment>)?\s*<translation type="unfinished")re"),
            QRegularExpression::DotMatchesEverythingOption);
        QStringList missing;
        for (auto m = unfinished.globalMatch(ts); m.hasNext();)
            missing << unescapeXml(m.next().captured(1));
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("without Turkish: ") + missing.join(QStringLiteral(" | "))));
    }

    void lockMessagesAreTurkish()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.kopru"));
        InstanceLock first(path);
        QVERIFY(first.tryLock().ok());
        InstanceLock second(path);
        const Status s = second.tryLock();
        QVERIFY(!s.ok());
        QVERIFY2(
            s.message().contains(QStringLiteral("başka bir Köprü programı tarafından kullanılıyor")), qPrintable(s.message()));
        const auto owner = InstanceLock::owner(path);
        QVERIFY(owner);
        QVERIFY2(!owner->describe().contains(QLatin1String("process")), qPrintable(owner->describe()));
    }

    void backupMessagesAreTurkish()
    {
        QTemporaryDir dir;
        BackupManager manager(dir.filePath(QStringLiteral("backups")));
        const auto result = manager.backup(dir.filePath(QStringLiteral("a.kopru")), QStringLiteral("Not A Reason!"));
        QVERIFY(!result);
        QVERIFY2(result.message().contains(QStringLiteral("geçersiz yedekleme nedeni \"Not A Reason!\"")),
            qPrintable(result.message()));
    }

    // A plan made by kopru-cli in an English shell stores facts, not English
    // text: the Turkish window renders them in Turkish. Old text reasons stay.
    void placementReasonsAreRenderedInTheReadersLanguage()
    {
        PlanReason::Facts facts;
        facts.coveredHighNeeds = QStringList { QStringLiteral("PLC programlama") };
        facts.highNeeds = 3;
        facts.points = 9;
        facts.km = 120;
        const QString stored = PlanReason::encode(facts);
        QVERIFY2(!stored.contains(QLatin1String("covers")) && !stored.contains(QLatin1String("karşılıyor")), qPrintable(stored));
        QCOMPARE(PlanReason::render(stored),
            QStringLiteral("3 yüksek ihtiyacınızdan 1 tanesini karşılıyor: PLC programlama; 120 km uzakta"));
        facts.kind = PlanReason::Facts::Kind::MovedByHand;
        facts.sameProvince = true;
        QCOMPARE(PlanReason::render(PlanReason::encode(facts)),
            QStringLiteral("elle taşındı: 3 yüksek ihtiyacınızdan 1 tanesini karşılıyor: PLC programlama; aynı il"));
        const QString old = QStringLiteral("covers 1 of your 3 high needs: PLC programlama; same province");
        QCOMPARE(PlanReason::render(old), old);
        QCOMPARE(PlanReason::render(QString()), QString());
    }

    void zipReaderMessagesAreTurkish()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("not-a-zip.xlsx"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is plain text, not a zip archive");
        file.close();
        const auto entry = readZipEntry(path, QStringLiteral("xl/workbook.xml"));
        QVERIFY(!entry);
        QVERIFY2(entry.message().contains(QStringLiteral("zip arşivi değil")), qPrintable(entry.message()));
    }
};

QTEST_MAIN(TranslationTest)
#include "tst_translation.moc"
