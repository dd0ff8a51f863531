// SPDX-License-Identifier: GPL-3.0-or-later
// Partners: a partner is the same when name, province and address match
// (loosely: case, diacritics and punctuation ignored; without an address
// column, name and province). Sessions: the partner is found by name (plus
// province and address when needed); the k-th row for the same partner,
// field and dates updates the k-th such session of the database (in creation
// order), further rows insert new sessions.
#include "models/db/sql.h"
#include "models/exchange/globalid.h"
#include "models/import/importcontext.h"
#include "models/import/valueparsers.h"

#include <QHash>
#include <QRegularExpression>
#include <QSqlQuery>

namespace kopru {

std::optional<QSet<qint64>> competencyList(const ImportContext &ctx, const SourceRow &row, int fieldId)
{
    static const QRegularExpression sep(QStringLiteral("[,;|\\s]+"));
    QSet<qint64> ids;
    bool ok = true;
    for (const QString &code : CellValue::text(ctx.cell(row, "competencies")).split(sep, Qt::SkipEmptyParts)) {
        const QVector<ImportLookups::Competency> found = ctx.lookups.competencies(code);
        qint64 id = 0;
        if (fieldId > 0) {
            id = ctx.lookups.competencyIn(fieldId, code);
            if (id == 0 && !found.isEmpty()) {
                ctx.error(row, "competencies",
                    ImportText::tr("competency %1 is not in the field %2").arg(code, ctx.lookups.fieldCode(fieldId)));
                ok = false;
                continue;
            }
        } else if (found.size() > 1) {
            ctx.error(row, "competencies", ImportText::tr("competency code %1 exists in several fields").arg(code));
            ok = false;
            continue;
        } else if (found.size() == 1) {
            id = found.first().id;
        }
        if (id == 0) {
            ctx.error(row, "competencies", ImportText::tr("unknown competency %1").arg(code));
            ok = false;
            continue;
        }
        ids.insert(id);
    }
    if (!ok)
        return std::nullopt;
    return ids;
}

Status planPartners(ImportContext &ctx, TablePlan &plan)
{
    plan.table = QStringLiteral("partner");
    struct Col
    {
        const char *target;
        const char *column;
    };
    const Col cols[] = { { "partner", "name" }, { "sector", "sector" }, { "province", "province_id" }, { "district", "district" },
        { "address", "address" }, { "contact_person", "contact_person" }, { "phone", "phone" }, { "email", "email" },
        { "protocol_date", "protocol_date" }, { "active", "active" } };
    std::vector<const char *> targets;
    for (const Col &c : cols)
        if (ctx.has(c.target)) {
            targets.push_back(c.target);
            plan.columns << QLatin1String(c.column);
        }
    if (ctx.has("competencies")) {
        plan.linkTable = QStringLiteral("partner_competency");
        plan.linkOwner = QStringLiteral("partner_id");
        plan.linkTarget = QStringLiteral("competency_id");
    }
    QHash<QString, int> seen;
    for (const SourceRow &row : ctx.table.rows) {
        const int errorsBefore = ctx.report.errorCount;
        QString reason;
        const auto name = ctx.required(row, "partner", ImportText::tr("the company name"));
        const auto provinceText = ctx.required(row, "province", ImportText::tr("the province"));
        if (!name || !provinceText)
            continue;
        const int plate = ctx.lookups.province(*provinceText);
        if (plate == 0) {
            ctx.error(
                row, "province", ImportText::tr("unknown province \"%1\" (write its name or plate number)").arg(*provinceText));
            continue;
        }
        const QString address = CellValue::text(ctx.cell(row, "address"));
        const QString key = ImportLookups::key(*name) + QLatin1Char('|') + QString::number(plate) + QLatin1Char('|')
            + ImportLookups::key(address);
        if (int other = seen.value(key); other > 0) {
            ctx.error(row, "partner", ImportText::tr("the same company (name, province, address) is also on line %1").arg(other));
            continue;
        }
        seen.insert(key, row.line);
        TablePlan::Row planned;
        planned.line = row.line;
        const QVector<qint64> existing = ctx.lookups.partners(*name, plate, ctx.has("address") ? address : QString());
        if (existing.size() > 1) {
            ctx.error(row, "partner",
                ImportText::tr("%1 companies named \"%2\" in this province: add the address column to tell them apart")
                    .arg(existing.size())
                    .arg(*name));
            continue;
        }
        if (existing.size() == 1)
            planned.id = existing.first();
        for (const char *target : targets) {
            const QString k = QLatin1String(target);
            const QString raw = ctx.cell(row, target);
            const QString text = CellValue::text(raw);
            QVariant value = text;
            if (k == QLatin1String("partner")) {
                value = *name;
            } else if (k == QLatin1String("province")) {
                value = plate;
            } else if (k == QLatin1String("phone")) {
                const auto p = CellValue::phone(raw, &reason);
                if (!p)
                    ctx.error(row, target, reason);
                value = p.value_or(QString());
            } else if (k == QLatin1String("email")) {
                if (!isImportableEmail(text))
                    ctx.error(row, target, ImportText::tr("\"%1\" is not an e-mail address").arg(text));
            } else if (k == QLatin1String("protocol_date")) {
                const auto d = CellValue::date(raw, &reason);
                if (!d)
                    ctx.error(row, target, reason);
                value = d.value_or(QVariant());
            } else if (k == QLatin1String("active")) {
                if (text.isEmpty()) {
                    value = 1; // active unless the file says otherwise
                } else {
                    const auto b = CellValue::boolean(raw, &reason);
                    if (!b)
                        ctx.error(row, target, reason);
                    value = b.value_or(true) ? 1 : 0;
                }
            }
            planned.values << value;
        }
        if (ctx.has("competencies")) {
            const auto ids = competencyList(ctx, row, 0);
            planned.hasLinks = true;
            planned.links = ids.value_or(QSet<qint64>());
        }
        if (ctx.report.errorCount == errorsBefore)
            plan.rows.push_back(std::move(planned));
    }
    return {};
}

Status planSessions(ImportContext &ctx, TablePlan &plan)
{
    plan.table = QStringLiteral("training_session");
    plan.columns = QStringList { QStringLiteral("partner_id"), QStringLiteral("field_id"), QStringLiteral("start_date"),
        QStringLiteral("end_date"), QStringLiteral("capacity") };
    if (ctx.has("hours"))
        plan.columns << QStringLiteral("hours");
    if (ctx.has("competencies")) {
        plan.linkTable = QStringLiteral("session_competency");
        plan.linkOwner = QStringLiteral("session_id");
        plan.linkTarget = QStringLiteral("competency_id");
    }
    // Existing sessions by partner, field and dates, in creation order.
    QHash<QString, QVector<qint64>> existing;
    {
        QSqlQuery q(ctx.db);
        if (Status s = Sql::prepare(
                q, QStringLiteral("SELECT id, partner_id, field_id, start_date, end_date FROM training_session ORDER BY id"));
            !s || !(s = Sql::run(q)))
            return s;
        while (q.next())
            existing[QStringList { q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toString() }
                         .join(QLatin1Char('|'))]
                << q.value(0).toLongLong();
    }
    QHash<QString, int> occurrences;
    for (const SourceRow &row : ctx.table.rows) {
        const int errorsBefore = ctx.report.errorCount;
        QString reason;
        const auto name = ctx.required(row, "partner", ImportText::tr("the company name"));
        int plate = 0;
        const QString provinceText = CellValue::text(ctx.cell(row, "province"));
        if (!provinceText.isEmpty()) {
            plate = ctx.lookups.province(provinceText);
            if (plate == 0)
                ctx.error(row, "province",
                    ImportText::tr("unknown province \"%1\" (write its name or plate number)").arg(provinceText));
        }
        qint64 partnerId = 0;
        if (name && (plate > 0 || provinceText.isEmpty())) {
            const QVector<qint64> found = ctx.lookups.partners(*name, plate, CellValue::text(ctx.cell(row, "address")));
            if (found.isEmpty())
                ctx.error(row, "partner", ImportText::tr("unknown company \"%1\": import the partners first").arg(*name));
            else if (found.size() > 1)
                ctx.error(row, "partner",
                    ImportText::tr("%1 companies match \"%2\": add the province and address columns")
                        .arg(found.size())
                        .arg(*name));
            else
                partnerId = found.first();
        }
        const QString fieldText = CellValue::text(ctx.cell(row, "field"));
        const int fieldId = ctx.lookups.field(fieldText);
        if (fieldId == 0)
            ctx.error(row, "field",
                fieldText.isEmpty() ? ImportText::tr("the field is empty")
                                    : ImportText::tr("unknown field \"%1\"").arg(fieldText));
        const auto start = CellValue::date(ctx.cell(row, "start_date"), &reason);
        if (!start || start->isNull())
            ctx.error(row, "start_date", start ? ImportText::tr("the start date is empty") : reason);
        const auto end = CellValue::date(ctx.cell(row, "end_date"), &reason);
        if (!end || end->isNull())
            ctx.error(row, "end_date", end ? ImportText::tr("the end date is empty") : reason);
        if (start && end && !start->isNull() && !end->isNull() && end->toString() < start->toString())
            ctx.error(row, "end_date",
                ImportText::tr("the session ends (%1) before it starts (%2)").arg(shownDate(*end), shownDate(*start)));
        const auto capacity = CellValue::integer(ctx.cell(row, "capacity"), 1, 1000, &reason);
        if (!capacity || capacity->isNull())
            ctx.error(row, "capacity", capacity ? ImportText::tr("the capacity is empty") : reason);
        QVariant hours = 80;
        if (ctx.has("hours")) {
            const auto h = CellValue::integer(ctx.cell(row, "hours"), 1, 2000, &reason);
            if (!h)
                ctx.error(row, "hours", reason);
            else if (!h->isNull())
                hours = *h;
        }
        TablePlan::Row planned;
        planned.line = row.line;
        if (ctx.has("competencies") && fieldId > 0) {
            const auto ids = competencyList(ctx, row, fieldId);
            planned.hasLinks = true;
            planned.links = ids.value_or(QSet<qint64>());
        }
        if (ctx.report.errorCount != errorsBefore)
            continue;
        const QString key
            = QStringList { QString::number(partnerId), QString::number(fieldId), start->toString(), end->toString() }.join(
                QLatin1Char('|'));
        const int nth = occurrences[key]++;
        planned.id = existing.value(key).value(nth, 0);
        planned.values = QVariantList { partnerId, fieldId, *start, *end, *capacity };
        if (ctx.has("hours"))
            planned.values << hours;
        plan.rows.push_back(std::move(planned));
    }
    return {};
}

Status planCompetencies(ImportContext &ctx, TablePlan &plan)
{
    plan.table = QStringLiteral("competency");
    plan.columns = QStringList { QStringLiteral("field_id"), QStringLiteral("code"), QStringLiteral("title_tr") };
    if (ctx.has("title_en"))
        plan.columns << QStringLiteral("title_en");
    if (ctx.has("unit"))
        plan.columns << QStringLiteral("unit");
    const ImportLookups &lookups = ctx.lookups;
    plan.globalId = [&lookups](const QVariantList &v) {
        return GlobalId::forCompetency(lookups.fieldCode(v.at(0).toInt()), v.at(1).toString());
    };
    QHash<QString, int> seen;
    for (const SourceRow &row : ctx.table.rows) {
        const int errorsBefore = ctx.report.errorCount;
        const QString fieldText = CellValue::text(ctx.cell(row, "field"));
        const int fieldId = ctx.lookups.field(fieldText);
        if (fieldId == 0)
            ctx.error(row, "field",
                fieldText.isEmpty() ? ImportText::tr("the field is empty")
                                    : ImportText::tr("unknown field \"%1\"").arg(fieldText));
        const auto code = ctx.required(row, "code", ImportText::tr("the competency code"));
        const auto title = ctx.required(row, "title_tr", ImportText::tr("the Turkish title"));
        if (ctx.report.errorCount != errorsBefore)
            continue;
        const QString key = QString::number(fieldId) + QLatin1Char('|') + ImportLookups::key(*code);
        if (int other = seen.value(key); other > 0) {
            ctx.error(row, "code", ImportText::tr("competency %1 of this field is also on line %2").arg(*code).arg(other));
            continue;
        }
        seen.insert(key, row.line);
        TablePlan::Row planned;
        planned.line = row.line;
        planned.id = ctx.lookups.competencyIn(fieldId, *code);
        planned.values = QVariantList { fieldId, *code, *title };
        if (ctx.has("title_en"))
            planned.values << CellValue::text(ctx.cell(row, "title_en"));
        if (ctx.has("unit"))
            planned.values << CellValue::text(ctx.cell(row, "unit"));
        plan.rows.push_back(std::move(planned));
    }
    return {};
}

} // namespace kopru
