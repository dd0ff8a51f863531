// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/export/icswriter.h"

#include "models/export/pseudonymiser.h"
#include "models/export/tablebuilders.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace kopru::exporting {

namespace {

constexpr int kMaxOctets = 75;

QString icsDate(const QDate &d)
{
    return d.toString(QStringLiteral("yyyyMMdd"));
}

bool isPlainEmail(const QString &email)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+$"));
    return plain.match(email).hasMatch();
}

} // namespace

QString IcsWriter::escapeText(const QString &text)
{
    QString out;
    out.reserve(text.size() + 8);
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\'))
            out += QLatin1String("\\\\");
        else if (c == QLatin1Char(';'))
            out += QLatin1String("\\;");
        else if (c == QLatin1Char(','))
            out += QLatin1String("\\,");
        else if (c == QLatin1Char('\r')) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            out += QLatin1String("\\n");
        } else if (c == QLatin1Char('\n'))
            out += QLatin1String("\\n");
        else if (c.unicode() < 0x20 && c != QLatin1Char('\t'))
            continue; // other control characters are not allowed in TEXT
        else
            out += c;
    }
    return out;
}

QString IcsWriter::paramValue(const QString &text)
{
    QString out;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('^'))
            out += QLatin1String("^^");
        else if (c == QLatin1Char('"'))
            out += QLatin1String("^'");
        else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            out += QLatin1String("^n");
        } else if (c.unicode() < 0x20 && c != QLatin1Char('\t'))
            continue;
        else
            out += c;
    }
    return QLatin1Char('"') + out + QLatin1Char('"');
}

QByteArray IcsWriter::foldLine(const QString &line)
{
    const QByteArray utf8 = line.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + utf8.size() / 70 * 3 + 2);
    int start = 0;
    int limit = kMaxOctets; // the first physical line; continuation lines lose one octet to the leading space
    while (utf8.size() - start > limit) {
        int cut = start + limit;
        // Never split a UTF-8 sequence: back up to the start of a character.
        while (cut > start && (quint8(utf8.at(cut)) & 0xC0) == 0x80)
            --cut;
        out += utf8.mid(start, cut - start);
        out += "\r\n ";
        start = cut;
        limit = kMaxOctets - 1;
    }
    out += utf8.mid(start);
    out += "\r\n";
    return out;
}

QString IcsWriter::eventStatus(const QString &placementStatus)
{
    if (placementStatus == QLatin1String("cancelled"))
        return QStringLiteral("CANCELLED");
    if (placementStatus == QLatin1String("confirmed") || placementStatus == QLatin1String("completed"))
        return QStringLiteral("CONFIRMED");
    return QStringLiteral("TENTATIVE");
}

namespace {

// PARTSTAT of an attendee for a placement status.
QString participation(const QString &placementStatus)
{
    if (placementStatus == QLatin1String("cancelled"))
        return QStringLiteral("DECLINED");
    if (placementStatus == QLatin1String("confirmed") || placementStatus == QLatin1String("completed"))
        return QStringLiteral("ACCEPTED");
    return QStringLiteral("NEEDS-ACTION");
}

struct EventWriter
{
    QByteArray &out;
    const Pseudonymiser *pseudonyms;
    const IcsWriter::Options &options;
    QString dtstamp;

    void line(const QString &l) { out += IcsWriter::foldLine(l); }

    void begin(const QString &title)
    {
        line(QStringLiteral("BEGIN:VCALENDAR"));
        line(QStringLiteral("VERSION:2.0"));
        line(QStringLiteral("PRODID:-//Kopru//Kopru %1//EN").arg(QStringLiteral(KOPRU_VERSION)));
        line(QStringLiteral("CALSCALE:GREGORIAN"));
        line(QStringLiteral("METHOD:PUBLISH"));
        if (!title.isEmpty())
            line(QStringLiteral("X-WR-CALNAME:") + IcsWriter::escapeText(title));
        if (pseudonyms)
            line(QStringLiteral("X-WR-CALDESC:") + IcsWriter::escapeText(anonymisedNotice()));
    }

