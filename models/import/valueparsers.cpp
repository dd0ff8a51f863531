// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/valueparsers.h"

#include "models/domain/nationalid.h"
#include "models/domain/turkishtext.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QRegularExpression>

namespace kopru::CellValue {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kopru::CellValue", text);
}

bool looksScientific(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]+([.,][0-9]+)?[eE][+-]?[0-9]+$"));
    return re.match(s).hasMatch();
}

} // namespace

QString text(const QString &cell)
{
    QString t = cell.trimmed();
    if (t.size() > 1 && t.front() == QLatin1Char('\'')) {
        const QChar c = t.at(1);
        if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@'))
            t.remove(0, 1);
    }
    if (t.isNull())
        t = QStringLiteral(""); // empty, not NULL: text columns are NOT NULL DEFAULT ''
    return t;
}

bool isNotApplicable(const QString &cell)
{
    static const QStringList keys { QStringLiteral(""), QStringLiteral("na"), QStringLiteral("fikrimyok"),
        QStringLiteral("bilmiyorum"), QStringLiteral("uygulanamaz"), QStringLiteral("notapplicable"), QStringLiteral("ilgisiz") };
    const QString t = cell.trimmed();
    if (t == QLatin1String("-") || t == QLatin1String("—") || t == QLatin1String("–"))
        return true;
    return keys.contains(TurkishText::looseKey(t));
}

std::optional<QVariant> level(const QString &cell, QString *reason)
{
    // Fast paths for what survey files hold most: a digit, or nothing.
    if (cell.isEmpty())
        return QVariant();
    if (cell.size() == 1 && cell.front() >= QLatin1Char('1') && cell.front() <= QLatin1Char('5'))
        return QVariant(cell.front().unicode() - u'0');
    if (isNotApplicable(cell))
        return QVariant();
    static const QHash<QString, int> words {
        { QStringLiteral("cokyuksek"), 5 },
        { QStringLiteral("yuksek"), 4 },
        { QStringLiteral("orta"), 3 },
        { QStringLiteral("dusuk"), 2 },
        { QStringLiteral("az"), 2 },
        { QStringLiteral("cokdusuk"), 1 },
        { QStringLiteral("hic"), 1 },
        { QStringLiteral("yok"), 1 },
        { QStringLiteral("ihtiyacyok"), 1 },
        { QStringLiteral("veryhigh"), 5 },
        { QStringLiteral("high"), 4 },
        { QStringLiteral("medium"), 3 },
        { QStringLiteral("moderate"), 3 },
        { QStringLiteral("low"), 2 },
        { QStringLiteral("verylow"), 1 },
        { QStringLiteral("none"), 1 },
    };
    const QString t = cell.trimmed();
    const QString key = TurkishText::looseKey(t);
    if (auto it = words.constFind(key); it != words.constEnd())
        return QVariant(*it);
    static const QRegularExpression number(QStringLiteral("^([0-9]+)([.,]0+)?$"));
    static const QRegularExpression answerCode(QStringLiteral("^[Aa]([0-9]+)$"));
    static const QRegularExpression prefixed(QStringLiteral("^([0-9]+)\\s*[-.):]\\s*\\S"));
    QRegularExpressionMatch m = number.match(t);
    if (!m.hasMatch())
        m = answerCode.match(t);
    if (!m.hasMatch())
        m = prefixed.match(t);
    if (m.hasMatch()) {
        const int v = m.captured(1).toInt();
        if (v >= 1 && v <= 5)
            return QVariant(v);
        *reason = tr("%1 is outside the scale 1 to 5").arg(t);
        return std::nullopt;
    }
    *reason
        = tr("\"%1\" is not a level of the 1 to 5 scale (use 1-5, Hiç, Düşük, Orta, Yüksek, Çok yüksek, or leave empty)").arg(t);
    return std::nullopt;
}

