// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <optional>
#include <vector>

namespace kopru::quality {

// A reporting period of the Quality Advisory Board: a half year ("2027H1" =
// January–June 2027, "2026H2" = July–December 2026) or a whole year ("2027").
// The indicators of a period count the placements whose session starts in it
// (docs/quality.md, "Indicators of a period").
class Period
{
public:
    enum class Part { Year, FirstHalf, SecondHalf };

    Period() = default;
    Period(int year, Part part);

    // "2027H1", "2027H2" or "2027" (case-insensitive, surrounding spaces
    // ignored); anything else is an Error naming the text and the forms taken.
    static Expected<Period> parse(const QString &text);
    // The half year that contains `date`.
    static Period halfOf(const QDate &date);

    int year() const { return m_year; }
    Part part() const { return m_part; }
    QDate first() const;
    QDate last() const;
    bool contains(const QDate &date) const { return date.isValid() && date >= first() && date <= last(); }
    // The period of the same length just before: 2027H1 → 2026H2, 2026H2 → 2026H1, 2027 → 2026.
    Period previous() const;
    // "2027H1", "2027": the form parse() takes.
    QString code() const;
    // "January–June 2027" in the UI language.
    QString displayName() const;

    bool operator==(const Period &other) const { return m_year == other.m_year && m_part == other.m_part; }

private:
    int m_year = 2000;
    Part m_part = Part::Year;
};

// The half year of the latest session start among the completed placements,
// nullopt when nothing has been completed: the period a report is made for
// by default.
Expected<std::optional<Period>> latestCompletedPeriod(QSqlDatabase db);

// The half years from the first to the last session start, newest first, then
// those years themselves, newest first; empty when there are no sessions.
Expected<std::vector<Period>> sessionPeriods(QSqlDatabase db);

} // namespace kopru::quality
