// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/export/plandata.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <vector>

namespace kopru::exporting {

class Pseudonymiser;

// iCalendar (RFC 5545) writer for training schedules: one VEVENT per session
// (schedule) or per placement (plan), all-day dates (DTSTART;VALUE=DATE and
// the exclusive DTEND the day after the last day), SUMMARY/LOCATION/DESCRIPTION
// of the partner and session, and one ATTENDEE per placed teacher. UIDs are the
// global ids of the sessions or placements, so a re-export updates the same
// events; SEQUENCE is the rows' change count, so it rises exactly when something
// the event shows may have changed; STATUS follows the placements (proposed →
// TENTATIVE, confirmed or completed → CONFIRMED, cancelled → CANCELLED).
// With a pseudonymiser the attendees carry only
// their pseudonym (CN) and an opaque urn: address — no names, e-mail
// addresses or national IDs. Lines end in CRLF and are folded at 75 octets
// without splitting a UTF-8 sequence.
class IcsWriter
{
public:
    struct Options
    {
        QDateTime stamp; // DTSTAMP (UTC); default now
        QString calendarName; // X-WR-CALNAME
        QString uidDomain = QStringLiteral("kopru.invalid");
    };

    // One event per session; its STATUS is CANCELLED when all its placements
    // are, CONFIRMED when all others are confirmed or completed, else TENTATIVE.
    static QByteArray calendar(const std::vector<ScheduleSession> &sessions, const Pseudonymiser *pseudonyms, Options options);
    // One event per placement (cancelled ones included, as CANCELLED).
    static QByteArray placements(const std::vector<PlanRow> &rows, const Pseudonymiser *pseudonyms, Options options);

    // STATUS of an event for a placement status.
    static QString eventStatus(const QString &placementStatus);

    // TEXT value escaping: backslash, ';', ',' and newlines.
    static QString escapeText(const QString &text);
    // A parameter value (RFC 5545 + RFC 6868): quoted, '"' and newlines as ^' and ^n, '^' as ^^.
    static QString paramValue(const QString &text);
    // One content line folded at 75 octets, with CRLF after each physical line.
    static QByteArray foldLine(const QString &line);
};

} // namespace kopru::exporting