    void event(const QString &uid, int sequence, const QString &status, const ScheduleSession &s,
        const std::vector<const PlanRow *> &attendees)
    {
        line(QStringLiteral("BEGIN:VEVENT"));
        line(QStringLiteral("UID:%1@%2").arg(uid, options.uidDomain));
        line(QStringLiteral("SEQUENCE:%1").arg(sequence));
        line(QStringLiteral("DTSTAMP:") + dtstamp);
        line(QStringLiteral("DTSTART;VALUE=DATE:") + icsDate(s.start));
        line(QStringLiteral("DTEND;VALUE=DATE:") + icsDate(s.end.addDays(1)));
        line(QStringLiteral("SUMMARY:")
            + IcsWriter::escapeText(
                QCoreApplication::translate("Export", "On-the-job training: %1 (%2)").arg(s.partnerName, s.fieldCode)));
        if (!s.partnerAddress.isEmpty())
            line(QStringLiteral("LOCATION:") + IcsWriter::escapeText(s.partnerName + QStringLiteral(", ") + s.partnerAddress));
        QStringList description { QCoreApplication::translate("Export", "Field: %1 – %2").arg(s.fieldCode, s.fieldName),
            QCoreApplication::translate("Export", "Centre: %1").arg(s.centreName),
            QCoreApplication::translate("Export", "Hours: %1").arg(s.hours),
            QCoreApplication::translate("Export", "Competencies: %1").arg(s.competencies.join(QLatin1String(", "))) };
        if (!s.contactPerson.isEmpty())
            description << QCoreApplication::translate("Export", "Contact: %1").arg(s.contactPerson);
        if (!pseudonyms && !s.contactPhone.isEmpty())
            description << QCoreApplication::translate("Export", "Phone: %1").arg(s.contactPhone);
        line(QStringLiteral("DESCRIPTION:") + IcsWriter::escapeText(description.join(QLatin1Char('\n'))));
        line(QStringLiteral("STATUS:") + status);
        line(status == QLatin1String("CANCELLED") ? QStringLiteral("TRANSP:TRANSPARENT") : QStringLiteral("TRANSP:OPAQUE"));
        for (const PlanRow *a : attendees) {
            QString cn, address;
            if (pseudonyms) {
                cn = pseudonyms->name(a->nationalId);
                address = QStringLiteral("urn:x-kopru:pseudonym:") + pseudonyms->code(a->nationalId);
            } else {
                cn = a->teacherName();
                address = isPlainEmail(a->teacherEmail) ? QStringLiteral("mailto:") + a->teacherEmail
                                                        : QStringLiteral("urn:x-kopru:teacher:%1").arg(a->teacherId);
            }
            line(QStringLiteral("ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=%1;CN=").arg(participation(a->status))
                + IcsWriter::paramValue(cn) + QLatin1Char(':') + address);
        }
        line(QStringLiteral("END:VEVENT"));
    }
};

QString stampOf(const IcsWriter::Options &options)
{
    const QDateTime stamp = (options.stamp.isValid() ? options.stamp : QDateTime::currentDateTimeUtc()).toUTC();
    return stamp.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

} // namespace

QByteArray IcsWriter::calendar(const std::vector<ScheduleSession> &sessions, const Pseudonymiser *pseudonyms, Options options)
{
    QByteArray out;
    EventWriter w { out, pseudonyms, options, stampOf(options) };
    w.begin(options.calendarName);
    for (const ScheduleSession &s : sessions) {
        QString status = QStringLiteral("CANCELLED");
        for (const PlanRow *a : s.attendees) {
            status = eventStatus(a->status);
            if (status == QLatin1String("TENTATIVE"))
                break;
        }
        const QString uid = s.sessionUid.isEmpty() ? QStringLiteral("session-%1").arg(s.sessionId) : s.sessionUid;
        w.event(uid, s.changes, status, s, s.attendees);
    }
    w.line(QStringLiteral("END:VCALENDAR"));
    return out;
}

QByteArray IcsWriter::placements(const std::vector<PlanRow> &rows, const Pseudonymiser *pseudonyms, Options options)
{
    QByteArray out;
    EventWriter w { out, pseudonyms, options, stampOf(options) };
    w.begin(options.calendarName);
    for (const PlanRow &r : rows) {
        ScheduleSession s;
        s.sessionId = r.sessionId;
        s.centreName = r.centreName;
        s.fieldCode = r.fieldCode;
        s.fieldName = r.fieldName;
        s.partnerName = r.partnerName;
        s.partnerAddress = r.partnerAddress;
        s.contactPerson = r.contactPerson;
        s.contactPhone = r.contactPhone;
        s.start = r.start;
        s.end = r.end;
        s.hours = r.hours;
        s.competencies = r.competencies;
        const QString uid = r.placementUid.isEmpty() ? QStringLiteral("placement-%1").arg(r.placementId) : r.placementUid;
        w.event(uid, r.placementChanges + r.sessionChanges + r.teacherChanges, eventStatus(r.status), s, { &r });
    }
    w.line(QStringLiteral("END:VCALENDAR"));
    return out;
}

} // namespace kopru::exporting
