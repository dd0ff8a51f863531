// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/domain/nationalid.h"

#include <QTest>

using namespace kopru;

class TestNationalId : public QObject
{
    Q_OBJECT
private slots:
    void validates_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("domain example 1") << "10000000146" << true;
        QTest::newRow("domain example 2") << "17291716060" << true;
        QTest::newRow("foreign national 99") << NationalId::withCheckDigits(u"991234567") << true;
        QTest::newRow("bad checksum") << "17291716050" << false;
        QTest::newRow("leading zero") << "07291716092" << false;
        QTest::newRow("too short") << "1729171606" << false;
        QTest::newRow("too long") << "172917160600" << false;
        QTest::newRow("letters") << "1729171606a" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("tenth digit wrong") << "17291716070" << false;
        QTest::newRow("eleventh digit wrong") << "17291716061" << false;
        QTest::newRow("arabic-indic digits") << QString::fromUtf8("١٧٢٩١٧١٦٠٦٠") << false;
    }
    void validates()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(NationalId::isValid(id), valid);
        QCOMPARE(NationalId::problem(id).isEmpty(), valid);
    }

    void completesCheckDigits()
    {
        QCOMPARE(NationalId::withCheckDigits(u"100000001"), QStringLiteral("10000000146"));
        QCOMPARE(NationalId::withCheckDigits(u"172917160"), QStringLiteral("17291716060"));
    }

    // The tenth digit uses a non-negative remainder even when 7·odd − even < 0 is impossible
    // to reach with one digit sum: check the whole space of first digits by brute force.
    void everyCompletedIdIsValid()
    {
        for (int first = 1; first <= 9; ++first)
            for (int rest = 0; rest < 100000; rest += 7919) {
                const QString nine = QString::number(first) + QStringLiteral("%1").arg(rest, 8, 10, QLatin1Char('0'));
                const QString id = NationalId::withCheckDigits(nine);
                QVERIFY2(NationalId::isValid(id), qPrintable(id));
                QString wrong = id;
                wrong[10] = QChar(u'0' + (id.at(10).unicode() - u'0' + 1) % 10);
                QVERIFY(!NationalId::isValid(wrong));
            }
    }
};

QTEST_GUILESS_MAIN(TestNationalId)
#include "tst_nationalid.moc"
