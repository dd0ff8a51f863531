// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/quality/period.h"

#include "models/db/sql.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlQuery>

namespace kopru::quality {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(QualityPeriod)
};

} // namespace

Period::Period(int year, Part part)
    : m_year(year)
    , m_part(part)
{ }

Expected<Period> Period::parse(const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{4})(?:[Hh]([12]))?$"));
    const auto match = form.match(text.trimmed());
    if (!match.hasMatch())
        return Error { Text::tr("\"%1\" is not a period: write a half year as 2027H1 (January–June) or 2027H2 "
                                "(July–December), or a whole year as 2027")
                           .arg(text),
            {}, 0, 0 };
    const int year = match.captured(1).toInt();
    if (year < 2000 || year > 2999)
        return Error { Text::tr("\"%1\" is not a period: the year must lie between 2000 and 2999").arg(text), {}, 0, 0 };
    const QString half = match.captured(2);
    return Period(year, half.isEmpty() ? Part::Year : half == QLatin1String("1") ? Part::FirstHalf : Part::SecondHalf);
}

Period Period::halfOf(const QDate &date)
{
    return Period(date.year(), date.month() <= 6 ? Part::FirstHalf : Part::SecondHalf);
}

QDate Period::first() const
{
    return QDate(m_year, m_part == Part::SecondHalf ? 7 : 1, 1);
}

QDate Period::last() const
{
    return m_part == Part::FirstHalf ? QDate(m_year, 6, 30) : QDate(m_year, 12, 31);
}

Period Period::previous() const
{
    switch (m_part) {
    case Part::FirstHalf:
        return Period(m_year - 1, Part::SecondHalf);
    case Part::SecondHalf:
        return Period(m_year, Part::FirstHalf);
    case Part::Year:
        break;
    }
    return Period(m_year - 1, Part::Year);
}

QString Period::code() const
{
    switch (m_part) {
    case Part::FirstHalf:
        return QStringLiteral("%1H1").arg(m_year);
    case Part::SecondHalf:
        return QStringLiteral("%1H2").arg(m_year);
    case Part::Year:
        break;
    }
    return QString::number(m_year);
}

QString Period::displayName() const
{
    // The year without digit grouping ("2027", never "2.027").
    const QString year = QString::number(m_year);
    switch (m_part) {
    case Part::FirstHalf:
        return Text::tr("January–June %1").arg(year);
    case Part::SecondHalf:
        return Text::tr("July–December %1").arg(year);
    case Part::Year:
        break;
    }
    return year;
}

Expected<std::optional<Period>> latestCompletedPeriod(QSqlDatabase db)
{
    std::optional<Period> latest;
    const Status s = Sql::forEachRow(db,
        QStringLiteral("SELECT max(s.start_date) FROM placement p JOIN training_session s ON s.id = p.session_id "
                       "WHERE p.status = 'completed'"),
        [&](const QSqlQuery &q) {
            const QDate start = QDate::fromString(q.value(0).toString(), Qt::ISODate);
            if (start.isValid())
                latest = Period::halfOf(start);
        });
    if (!s)
        return s.error();
    return latest;
}

Expected<std::vector<Period>> sessionPeriods(QSqlDatabase db)
{
    QDate first, last;
    const Status s = Sql::forEachRow(
        db, QStringLiteral("SELECT min(start_date), max(start_date) FROM training_session"), [&](const QSqlQuery &q) {
            first = QDate::fromString(q.value(0).toString(), Qt::ISODate);
            last = QDate::fromString(q.value(1).toString(), Qt::ISODate);
        });
    if (!s)
        return s.error();
    std::vector<Period> periods;
    if (!first.isValid() || !last.isValid())
        return periods;
    const Period oldest = Period::halfOf(first);
    for (Period p = Period::halfOf(last);; p = p.previous()) {
        periods.push_back(p);
        if (p == oldest)
            break;
    }
    for (int year = last.year(); year >= first.year(); --year)
        periods.emplace_back(year, Period::Part::Year);
    return periods;
}

} // namespace kopru::quality
