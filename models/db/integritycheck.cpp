// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/integritycheck.h"

#include "models/db/schemamacros.h"
#include "models/db/sql.h"
#include "models/db/sqldialect.h"
#include "models/domain/nationalid.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace kopru {

QStringList schemaTables()
{
    return { QStringLiteral("province"), QStringLiteral("field"), QStringLiteral("centre"), QStringLiteral("centre_field"),
        QStringLiteral("school"), QStringLiteral("teacher"), QStringLiteral("competency"), QStringLiteral("need_rating"),
        QStringLiteral("partner"), QStringLiteral("partner_competency"), QStringLiteral("training_session"),
        QStringLiteral("session_competency"), QStringLiteral("placement"), QStringLiteral("plan_run"),
        QStringLiteral("audit_log"), QStringLiteral("meta"), QStringLiteral("attendance"), QStringLiteral("evaluation_item"),
        QStringLiteral("evaluation_answer"), QStringLiteral("certificate"), QStringLiteral("erased_teacher"),
        QStringLiteral("erased_placement") };
}

IntegrityReport checkIntegrity(QSqlDatabase db, bool quick)
{
    IntegrityReport report;
    QSqlQuery q(db);
    q.setForwardOnly(true);

    const SqlDialect::Backend backend = SqlDialect::backendOf(db);
    if (const QString storage = SqlDialect::storageCheck(backend, quick); !storage.isEmpty()) {
        if (!q.exec(storage)) {
            report.problems << QCoreApplication::translate("IntegrityCheck", "the integrity check could not run: %1")
                                   .arg(Sql::errorOf(q).message);
            return report;
        }
        while (q.next())
            if (const QString line = q.value(0).toString(); line != QLatin1String("ok"))
                report.problems << QCoreApplication::translate("IntegrityCheck", "storage: %1").arg(line);
    }

    if (const QString foreignKeys = SqlDialect::foreignKeyCheck(backend); !foreignKeys.isEmpty() && q.exec(foreignKeys)) {
        while (q.next())
            report.problems << QCoreApplication::translate("IntegrityCheck", "table %1, row %2: refers to a missing row of %3")
                                   .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
    }

    for (const QString &table : schemaTables()) {
        // Table names come from our own fixed list, never from input.
        if (q.exec(QStringLiteral("SELECT count(*) FROM ") + table) && q.next())
            report.counts.append({ table, q.value(0).toLongLong() });
        else
            report.problems << QCoreApplication::translate("IntegrityCheck", "table %1 is missing or unreadable").arg(table);
    }

    if (q.exec(QStringLiteral("SELECT id, national_id FROM teacher"))) {
        while (q.next())
            if (const QString why = NationalId::problem(q.value(1).toString()); !why.isEmpty())
                report.problems
                    << QCoreApplication::translate("IntegrityCheck", "teacher %1: %2").arg(q.value(0).toString(), why);
    }
    struct Rule
    {
        const char *sql;
        const char *message;
        QStringList IntegrityReport::*into;
    };
    const Rule rules[] = {
        { "SELECT count(*) FROM need_rating r JOIN teacher t ON t.id = r.teacher_id "
          "JOIN competency c ON c.id = r.competency_id WHERE c.field_id <> t.field_id",
            QT_TRANSLATE_NOOP("IntegrityCheck", "%1 need ratings are for a competency outside the teacher's field"),
            &IntegrityReport::problems },
        { "SELECT count(*) FROM placement p JOIN teacher t ON t.id = p.teacher_id "
          "JOIN training_session s ON s.id = p.session_id WHERE p.status <> 'cancelled' AND s.field_id <> t.field_id",
            QT_TRANSLATE_NOOP("IntegrityCheck", "%1 placements put a teacher into a session of another field"),
            &IntegrityReport::conflicts },
        { "SELECT count(*) FROM " KOPRU_PLACED_PER_SESSION " AS c JOIN training_session s ON s.id = c.session_id "
          "WHERE c.placed > s.capacity",
            QT_TRANSLATE_NOOP("IntegrityCheck", "%1 sessions hold more teachers than their capacity"),
            &IntegrityReport::conflicts },
    };
    for (const Rule &rule : rules) {
        if (q.exec(QString::fromLatin1(rule.sql)) && q.next()) {
            if (const qint64 n = q.value(0).toLongLong(); n > 0)
                (report.*rule.into) << QCoreApplication::translate("IntegrityCheck", rule.message).arg(n);
        }
    }
    return report;
}

} // namespace kopru
