// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/export/reportbuilders.h"

#include "models/domain/turkishtext.h"
#include "models/export/cellformat.h"
#include "models/export/pseudonymiser.h"
#include "models/export/tablebuilders.h"

#include <QCoreApplication>
#include <algorithm>

namespace kopru::exporting {

using document::Document;

namespace {

document::Block partnerHeading(const QString &name, const QString &address, const QString &contact, const QString &phone,
    const QString &email, bool anonymised)
{
    QStringList parts;
    if (!address.isEmpty())
        parts << address;
    QStringList contactParts;
    if (!contact.isEmpty())
        contactParts << contact;
    if (!anonymised) {
        if (!phone.isEmpty())
            contactParts << phone;
        if (!email.isEmpty())
            contactParts << email;
    }
    if (!contactParts.isEmpty())
        parts << QCoreApplication::translate("Export", "contact: %1").arg(contactParts.join(QLatin1String(", ")));
    return document::heading(name, parts.join(QStringLiteral(" — ")));
}

Document baseDocument(const QString &title, bool anonymised)
{
    Document doc;
    doc.title = title;
    doc.orientation = QPageLayout::Landscape;
    doc.typography = document::Typography::compact();
    if (anonymised)
        doc.footerNote = anonymisedNotice();
    return doc;
}

} // namespace

QString dateRange(const QDate &start, const QDate &end)
{
    return start.toString(QStringLiteral("dd.MM.yyyy")) + QStringLiteral(" – ") + end.toString(QStringLiteral("dd.MM.yyyy"));
}

Document planReport(const std::vector<PlanRow> &rows, const Pseudonymiser *pseudonyms)
{
    const bool anon = pseudonyms != nullptr;
    Document doc = baseDocument(QCoreApplication::translate("Export", "Placement plan"), anon);
    const std::vector<document::TableColumn> columns { { anon ? QCoreApplication::translate("Export", "Teacher (pseudonym)")
                                                              : QCoreApplication::translate("Export", "Teacher"),
                                                           14, false },
        { anon ? QCoreApplication::translate("Export", "National ID (pseudonym)")
               : QCoreApplication::translate("Export", "National ID"),
            10, false },
        { QCoreApplication::translate("Export", "School"), 22, false },
        { QCoreApplication::translate("Export", "Province"), 11, false }, // "Kahramanmaraş", "Afyonkarahisar" on one line
        { QCoreApplication::translate("Export", "Field"), 5, false },
        { QCoreApplication::translate("Export", "Dates"), 15, false },
        { QCoreApplication::translate("Export", "Hours"), 5, true },
        { QCoreApplication::translate("Export", "Competencies"), 18, false },
        { QCoreApplication::translate("Export", "Status"), 8, false } };
    // Rows come ordered by centre, partner, session: a new table per partner.
    int lastPartner = -1;
    QString lastCentre;
    for (const PlanRow &r : rows) {
        const QString centre = r.centreName.isEmpty() ? QCoreApplication::translate("Export", "No centre") : r.centreName;
        document::Section &section = doc.section(centre);
        if (r.partnerId != lastPartner || centre != lastCentre) {
            section.blocks.push_back(
                partnerHeading(r.partnerName, r.partnerAddress, r.contactPerson, r.contactPhone, r.contactEmail, anon));
            section.blocks.push_back(document::table(columns));
            lastPartner = r.partnerId;
            lastCentre = centre;
        }
        section.blocks.back().table.rows.push_back(
            { anon ? pseudonyms->name(r.nationalId) : r.teacherName(), anon ? pseudonyms->code(r.nationalId) : r.nationalId,
                r.school, r.teacherProvince, r.fieldCode, dateRange(r.start, r.end), QString::number(r.hours),
                r.competencies.join(QLatin1String(", ")), statusText(r.status) });
    }
    if (doc.sections.empty())
        doc.last().blocks.push_back(document::paragraph(QCoreApplication::translate("Export", "No placements.")));
    return doc;
}

Document scheduleReport(const std::vector<ScheduleSession> &sessions, const Pseudonymiser *pseudonyms)
{
    const bool anon = pseudonyms != nullptr;
    Document doc = baseDocument(QCoreApplication::translate("Export", "Training schedule"), anon);
    const std::vector<document::TableColumn> columns { { QCoreApplication::translate("Export", "Dates"), 14, false },
        { QCoreApplication::translate("Export", "Hours"), 5, true }, { QCoreApplication::translate("Export", "Field"), 5, false },
        { QCoreApplication::translate("Export", "Placed"), 6, true },
        { anon ? QCoreApplication::translate("Export", "Teachers (pseudonyms)")
               : QCoreApplication::translate("Export", "Teachers"),
            45, false },
        { QCoreApplication::translate("Export", "Competencies"), 25, false } };
    int lastPartner = -1;
    QString lastCentre;
    for (const ScheduleSession &s : sessions) {
        const QString centre = s.centreName.isEmpty() ? QCoreApplication::translate("Export", "No centre") : s.centreName;
        document::Section &section = doc.section(centre);
        if (s.partnerId != lastPartner || centre != lastCentre) {
            section.blocks.push_back(
                partnerHeading(s.partnerName, s.partnerAddress, s.contactPerson, s.contactPhone, s.contactEmail, anon));
            section.blocks.push_back(document::table(columns));
            lastPartner = s.partnerId;
            lastCentre = centre;
        }
        QStringList names;
        for (const PlanRow *a : s.attendees)
            names << (anon ? pseudonyms->name(a->nationalId) : a->teacherName());
        section.blocks.back().table.rows.push_back({ dateRange(s.start, s.end), QString::number(s.hours), s.fieldCode,
            QStringLiteral("%1/%2").arg(s.attendees.size()).arg(s.capacity), names.join(QLatin1String(", ")),
            s.competencies.join(QLatin1String(", ")) });
    }
    if (doc.sections.empty())
        doc.last().blocks.push_back(document::paragraph(QCoreApplication::translate("Export", "No sessions with placements.")));
    return doc;
}

Document needsReport(const std::vector<stats::FieldStats> &fields)
{
    const TableDocument table = needsTable(fields);
    Document doc = baseDocument(table.title, false);
    std::vector<document::TableColumn> columns;
    for (std::size_t c = 1; c < table.columns.size(); ++c) { // the field is the section
        const TableColumn &col = table.columns[c];
        columns.push_back({ col.header, col.type == ColumnType::Text ? col.width : 9, col.type != ColumnType::Text });
    }
    for (const TableSheet &sheet : table.sheets) {
        document::Section section { sheet.title,
            { document::heading(sheet.title), document::paragraph(table.notes.join(QLatin1Char('\n'))),
                document::table(columns) },
            {} };
        for (const QVariantList &row : sheet.rows) {
            QStringList cells;
            for (int c = 1; c < row.size(); ++c)
                cells << cellText(row.at(c), table.columns[std::size_t(c)].type, CellStyle::Display);
            section.blocks.back().table.rows.push_back(cells);
        }
        doc.sections.push_back(std::move(section));
    }
    if (doc.sections.empty())
        doc.last().blocks.push_back(document::paragraph(QCoreApplication::translate("Export", "No fields.")));
    return doc;
}

} // namespace kopru::exporting
