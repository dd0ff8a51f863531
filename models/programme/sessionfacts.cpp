// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/programme/sessionfacts.h"

#include "models/db/sql.h"
#include "models/domain/turkishtext.h"
#include "models/editing/rowversion.h"
#include "models/itemmodels/lookups.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace kopru::programme {

std::vector<QDate> SessionFacts::workingDays() const
{
    std::vector<QDate> days;
    if (!start.isValid() || !end.isValid())
        return days;
    for (QDate d = start; d <= end; d = d.addDays(1))
        if (d.dayOfWeek() <= 5)
            days.push_back(d);
    return days;
}

double SessionFacts::hoursPerDay() const
{
    const std::size_t days = workingDays().size();
    return days == 0 ? 0 : hours / double(days);
}

QString SessionFacts::title() const
{
    const QString format = QStringLiteral("dd.MM.yyyy");
    return QCoreApplication::translate("SessionFacts", "%1 – %2, %3 – %4")
        .arg(partner, fieldCode, QLocale().toString(start, format), QLocale().toString(end, format));
}

Expected<SessionFacts> SessionFacts::load(QSqlDatabase db, int sessionId)
{
    SessionFacts facts;
    const bool turkish = Lookups::turkishUi();
    Status s = Sql::forEachRow(db,
        QStringLiteral("SELECT ts.id, pa.name, f.code, f.name_tr, f.name_en, ts.start_date, ts.end_date, ts.hours FROM "
                       "training_session ts JOIN partner pa ON pa.id = ts.partner_id JOIN field f ON f.id = ts.field_id "
                       "WHERE ts.id = ?"),
        { sessionId }, [&](const QSqlQuery &q) {
            facts.id = q.value(0).toInt();
            facts.partner = q.value(1).toString();
            facts.fieldCode = q.value(2).toString();
            const QString en = q.value(4).toString();
            facts.fieldName = turkish || en.isEmpty() ? q.value(3).toString() : en;
            facts.start = QDate::fromString(q.value(5).toString(), Qt::ISODate);
            facts.end = QDate::fromString(q.value(6).toString(), Qt::ISODate);
            facts.hours = q.value(7).toDouble();
        });
    if (!s)
        return s.error();
    if (facts.id == 0)
        return Error { QCoreApplication::translate("SessionFacts", "There is no training session %1.").arg(sessionId), {}, 0, 0 };
    s = Sql::forEachRow(db,
        QStringLiteral(
            "SELECT p.id, t.first_name, t.last_name, p.status, p.cancel_reason, p.completed_on, c.placement_id IS NOT NULL, "
            "p.version, p.uid FROM placement p JOIN teacher t ON t.id = p.teacher_id LEFT JOIN certificate c ON c.placement_id = "
            "p.id "
            "WHERE p.session_id = ?"),
        { sessionId }, [&](const QSqlQuery &q) {
            Placement p;
            p.id = q.value(0).toInt();
            p.teacher = q.value(1).toString() + QLatin1Char(' ') + q.value(2).toString();
            p.status = q.value(3).toString();
            p.cancelReason = q.value(4).toString();
            p.completedOn = QDate::fromString(q.value(5).toString(), Qt::ISODate);
            p.certified = q.value(6).toBool();
            p.version = q.value(7);
            p.uid = q.value(8);
            facts.placements.push_back(std::move(p));
        });
    if (!s)
        return s.error();
    std::sort(facts.placements.begin(), facts.placements.end(), [](const Placement &a, const Placement &b) {
        const int c = TurkishText::compare(a.teacher, b.teacher);
        return c != 0 ? c < 0 : a.id < b.id;
    });
    return facts;
}

Status holdPlacement(QSqlDatabase db, const SessionFacts::Placement &p)
{
    const QString table = QStringLiteral("placement");
    auto held = RowVersion::holds(db, table, p.id, p.version);
    if (!held)
        return held.error();
    return held.value() ? Status() : RowVersion::refusal(db, table, p.id, p.uid, p.teacher);
}

QString formatHours(double hours)
{
    return QLocale().toString(std::round(hours * 100) / 100, 'f', QLocale::FloatingPointShortest);
}

} // namespace kopru::programme
