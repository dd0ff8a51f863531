// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/export/tablebuilders.h"

#include "models/domain/turkishtext.h"
#include "models/export/pseudonymiser.h"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>
#include <cmath>

namespace kopru::exporting {

namespace {

// Collects rows into sheets by name and sorts the sheets (Turkish collation).
class SheetCollector
{
public:
    TableSheet &sheet(const QString &name, const QString &title)
    {
        auto it = m_index.find(name);
        if (it == m_index.end()) {
            it = m_index.insert(name, m_sheets.size());
            m_sheets.push_back(TableSheet { name, title, {}, {} });
        }
        return m_sheets[it.value()];
    }
    std::vector<TableSheet> take()
    {
        std::stable_sort(m_sheets.begin(), m_sheets.end(),
            [](const TableSheet &a, const TableSheet &b) { return TurkishText::compare(a.name, b.name) < 0; });
        return std::move(m_sheets);
    }

private:
    QHash<QString, std::size_t> m_index;
    std::vector<TableSheet> m_sheets;
};

QString fieldLabel(const QString &code, const QString &name)
{
    return code + QStringLiteral(" – ") + name;
}

QString sheetName(SheetGrouping grouping, const QString &centre, const QString &fieldCode)
{
    if (grouping == SheetGrouping::ByField)
        return fieldCode;
    return centre.isEmpty() ? QCoreApplication::translate("Export", "No centre") : centre;
}

QString sheetTitle(SheetGrouping grouping, const QString &centre, const QString &fieldCode, const QString &fieldName)
{
    if (grouping == SheetGrouping::ByField)
        return fieldLabel(fieldCode, fieldName);
    return centre.isEmpty() ? QCoreApplication::translate("Export", "No centre") : centre;
}

QStringList standardNotes(bool anonymised)
{
    QStringList notes {
        QCoreApplication::translate("Export", "Exported on %1").arg(QDate::currentDate().toString(QStringLiteral("dd.MM.yyyy")))
    };
    if (anonymised)
        notes << anonymisedNotice();
    return notes;
}

} // namespace

QString statusText(const QString &status)
{
    if (status == QLatin1String("proposed"))
        return QCoreApplication::translate("Export", "proposed", "placement status");
    if (status == QLatin1String("confirmed"))
        return QCoreApplication::translate("Export", "confirmed", "placement status");
    if (status == QLatin1String("completed"))
        return QCoreApplication::translate("Export", "completed", "placement status");
    if (status == QLatin1String("cancelled"))
        return QCoreApplication::translate("Export", "cancelled", "placement status");
    return status;
}

QString anonymisedNotice()
{
    return QCoreApplication::translate("Export",
        "Anonymised export (KVKK): teacher names and national IDs are replaced by pseudonyms; "
        "no phone numbers or e-mail addresses.");
}

TableDocument unplacedTable(const std::vector<UnplacedTeacher> &teachers, const Pseudonymiser *pseudonyms)
{
    const bool anon = pseudonyms != nullptr;
    TableDocument doc;
    doc.title = QCoreApplication::translate("Export", "Teachers without a placement");
    doc.notes = standardNotes(anon);
    doc.columns = { { QCoreApplication::translate("Export", "Field"), ColumnType::Text, 8 },
        { anon ? QCoreApplication::translate("Export", "Teacher (pseudonym)") : QCoreApplication::translate("Export", "Teacher"),
            ColumnType::Text, 24 },
        { anon ? QCoreApplication::translate("Export", "National ID (pseudonym)")
               : QCoreApplication::translate("Export", "National ID"),
            ColumnType::Identifier, 14 },
        { QCoreApplication::translate("Export", "Province"), ColumnType::Text, 12 },
        { QCoreApplication::translate("Export", "Reason"), ColumnType::Text, 50 },
        { QCoreApplication::translate("Export", "Sessions in the field"), ColumnType::Integer, 10 },
        { QCoreApplication::translate("Export", "Sessions within the dates"), ColumnType::Integer, 10 } };
    SheetCollector sheets;
    for (const UnplacedTeacher &t : teachers) {
        QVariantList cells { t.fieldCode };
        if (anon)
            cells << pseudonyms->name(t.nationalId) << pseudonyms->code(t.nationalId);
        else
            cells << t.name << t.nationalId;
        cells << t.province << Unplaced::reasonText(t.reason) << t.sessionsInField << t.sessionsThatFit;
        sheets.sheet(t.fieldCode, t.fieldCode).rows.push_back(std::move(cells));
    }
    doc.sheets = sheets.take();
    return doc;
}

TableDocument planTable(const std::vector<PlanRow> &rows, SheetGrouping grouping, const Pseudonymiser *pseudonyms)
{
    const bool anon = pseudonyms != nullptr;
    TableDocument doc;
    doc.title = QCoreApplication::translate("Export", "Placement plan");
    doc.notes = standardNotes(anon);
    doc.columns = { { QCoreApplication::translate("Export", "Centre"), ColumnType::Text, 28 },
        { QCoreApplication::translate("Export", "Field"), ColumnType::Text, 8 },
        { anon ? QCoreApplication::translate("Export", "Teacher (pseudonym)") : QCoreApplication::translate("Export", "Teacher"),
            ColumnType::Text, 24 },
        { anon ? QCoreApplication::translate("Export", "National ID (pseudonym)")
               : QCoreApplication::translate("Export", "National ID"),
            ColumnType::Identifier, 14 } };
    if (!anon)
        doc.columns.insert(doc.columns.end(),
            { { QCoreApplication::translate("Export", "E-mail"), ColumnType::Text, 28 },
                { QCoreApplication::translate("Export", "Phone"), ColumnType::Identifier, 13 } });
    doc.columns.insert(doc.columns.end(),
        { { QCoreApplication::translate("Export", "School"), ColumnType::Text, 30 },
            { QCoreApplication::translate("Export", "Province"), ColumnType::Text, 12 },
            { QCoreApplication::translate("Export", "Partner"), ColumnType::Text, 32 },
            { QCoreApplication::translate("Export", "Partner address"), ColumnType::Text, 40 },
            { QCoreApplication::translate("Export", "Contact person"), ColumnType::Text, 20 } });
    if (!anon)
        doc.columns.insert(doc.columns.end(),
            { { QCoreApplication::translate("Export", "Contact phone"), ColumnType::Identifier, 13 },
                { QCoreApplication::translate("Export", "Contact e-mail"), ColumnType::Text, 28 } });
    doc.columns.insert(doc.columns.end(),
        { { QCoreApplication::translate("Export", "Start"), ColumnType::Date, 11 },
            { QCoreApplication::translate("Export", "End"), ColumnType::Date, 11 },
            { QCoreApplication::translate("Export", "Hours"), ColumnType::Integer, 7 },
            { QCoreApplication::translate("Export", "Competencies"), ColumnType::Text, 30 },
            { QCoreApplication::translate("Export", "Status"), ColumnType::Text, 11 } });
    SheetCollector sheets;
    for (const PlanRow &r : rows) {
        QVariantList cells { r.centreName, r.fieldCode };
        if (anon)
            cells << pseudonyms->name(r.nationalId) << pseudonyms->code(r.nationalId);
        else
            cells << r.teacherName() << r.nationalId << r.teacherEmail << r.teacherPhone;
        cells << r.school << r.teacherProvince << r.partnerName << r.partnerAddress << r.contactPerson;
        if (!anon)
            cells << r.contactPhone << r.contactEmail;
        cells << r.start << r.end << r.hours << r.competencies.join(QLatin1String(", ")) << statusText(r.status);
        sheets.sheet(sheetName(grouping, r.centreName, r.fieldCode), sheetTitle(grouping, r.centreName, r.fieldCode, r.fieldName))
            .rows.push_back(std::move(cells));
    }
    doc.sheets = sheets.take();
    return doc;
}

TableDocument scheduleTable(const std::vector<ScheduleSession> &sessions, SheetGrouping grouping, const Pseudonymiser *pseudonyms)
{
    const bool anon = pseudonyms != nullptr;
    TableDocument doc;
    doc.title = QCoreApplication::translate("Export", "Training schedule");
    doc.notes = standardNotes(anon);
    doc.columns = { { QCoreApplication::translate("Export", "Centre"), ColumnType::Text, 28 },
        { QCoreApplication::translate("Export", "Field"), ColumnType::Text, 8 },
        { QCoreApplication::translate("Export", "Partner"), ColumnType::Text, 32 },
        { QCoreApplication::translate("Export", "Partner address"), ColumnType::Text, 40 },
        { QCoreApplication::translate("Export", "Contact person"), ColumnType::Text, 20 } };
    if (!anon)
        doc.columns.insert(doc.columns.end(),
            { { QCoreApplication::translate("Export", "Contact phone"), ColumnType::Identifier, 13 },
                { QCoreApplication::translate("Export", "Contact e-mail"), ColumnType::Text, 28 } });
    doc.columns.insert(doc.columns.end(),
        { { QCoreApplication::translate("Export", "Start"), ColumnType::Date, 11 },
            { QCoreApplication::translate("Export", "End"), ColumnType::Date, 11 },
            { QCoreApplication::translate("Export", "Hours"), ColumnType::Integer, 7 },
            { QCoreApplication::translate("Export", "Capacity"), ColumnType::Integer, 8 },
            { QCoreApplication::translate("Export", "Placed"), ColumnType::Integer, 7 },
            { QCoreApplication::translate("Export", "Competencies"), ColumnType::Text, 30 },
            { anon ? QCoreApplication::translate("Export", "Teachers (pseudonyms)")
                   : QCoreApplication::translate("Export", "Teachers"),
                ColumnType::Text, 60 } });
    SheetCollector sheets;
    for (const ScheduleSession &s : sessions) {
        QStringList names;
        for (const PlanRow *a : s.attendees)
            names << (anon ? pseudonyms->name(a->nationalId) : a->teacherName());
        QVariantList cells { s.centreName, s.fieldCode, s.partnerName, s.partnerAddress, s.contactPerson };
        if (!anon)
            cells << s.contactPhone << s.contactEmail;
        cells << s.start << s.end << s.hours << s.capacity << int(s.attendees.size()) << s.competencies.join(QLatin1String(", "))
              << names.join(QLatin1String("; "));
        sheets.sheet(sheetName(grouping, s.centreName, s.fieldCode), sheetTitle(grouping, s.centreName, s.fieldCode, s.fieldName))
            .rows.push_back(std::move(cells));
    }
    doc.sheets = sheets.take();
    return doc;
}

TableDocument needsTable(const std::vector<stats::FieldStats> &fields)
{
    TableDocument doc;
    doc.title = QCoreApplication::translate("Export", "Needs analysis");
    doc.notes = standardNotes(false);
    doc.notes << QCoreApplication::translate(
        "Export", "High need: need level %1 or 5. Supply: places in sessions covering the competency.")
                     .arg(stats::kHighNeed);
    doc.columns = { { QCoreApplication::translate("Export", "Field"), ColumnType::Text, 8 },
        { QCoreApplication::translate("Export", "Competency"), ColumnType::Text, 12 },
        { QCoreApplication::translate("Export", "Title"), ColumnType::Text, 50 },
        { QCoreApplication::translate("Export", "Respondents"), ColumnType::Integer, 12 },
        { QCoreApplication::translate("Export", "Not applicable"), ColumnType::Integer, 12 },
        { QCoreApplication::translate("Export", "Mean need"), ColumnType::Decimal, 11 },
        { QCoreApplication::translate("Export", "High need (%)"), ColumnType::Percent, 11 },
        { QCoreApplication::translate("Export", "Supply (places)"), ColumnType::Integer, 12 } };
    for (const stats::FieldStats &f : fields) {
        TableSheet sheet { f.code, fieldLabel(f.code, f.nameTr), {}, {} };
        std::vector<const stats::CompetencyStats *> ordered;
        for (const stats::CompetencyStats &c : f.competencies)
            ordered.push_back(&c);
        std::sort(ordered.begin(), ordered.end(), [](const stats::CompetencyStats *a, const stats::CompetencyStats *b) {
            return TurkishText::compare(a->code, b->code) < 0;
        });
        for (const stats::CompetencyStats *c : ordered)
            sheet.rows.push_back({ f.code, c->code, c->titleTr, c->ratings.respondents(), c->ratings.notApplicable,
                c->ratings.meanNeed(), c->ratings.highNeedShare(), c->supply });
        doc.sheets.push_back(std::move(sheet));
    }
    return doc;
}

} // namespace kopru::exporting
