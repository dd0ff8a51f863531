// SPDX-License-Identifier: GPL-3.0-or-later
// Teachers: the key is the national ID. A teacher already in the database is
// updated (only the columns the file has), a new one inserted. Schools are
// found by name, province and district, or created.
#include "models/exchange/globalid.h"
#include "models/import/importcontext.h"
#include "models/import/valueparsers.h"

#include <QHash>
#include <QRegularExpression>

namespace kopru {

std::optional<QString> ImportContext::required(const SourceRow &row, const char *key, const QString &what) const
{
    const QString v = CellValue::text(cell(row, key));
    if (v.isEmpty()) {
        error(row, key, ImportText::tr("%1 is empty").arg(what));
        return std::nullopt;
    }
    return v;
}

bool isImportableEmail(const QString &email)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return email.isEmpty() || re.match(email).hasMatch();
}

Status planTeachers(ImportContext &ctx, TablePlan &plan)
{
    plan.table = QStringLiteral("teacher");
    // Which columns the file sets (the key is always written for new rows).
    struct Col
    {
        const char *target;
        const char *column;
    };
    const Col cols[] = { { "national_id", "national_id" }, { "first_name", "first_name" }, { "last_name", "last_name" },
        { "field", "field_id" }, { "branch", "branch" }, { "school", "school_id" }, { "province", "province_id" },
        { "centre", "centre_id" }, { "email", "email" }, { "phone", "phone" }, { "experience_years", "experience_years" },
        { "available_from", "available_from" }, { "available_to", "available_to" }, { "notes", "notes" } };
    std::vector<const char *> targets;
    for (const Col &c : cols)
        if (ctx.has(c.target)) {
            targets.push_back(c.target);
            plan.columns << QLatin1String(c.column);
        }
    const int schoolIndex = int(plan.columns.indexOf(QStringLiteral("school_id")));
    if (schoolIndex >= 0) {
        plan.parentColumn = schoolIndex;
        plan.parentTable = QStringLiteral("school");
        plan.parentColumns = QStringList { QStringLiteral("name"), QStringLiteral("province_id"), QStringLiteral("district") };
        plan.parentGlobalId
            = [](const QVariantList &v) { return GlobalId::forSchool(v.at(1).toInt(), v.at(2).toString(), v.at(0).toString()); };
    }
    QHash<QString, int> seen; // national ID → line
    QHash<QString, qint64> newSchools; // key → placeholder (negative)

    for (const SourceRow &row : ctx.table.rows) {
        const int errorsBefore = ctx.report.errorCount;
        QString reason;
        // A bad ID refuses the row, but its other cells are still checked so
        // that every problem is reported at once.
        const auto nid = CellValue::nationalId(ctx.cell(row, "national_id"), &reason);
        if (!nid) {
            ctx.error(row, "national_id", reason);
        } else if (int other = seen.value(*nid); other > 0) {
            ctx.error(row, "national_id", ImportText::tr("national ID %1 is also on line %2").arg(*nid).arg(other));
            continue;
        } else {
            seen.insert(*nid, row.line);
        }
        TablePlan::Row planned;
        planned.line = row.line;
        const ImportLookups::Teacher *existing = nid ? ctx.lookups.teacher(*nid) : nullptr;
        if (existing)
            planned.id = existing->id;

        int plate = 0;
        if (ctx.has("province")) {
            if (auto p = ctx.required(row, "province", ImportText::tr("the province"))) {
                plate = ctx.lookups.province(*p);
                if (plate == 0)
                    ctx.error(
                        row, "province", ImportText::tr("unknown province \"%1\" (write its name or plate number)").arg(*p));
            }
        }
        QVariant from, to;
        for (const char *target : targets) {
            const QString key = QLatin1String(target);
            const QString raw = ctx.cell(row, target);
            const QString text = CellValue::text(raw);
            QVariant value;
            if (key == QLatin1String("national_id")) {
                value = nid.value_or(QString());
            } else if (key == QLatin1String("first_name") || key == QLatin1String("last_name")) {
                if (text.isEmpty())
                    ctx.error(row, target,
                        ImportText::tr("%1 is empty")
                            .arg(ImportKinds::targetTitle(*ImportKinds::target(ImportKind::Teachers, key))));
                value = text;
            } else if (key == QLatin1String("field")) {
                const int f = ctx.lookups.field(text);
                if (f == 0)
                    ctx.error(row, target,
                        text.isEmpty()
                            ? ImportText::tr("the field is empty")
                            : ImportText::tr("unknown field \"%1\" (write its code, e.g. ELK, or its name)").arg(text));
                value = f;
            } else if (key == QLatin1String("province")) {
                value = plate;
            } else if (key == QLatin1String("school")) {
                if (text.isEmpty()) {
                    value = QVariant(QMetaType::fromType<qlonglong>());
                } else {
                    // An update without the province column: the school is
                    // in the teacher's province (docs/import.md: an update
                    // needs only the national ID and the columns to change).
                    const int schoolPlate = plate > 0 ? plate : !ctx.has("province") && existing ? existing->provinceId : 0;
                    const QString district = CellValue::text(ctx.cell(row, "district"));
                    qint64 id = schoolPlate > 0 ? ctx.lookups.school(text, schoolPlate, district) : 0;
                    bool ambiguous = false;
                    if (id == 0 && schoolPlate > 0 && !ctx.has("district")) {
                        // Without a district column the name may be enough.
                        const QVector<qint64> named = ctx.lookups.schools(text, schoolPlate);
                        ambiguous = named.size() > 1;
                        if (named.size() == 1)
                            id = named.first();
                        else if (ambiguous)
                            ctx.error(row, target,
                                ImportText::tr(
                                    "%1 schools named \"%2\" in this province: add the district column to tell them apart")
                                    .arg(named.size())
                                    .arg(text));
                    }
                    if (id == 0 && schoolPlate > 0 && !ambiguous) {
                        const QString k = ImportLookups::key(text) + QLatin1Char('|') + QString::number(schoolPlate)
                            + QLatin1Char('|') + ImportLookups::key(district);
                        id = newSchools.value(k);
                        if (id == 0) {
                            plan.parents.push_back({ text, schoolPlate, district });
                            id = -qint64(plan.parents.size());
                            newSchools.insert(k, id);
                        }
                    }
                    value = id;
                }
            } else if (key == QLatin1String("centre")) {
                if (text.isEmpty()) {
                    value = QVariant(QMetaType::fromType<int>());
                } else {
                    const int c = ctx.lookups.centre(text);
                    if (c == 0)
                        ctx.error(row, target, ImportText::tr("unknown centre \"%1\"").arg(text));
                    value = c;
                }
            } else if (key == QLatin1String("email")) {
                if (!isImportableEmail(text))
                    ctx.error(row, target, ImportText::tr("\"%1\" is not an e-mail address").arg(text));
                value = text;
            } else if (key == QLatin1String("phone")) {
                const auto p = CellValue::phone(raw, &reason);
                if (!p)
                    ctx.error(row, target, reason);
                value = p.value_or(QString());
            } else if (key == QLatin1String("experience_years")) {
                const auto v = CellValue::integer(raw, 0, 60, &reason);
                if (!v)
                    ctx.error(row, target, reason);
                value = v.value_or(QVariant());
            } else if (key == QLatin1String("available_from") || key == QLatin1String("available_to")) {
                const auto v = CellValue::date(raw, &reason);
                if (!v)
                    ctx.error(row, target, reason);
                value = v.value_or(QVariant());
                (key == QLatin1String("available_from") ? from : to) = value;
            } else {
                value = text; // branch, notes
            }
            planned.values << value;
        }
        if (!from.isNull() && !to.isNull() && to.toString() < from.toString())
            ctx.error(row, "available_to",
                ImportText::tr("the availability ends (%1) before it starts (%2)").arg(shownDate(to), shownDate(from)));
        if (planned.id == 0 && nid) {
            for (const char *needed : { "first_name", "last_name", "field", "province" })
                if (!ctx.has(needed))
                    ctx.error(row, "national_id",
                        ImportText::tr("a new teacher needs the column %1")
                            .arg(ImportKinds::targetTitle(*ImportKinds::target(ImportKind::Teachers, QLatin1String(needed)))));
        }
        if (ctx.report.errorCount == errorsBefore)
            plan.rows.push_back(std::move(planned));
    }
    return {};
}

} // namespace kopru
