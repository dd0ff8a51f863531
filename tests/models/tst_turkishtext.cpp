// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/domain/turkishtext.h"

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
};

QTEST_GUILESS_MAIN(TestTurkishText)
#include "tst_turkishtext.moc"
