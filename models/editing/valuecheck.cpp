// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/editing/valuecheck.h"

#include "models/domain/nationalid.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QRegularExpression>

namespace kopru::ValueCheck {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kopru::ValueCheck", text);
}

} // namespace

QString emailProblem(const QString &email)
{
    if (email.isEmpty())
        return {};
    static const QRegularExpression re(QStringLiteral(R"(^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$)"));
    if (!re.match(email).hasMatch())
        return tr("\"%1\" is not an e-mail address (name@example.org)").arg(email);
    return {};
}

QString phoneProblem(const QString &phone, QString *normalised)
{
    if (phone.trimmed().isEmpty()) {
        if (normalised)
            normalised->clear();
        return {};
    }
    static const QRegularExpression allowed(QStringLiteral(R"(^\+?[0-9 ()\-./]+$)"));
    QString digits;
    for (QChar c : phone)
        if (c.isDigit())
            digits += c;
    const bool international = phone.trimmed().startsWith(QLatin1Char('+'));
    if (international) {
        if (!digits.startsWith(QLatin1String("90")))
            return tr("\"%1\": only Turkish numbers (+90) are accepted").arg(phone);
        digits = QLatin1Char('0') + digits.mid(2);
    } else if (digits.startsWith(QLatin1String("90")) && digits.size() == 12) {
        digits = QLatin1Char('0') + digits.mid(2);
    } else if (!digits.startsWith(QLatin1Char('0'))) {
        digits.prepend(QLatin1Char('0'));
    }
    if (!allowed.match(phone.trimmed()).hasMatch() || digits.size() != 11 || digits.at(1) == QLatin1Char('0'))
        return tr("\"%1\" is not a Turkish phone number (0XXX XXX XX XX)").arg(phone);
    if (normalised)
        *normalised = digits;
    return {};
}

QString dateProblem(const QVariant &input, QString *iso)
{
    QDate d;
    if (input.userType() == QMetaType::QDate) {
        d = input.toDate();
    } else {
        const QString text = input.toString().trimmed();
        d = QDate::fromString(text, Qt::ISODate);
        if (!d.isValid())
            d = QDate::fromString(text, QStringLiteral("d.M.yyyy"));
        if (!d.isValid())
            return tr("\"%1\" is not a date (dd.mm.yyyy)").arg(text);
    }
    if (!d.isValid() || d.year() < 1900 || d.year() > 2200)
        return tr("not a valid date");
    if (iso)
        *iso = d.toString(Qt::ISODate);
    return {};
}

namespace {

Outcome checkValue(const Rules &rules, const QVariant &input);

} // namespace

Outcome check(const Rules &rules, const QVariant &input)
{
    Outcome out = checkValue(rules, input);
    // Text columns are NOT NULL: a null QString would bind as NULL, so store "".
    if (out.ok() && out.value.userType() == QMetaType::QString && out.value.toString().isNull())
        out.value = QVariant(QStringLiteral(""));
    return out;
}

namespace {

Outcome checkValue(const Rules &rules, const QVariant &input)
{
    const bool empty = input.isNull() || (input.userType() == QMetaType::QString && input.toString().trimmed().isEmpty());
    if (empty && rules.kind != ValueKind::Bool) {
        if (rules.required)
            return { {}, tr("a value is required") };
        // Text-like columns are NOT NULL DEFAULT '': store the empty string.
        const bool text = rules.kind == ValueKind::Text || rules.kind == ValueKind::Email || rules.kind == ValueKind::Phone;
        return { text ? QVariant(QString()) : QVariant(), {} };
    }
    switch (rules.kind) {
    case ValueKind::Text:
        return { input.toString().trimmed(), {} };
    case ValueKind::NationalId: {
        const QString id = input.toString().trimmed();
        const QString p = NationalId::problem(id);
        return { id, p };
    }
    case ValueKind::Email: {
        const QString e = input.toString().trimmed();
        return { e, emailProblem(e) };
    }
    case ValueKind::Phone: {
        QString n;
        const QString p = phoneProblem(input.toString(), &n);
        return { n, p };
    }
    case ValueKind::Date: {
        QString iso;
        const QString p = dateProblem(input, &iso);
        return { iso, p };
    }
    case ValueKind::Integer:
    case ValueKind::Rating: {
        bool ok = false;
        const int v
            = input.userType() == QMetaType::QString ? QLocale().toInt(input.toString().trimmed(), &ok) : input.toInt(&ok);
        const int lo = rules.kind == ValueKind::Rating ? 1 : rules.minimum;
        const int hi = rules.kind == ValueKind::Rating ? 5 : rules.maximum;
        if (!ok)
            return { {}, tr("\"%1\" is not a whole number").arg(input.toString()) };
        if (v < lo || v > hi)
            return { {},
                tr("%1 is outside the allowed range %2–%3")
                    .arg(QLocale().toString(v), QLocale().toString(lo), QLocale().toString(hi)) };
        return { v, {} };
    }
    case ValueKind::Bool:
        return { input.toBool() ? 1 : 0, {} };
    case ValueKind::Province:
    case ValueKind::Field:
    case ValueKind::Centre: {
        bool ok = false;
        const int id = input.toInt(&ok);
        if (!ok || id <= 0)
            return { {}, tr("choose a value from the list") };
        return { id, {} };
    }
    case ValueKind::ReadOnly:
    case ValueKind::School:
        return { {}, tr("this column cannot be edited") };
    }
    return { {}, tr("this column cannot be edited") };
}

} // namespace

} // namespace kopru::ValueCheck
