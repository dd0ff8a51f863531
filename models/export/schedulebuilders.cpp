// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/export/schedulebuilders.h"

#include "models/domain/turkishtext.h"
#include "models/export/cellformat.h"
#include "models/export/tablebuilders.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <algorithm>
#include <map>

namespace kopru::exporting {

QDate weekStart(const QDate &date)
{
    return date.addDays(1 - date.dayOfWeek());
}

TableDocument teacherScheduleTable(const std::vector<PlanRow> &rows)
{
    TableDocument doc;
    doc.title = QCoreApplication::translate("Export", "Schedule per teacher");
    doc.notes << QCoreApplication::translate("Export", "Exported on %1")
                     .arg(QDate::currentDate().toString(QStringLiteral("dd.MM.yyyy")));
    doc.columns = { { QCoreApplication::translate("Export", "Teacher"), ColumnType::Text, 22 },
        { QCoreApplication::translate("Export", "School"), ColumnType::Text, 30 },
        { QCoreApplication::translate("Export", "Field"), ColumnType::Text, 7 },
        { QCoreApplication::translate("Export", "Start"), ColumnType::Date, 11 },
        { QCoreApplication::translate("Export", "End"), ColumnType::Date, 11 },
        { QCoreApplication::translate("Export", "Hours"), ColumnType::Integer, 7 },
        { QCoreApplication::translate("Export", "Partner"), ColumnType::Text, 28 },
        { QCoreApplication::translate("Export", "Partner address"), ColumnType::Text, 36 },
        { QCoreApplication::translate("Export", "Contact person"), ColumnType::Text, 18 },
        { QCoreApplication::translate("Export", "Contact phone"), ColumnType::Identifier, 13 },
        { QCoreApplication::translate("Export", "Status"), ColumnType::Text, 10 } };
    QHash<QString, std::size_t> index;
    for (const PlanRow &r : rows) {
        const QString centre = r.centreName.isEmpty() ? QCoreApplication::translate("Export", "No centre") : r.centreName;
        auto it = index.find(centre);
        if (it == index.end()) {
            it = index.insert(centre, doc.sheets.size());
            doc.sheets.push_back(TableSheet { centre, centre, {}, {} });
        }
        doc.sheets[it.value()].rows.push_back({ r.teacherName(), r.school, r.fieldCode, r.start, r.end, r.hours, r.partnerName,
            r.partnerAddress, r.contactPerson, r.contactPhone, statusText(r.status) });
    }
    return doc;
}

TableDocument centreCalendarTable(const std::vector<ScheduleSession> &sessions)
{
    TableDocument doc;
    doc.title = QCoreApplication::translate("Export", "Calendar per centre");
    doc.notes << QCoreApplication::translate("Export", "One row per programme week (Monday to Sunday).");
    doc.columns = { { QCoreApplication::translate("Export", "Centre"), ColumnType::Text, 28 },
        { QCoreApplication::translate("Export", "Week of"), ColumnType::Date, 11 },
        { QCoreApplication::translate("Export", "Week"), ColumnType::Integer, 6 },
        { QCoreApplication::translate("Export", "Sessions"), ColumnType::Integer, 9 },
        { QCoreApplication::translate("Export", "Teachers"), ColumnType::Integer, 9 },
        { QCoreApplication::translate("Export", "Partners"), ColumnType::Text, 80 } };
    if (sessions.empty())
        return doc;
    QDate first = sessions.front().start, last = sessions.front().end;
    for (const ScheduleSession &s : sessions) {
        first = std::min(first, s.start);
        last = std::max(last, s.end);
    }
    struct Week
    {
        int sessions = 0;
        int teachers = 0;
        QStringList partners;
    };
    std::map<QString, std::map<QDate, Week>> perCentre; // ordered by name below
    for (const ScheduleSession &s : sessions) {
        const QString centre = s.centreName.isEmpty() ? QCoreApplication::translate("Export", "No centre") : s.centreName;
        auto &weeks = perCentre[centre];
        for (QDate w = weekStart(s.start); w <= s.end; w = w.addDays(7)) {
            Week &week = weeks[w];
            ++week.sessions;
            week.teachers += int(s.attendees.size());
            if (!week.partners.contains(s.partnerName))
                week.partners << s.partnerName;
        }
    }
    std::vector<QString> centres;
    for (const auto &entry : perCentre)
        centres.push_back(entry.first);
    std::sort(centres.begin(), centres.end(), [](const QString &a, const QString &b) { return TurkishText::compare(a, b) < 0; });
    for (const QString &centre : centres) {
        const auto &weeks = perCentre[centre];
        TableSheet sheet { centre, centre, {}, {} };
        for (QDate w = weekStart(first); w <= last; w = w.addDays(7)) {
            const auto it = weeks.find(w);
            if (it == weeks.end()) {
                sheet.rows.push_back({ centre, w, w.weekNumber(), 0, 0, QString() });
                continue;
            }
            QStringList partners = it->second.partners;
            std::sort(partners.begin(), partners.end(),
                [](const QString &a, const QString &b) { return TurkishText::compare(a, b) < 0; });
            sheet.rows.push_back(
                { centre, w, w.weekNumber(), it->second.sessions, it->second.teachers, partners.join(QLatin1String(", ")) });
        }
        doc.sheets.push_back(std::move(sheet));
    }
    return doc;
}

document::Document tableReport(const TableDocument &table)
{
    document::Document doc;
    doc.title = table.title;
    doc.orientation = QPageLayout::Landscape;
    doc.typography = document::Typography::compact();
    std::vector<document::TableColumn> columns;
    for (const TableColumn &c : table.columns)
        columns.push_back({ c.header, c.width,
            c.type == ColumnType::Integer || c.type == ColumnType::Decimal || c.type == ColumnType::Percent });
    for (const TableSheet &sheet : table.sheets) {
        document::Section section { sheet.title,
            { document::heading(sheet.title, table.notes.join(QStringLiteral(" · "))), document::table(columns) }, {} };
        for (const QVariantList &row : sheet.rows) {
            QStringList cells;
            for (int c = 0; c < row.size() && c < int(table.columns.size()); ++c)
                cells << cellText(row.at(c), table.columns[std::size_t(c)].type, CellStyle::Display);
            section.blocks.back().table.rows.push_back(cells);
        }
        doc.sections.push_back(std::move(section));
    }
    if (doc.sections.empty())
        doc.last().blocks.push_back(document::paragraph(QCoreApplication::translate("Export", "Nothing to print.")));
    return doc;
}

} // namespace kopru::exporting
