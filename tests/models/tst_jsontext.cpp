// SPDX-License-Identifier: GPL-3.0-or-later
// JSON strings written straight are the strings QJsonDocument writes, byte for byte.
#include "models/demo/random.h"
#include "models/io/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace kopru;

namespace {

// What QJsonDocument writes for the string: the element of a one-string array.
QByteArray qtQuoted(const QString &s)
{
    const QByteArray array = QJsonDocument(QJsonArray { s }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray quoted(const QString &s)
{
    QString out;
    JsonText::appendQuoted(out, s);
    return out.toUtf8();
}

} // namespace

class TestJsonText : public QObject
{
    Q_OBJECT

private slots:
    void everyAsciiCharacterAsQtWritesIt()
    {
        for (char16_t u = 0; u < 0x80; ++u) {
            const QString s = QStringLiteral("a") + QChar(u) + QStringLiteral("b");
            QCOMPARE(quoted(s), qtQuoted(s));
        }
    }

    void namedCases_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("turkish") << QStringLiteral("Işık İğne çÇ şŞ ğĞ öÖ üÜ ıI");
        QTest::newRow("quotes and backslashes") << QStringLiteral(R"(say "hi" \ C:\path\ "")");
        QTest::newRow("controls") << QStringLiteral("tab\tnew\nline\rform\fback\bbell") + QChar(7) + QChar(0x1f) + QChar(0);
        QTest::newRow("delete and latin-1") << QString(QChar(0x7f)) + QChar(0x80) + QChar(0xa0) + QChar(0xff);
        QTest::newRow("pair") << QString::fromUtf16(u"emoji \U0001F600 end");
        QTest::newRow("high alone at the end") << QString(QChar(0xd83d));
        QTest::newRow("high before a letter") << QString(QChar(0xd83d)) + QStringLiteral("x");
        QTest::newRow("low alone") << QStringLiteral("x") + QChar(0xde00) + QStringLiteral("y");
        QTest::newRow("two highs then a low") << QString(QChar(0xd83d)) + QChar(0xd83d) + QChar(0xde00);
        QTest::newRow("line separators") << QString(QChar(0x2028)) + QChar(0x2029) + QChar(0xfeff) + QChar(0xfffe);
    }

    void namedCases()
    {
        QFETCH(QString, text);
        QCOMPARE(quoted(text), qtQuoted(text));
    }

    // Random UTF-16 (surrogates, controls and quotes often): the same bytes every time.
    void randomStringsAsQtWritesThem()
    {
        Random rng(20261207);
        const char16_t pool[] = { u'"', u'\\', u'\n', u'\t', 0x01, 0x1f, 0x7f, u'ı', u'İ', 0xd800, 0xdbff, 0xdc00, 0xdfff, u'a' };
        for (int n = 0; n < 2000; ++n) {
            QString s;
            const int length = int(rng.next() % 12);
            for (int i = 0; i < length; ++i) {
                const std::uint64_t r = rng.next();
                s += QChar(r % 2 ? pool[(r >> 8) % std::size(pool)] : char16_t((r >> 8) % 0x10000));
            }
            QCOMPARE(quoted(s), qtQuoted(s));
        }
    }

    void appendsToWhatIsThere()
    {
        QString out = QStringLiteral("[1,");
        JsonText::appendQuoted(out, u"x\"y");
        QCOMPARE(out, QStringLiteral("[1,\"x\\\"y\""));
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
