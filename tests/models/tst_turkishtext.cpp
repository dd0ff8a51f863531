// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/domain/turkishtext.h"

#include <QRandomGenerator>
#include <QTest>
#include <algorithm>

using namespace kopru;

class TestTurkishText : public QObject
{
    Q_OBJECT
private slots:
    void foldsCaseTheTurkishWay()
    {
        QCOMPARE(TurkishText::toLower(u"IŞIK"), QStringLiteral("ışık"));
        QCOMPARE(TurkishText::toLower(u"İSTANBUL"), QStringLiteral("istanbul"));
        QCOMPARE(TurkishText::toUpper(u"istanbul ılıca"), QStringLiteral("İSTANBUL ILICA"));
        QCOMPARE(TurkishText::searchKey(u"  IŞIK   Yılmaz "), TurkishText::searchKey(u"ışık yılmaz"));
        QVERIFY(TurkishText::searchKey(u"ISIK") != TurkishText::searchKey(u"ışık"));
        // A decomposed İ (I + combining dot above) folds to i as well.
        QCOMPARE(TurkishText::toLower(QString::fromUtf8("i\u0307")), QStringLiteral("i"));
    }

    void looseKeyIgnoresDiacriticsAndPunctuation_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("spaced") << "TC Kimlik No";
        QTest::newRow("snake") << "tc_kimlik_no";
        QTest::newRow("dotted capital") << "T.C. KİMLİK NO";
        QTest::newRow("lower i") << "t.c. kimlik no";
    }
    void looseKeyIgnoresDiacriticsAndPunctuation()
    {
        QFETCH(QString, text);
        QCOMPARE(TurkishText::looseKey(text), QStringLiteral("tckimlikno"));
    }

    void asciiKeyDropsDiacriticsButKeepsWords()
    {
        QCOMPARE(TurkishText::asciiKey(u"Kılıç  Ayşe"), QStringLiteral("kilic ayse"));
        QCOMPARE(TurkishText::asciiKey(u"KILIÇ"), QStringLiteral("kilic"));
        QCOMPARE(TurkishText::asciiKey(u"Kilic"), QStringLiteral("kilic"));
        QCOMPARE(TurkishText::asciiKey(u"Gönül Üstün-Ağaoğlu"), QStringLiteral("gonul ustun-agaoglu"));
        QCOMPARE(TurkishText::asciiKey(u"İSTANBUL"), QStringLiteral("istanbul"));
    }

    // The search keeps a row's searchKey and folds it further only when an
    // ASCII word is typed: the result must be the text's asciiKey.
    void asciiKeyOfSearchKeyFoldsOnlyDiacritics()
    {
        QCOMPARE(TurkishText::asciiKeyOfSearchKey(TurkishText::searchKey(u"KILIÇ  Ayşe")), QStringLiteral("kilic ayse"));
        QCOMPARE(TurkishText::asciiKeyOfSearchKey(u"gönül üstün-ağaoğlu"), QStringLiteral("gonul ustun-agaoglu"));
        QCOMPARE(TurkishText::asciiKeyOfSearchKey(u"âşık îmân ûfuk"), QStringLiteral("asik iman ufuk"));
        // Case is left as it is (the key is already folded).
        QCOMPARE(TurkishText::asciiKeyOfSearchKey(u"Ç"), QStringLiteral("Ç"));
        QCOMPARE(TurkishText::asciiKeyOfSearchKey(QString()), QString());
    }

    void collatesTurkish()
    {
        QStringList names { QStringLiteral("Şahin"), QStringLiteral("Çelik"), QStringLiteral("Sarı"), QStringLiteral("Işık"),
            QStringLiteral("İnce"), QStringLiteral("Can"), QStringLiteral("Özkan"), QStringLiteral("Oral"),
            QStringLiteral("Ünal"), QStringLiteral("Uslu"), QStringLiteral("Ilgaz"), QStringLiteral("ince") };
        std::stable_sort(
            names.begin(), names.end(), [](const QString &a, const QString &b) { return TurkishText::compare(a, b) < 0; });
        const QStringList expected { QStringLiteral("Can"), QStringLiteral("Çelik"), QStringLiteral("Ilgaz"),
            QStringLiteral("Işık"), QStringLiteral("İnce"), QStringLiteral("ince"), QStringLiteral("Oral"),
            QStringLiteral("Özkan"), QStringLiteral("Sarı"), QStringLiteral("Şahin"), QStringLiteral("Uslu"),
            QStringLiteral("Ünal") };
        QCOMPARE(names, expected);
    }

    void comparesNumbersByValue()
    {
        QVERIFY(TurkishText::compare(u"ELK2", u"ELK10") < 0);
        QVERIFY(TurkishText::compare(u"ELK10", u"ELK2") > 0);
        QCOMPARE(TurkishText::compare(u"ELK02", u"ELK2"), 0);
        QVERIFY(TurkishText::compare(u"abc", u"abcd") < 0);
        QCOMPARE(TurkishText::compare(u"IŞIK", u"ışık"), 0);
    }

    // The sort key orders as compare() does: tricky pairs by hand, then many
    // random texts over the letters, cases and characters that matter.
    void sortKeyOrdersAsCompare_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("expected"); // sign of compare(a, b)
        QTest::newRow("ı before i") << QStringLiteral("ılık") << QStringLiteral("ilik") << -1;
        QTest::newRow("I is ı") << QStringLiteral("IŞIK") << QStringLiteral("ışık") << 0;
        QTest::newRow("İ is i") << QStringLiteral("İnce") << QStringLiteral("ince") << 0;
        QTest::newRow("I before İ") << QStringLiteral("Ilgaz") << QStringLiteral("İlgaz") << -1;
        QTest::newRow("c before ç") << QStringLiteral("Cem") << QStringLiteral("Çam") << -1;
        QTest::newRow("ç before d") << QStringLiteral("çz") << QStringLiteral("da") << -1;
        QTest::newRow("s before ş") << QStringLiteral("Sz") << QStringLiteral("Şa") << -1;
        QTest::newRow("g before ğ") << QStringLiteral("gz") << QStringLiteral("ğa") << -1;
        QTest::newRow("o before ö") << QStringLiteral("Oz") << QStringLiteral("Öa") << -1;
        QTest::newRow("u before ü") << QStringLiteral("uz") << QStringLiteral("üa") << -1;
        QTest::newRow("â is a") << QStringLiteral("kâr") << QStringLiteral("kar") << 0;
        QTest::newRow("numbers by value") << QStringLiteral("ELK9") << QStringLiteral("ELK10") << -1;
        QTest::newRow("leading zeros") << QStringLiteral("ELK007x") << QStringLiteral("elk7X") << 0;
        QTest::newRow("zero") << QStringLiteral("a000") << QStringLiteral("a0") << 0;
        QTest::newRow("digit before letter") << QStringLiteral("9") << QStringLiteral("a") << -1;
        QTest::newRow("space before digit") << QStringLiteral("a b") << QStringLiteral("a1") << -1;
        QTest::newRow("colon after letters") << QStringLiteral("a:") << QStringLiteral("az") << 1;
        QTest::newRow("é after letters") << QStringLiteral("é") << QStringLiteral("z") << 1;
        QTest::newRow("prefix") << QStringLiteral("Ali") << QStringLiteral("Alican") << -1;
        QTest::newRow("empty") << QString() << QStringLiteral("a") << -1;
        QTest::newRow("both empty") << QString() << QString() << 0;
        QTest::newRow("other digits before letters") << QStringLiteral("\u0663") << QStringLiteral("a") << -1;
        QTest::newRow("other digits before é") << QStringLiteral("\u0663") << QStringLiteral("é") << -1;
        QTest::newRow("other digits after space") << QStringLiteral("\u0663") << QStringLiteral(" ") << 1;
    }
    void sortKeyOrdersAsCompare()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, expected);
        const auto sign = [](int v) { return (v > 0) - (v < 0); };
        QCOMPARE(sign(TurkishText::compare(a, b)), expected);
        QCOMPARE(sign(TurkishText::compare(b, a)), -expected);
        QCOMPARE(sign(TurkishText::compareKeys(TurkishText::sortKey(a), TurkishText::sortKey(b))), expected);
        QCOMPARE(sign(TurkishText::compareKeys(TurkishText::sortKey(b), TurkishText::sortKey(a))), -expected);
    }

    void sortKeyOrdersAsCompareForRandomTexts()
    {
        const QString alphabet = QStringLiteral("aAbcCçÇdgGğĞhıIiİjoOöÖsSşŞuUüÜâÂzZqQ00123456789 -.,:'_éÉ\u0663\u0307");
        QRandomGenerator random(16); // fixed seed: the same texts every run
        const auto text = [&] {
            QString t;
            const int length = int(random.bounded(7));
            for (int i = 0; i < length; ++i)
                t += alphabet.at(qsizetype(random.bounded(int(alphabet.size()))));
            return t;
        };
        const auto sign = [](int v) { return (v > 0) - (v < 0); };
        std::vector<QString> texts;
        for (int i = 0; i < 3000; ++i)
            texts.push_back(text());
        int equal = 0, differing = 0;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            for (std::size_t j = i; j < std::min(texts.size(), i + 40); ++j) {
                const QString &a = texts[i];
                const QString &b = texts[j];
                const int expected = sign(TurkishText::compare(a, b));
                const int got = sign(TurkishText::compareKeys(TurkishText::sortKey(a), TurkishText::sortKey(b)));
                if (got != expected)
                    QFAIL(qPrintable(QStringLiteral("\"%1\" vs \"%2\": compare %3, keys %4").arg(a, b).arg(expected).arg(got)));
                (expected == 0 ? equal : differing)++;
            }
        }
        QVERIFY(equal > 3000); // every text with itself, and some equal pairs
        QVERIFY(differing > 100000);
        // Sorting by keys gives compare()'s order (so compare is a strict weak order here too).
        std::vector<QString> byCompare = texts, byKey = texts;
        std::stable_sort(byCompare.begin(), byCompare.end(),
            [](const QString &a, const QString &b) { return TurkishText::compare(a, b) < 0; });
        std::stable_sort(byKey.begin(), byKey.end(), [](const QString &a, const QString &b) {
            return TurkishText::compareKeys(TurkishText::sortKey(a), TurkishText::sortKey(b)) < 0;
        });
        QCOMPARE(byKey, byCompare);
        for (std::size_t i = 1; i < byCompare.size(); ++i)
            QVERIFY(TurkishText::compare(byCompare[i - 1], byCompare[i]) <= 0);
    }
};

QTEST_GUILESS_MAIN(TestTurkishText)
#include "tst_turkishtext.moc"