std::optional<QVariant> date(const QString &cell, QString *reason)
{
    QString t = cell.trimmed();
    if (t.isEmpty())
        return QVariant();
    const int space = int(t.indexOf(QLatin1Char(' ')));
    if (space > 0)
        t = t.left(space); // "2027-06-14 00:00:00" from a spreadsheet
    QDate d;
    static const QRegularExpression dotted(QStringLiteral("^([0-9]{1,2})[./]([0-9]{1,2})[./]([0-9]{4})$"));
    static const QRegularExpression iso(QStringLiteral("^([0-9]{4})-([0-9]{2})-([0-9]{2})$"));
    if (auto m = dotted.match(t); m.hasMatch())
        d = QDate(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt());
    else if (auto i = iso.match(t); i.hasMatch())
        d = QDate(i.captured(1).toInt(), i.captured(2).toInt(), i.captured(3).toInt());
    else {
        *reason = tr("\"%1\" is not a date (write dd.MM.yyyy or yyyy-MM-dd)").arg(cell.trimmed());
        return std::nullopt;
    }
    if (!d.isValid()) {
        *reason = tr("\"%1\" is not a day of the calendar").arg(cell.trimmed());
        return std::nullopt;
    }
    return QVariant(d.toString(Qt::ISODate));
}

std::optional<QVariant> integer(const QString &cell, int min, int max, QString *reason)
{
    const QString t = cell.trimmed();
    if (t.isEmpty())
        return QVariant();
    static const QRegularExpression whole(QStringLiteral("^-?[0-9]+([.,]0+)?$"));
    if (!whole.match(t).hasMatch()) {
        *reason = tr("\"%1\" is not a whole number").arg(t);
        return std::nullopt;
    }
    bool ok = false;
    QString digits = t;
    static const QRegularExpression decimalSeparator(QStringLiteral("[.,]"));
    const int sep = int(digits.indexOf(decimalSeparator));
    if (sep >= 0)
        digits.truncate(sep);
    const qlonglong v = digits.toLongLong(&ok);
    if (!ok || v < min || v > max) {
        *reason = tr("%1 is outside the allowed range %2 to %3").arg(t).arg(min).arg(max);
        return std::nullopt;
    }
    return QVariant(int(v));
}

std::optional<bool> boolean(const QString &cell, QString *reason)
{
    const QString k = TurkishText::looseKey(cell);
    static const QStringList yes { QStringLiteral("1"), QStringLiteral("evet"), QStringLiteral("e"), QStringLiteral("true"),
        QStringLiteral("yes"), QStringLiteral("y"), QStringLiteral("aktif"), QStringLiteral("x"), QStringLiteral("dogru"),
        QStringLiteral("var") };
    static const QStringList no { QStringLiteral("0"), QStringLiteral("hayir"), QStringLiteral("h"), QStringLiteral("false"),
        QStringLiteral("no"), QStringLiteral("n"), QStringLiteral("pasif"), QStringLiteral("yanlis"), QStringLiteral("") };
    if (yes.contains(k))
        return true;
    if (no.contains(k))
        return false;
    *reason = tr("\"%1\" is neither yes nor no (write 1/0, evet/hayır)").arg(cell.trimmed());
    return std::nullopt;
}

std::optional<QString> nationalId(const QString &cell, QString *reason)
{
    QString t = cell.trimmed();
    t.remove(QLatin1Char(' '));
    if (looksScientific(t)) {
        *reason = tr("national ID %1 is in scientific notation: the spreadsheet dropped digits; format the column as text and "
                     "save the file again")
                      .arg(t);
        return std::nullopt;
    }
    if (t.isEmpty()) {
        *reason = tr("the national ID is missing");
        return std::nullopt;
    }
    const QString problem = NationalId::problem(t);
    if (!problem.isEmpty()) {
        *reason = tr("national ID %1: %2").arg(t, problem);
        return std::nullopt;
    }
    return t;
}

std::optional<QString> phone(const QString &cell, QString *reason)
{
    const QString t = text(cell);
    if (looksScientific(t)) {
        *reason = tr("phone number %1 is in scientific notation: the spreadsheet dropped digits; format the column as text and "
                     "save the file again")
                      .arg(t);
        return std::nullopt;
    }
    return t;
}

} // namespace kopru::CellValue
