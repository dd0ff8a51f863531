// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/editing/rowversion.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"
#include "models/editing/dbcommand.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStringList>
#include <QTimeZone>

namespace kopru::RowVersion {

namespace {

bool isTeacher(const QString &table)
{
    return table == QLatin1String("teacher");
}

} // namespace

QString expression(const QString &table)
{
    if (isTeacher(table))
        return QStringLiteral("(version + record_version)");
    static const QStringList versioned { QStringLiteral("field"), QStringLiteral("centre"), QStringLiteral("school"),
        QStringLiteral("competency"), QStringLiteral("partner"), QStringLiteral("training_session"), QStringLiteral("placement"),
        QStringLiteral("proposal"), QStringLiteral("review_item"), QStringLiteral("uid_alias") };
    return versioned.contains(table) ? QStringLiteral("version") : QString();
}

Expected<QVariant> read(QSqlDatabase db, const QString &table, int id)
{
    const QString version = expression(table);
    if (version.isEmpty() || !isSqlIdentifier(table))
        return Error { QStringLiteral("table %1 has no version").arg(table), {}, 0, 0 };
    return Sql::scalar(db, QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(version, table), { id });
}

Expected<bool> holds(QSqlDatabase db, const QString &table, int id, const QVariant &expected)
{
    const QString version = expression(table);
    if (version.isEmpty() || !isSqlIdentifier(table))
        return Error { QStringLiteral("table %1 has no version").arg(table), {}, 0, 0 };
    auto now = Sql::scalar(db,
        QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(version, table)
            + SqlDialect::lockRowsClause(SqlDialect::backendOf(db)),
        { id });
    if (!now)
        return now.error();
    return now.value().isValid() && expected.isValid() && now.value().toLongLong() == expected.toLongLong();
}

Status refusal(QSqlDatabase db, const QString &table, int id, const QVariant &uid, const QString &subject)
{
    if (!isSqlIdentifier(table))
        return Status::failure(QStringLiteral("invalid identifier"));
    // Who and when of the latest change: a teacher's record columns keep their own.
    const QString sql = isTeacher(table)
        ? QStringLiteral("SELECT CASE WHEN record_modified_at > modified_at THEN record_modified_by ELSE modified_by END, "
                         "CASE WHEN record_modified_at > modified_at THEN record_modified_at ELSE modified_at END "
                         "FROM teacher WHERE id = ?")
        : QStringLiteral("SELECT modified_by, modified_at FROM %1 WHERE id = ?").arg(table);
    QSqlQuery q(db);
    if (Status s = Sql::prepare(q, sql); !s)
        return s;
    if (Status s = Sql::run(q, { id }); !s)
        return s;
    if (q.next()) {
        const QString label = q.value(0).toString(), utc = q.value(1).toString();
        q.finish();
        return changedBy(db, subject, label, utc);
    }
    q.finish();
    // Deleted: the tombstone says by whom (a row another database owns leaves none here).
    if (uid.isValid() && !uid.isNull()) {
        if (Status s
            = Sql::prepare(q, QStringLiteral("SELECT deleted_by, deleted_at FROM tombstone WHERE table_name = ? AND uid = ?"));
            !s)
            return s;
        if (Status s = Sql::run(q, { table, uid }); !s)
            return s;
        if (q.next())
            return Status::failure(
                QCoreApplication::translate("RowVersion", "“%1” was deleted by %2 at %3 — reload to see what is there now.")
                    .arg(subject, who(db, q.value(0).toString()), when(q.value(1).toString())));
    }
    return refusalWithoutAuthor(subject, true);
}

Status changedBy(QSqlDatabase db, const QString &subject, const QString &label, const QString &utc)
{
    return Status::failure(
        QCoreApplication::translate("RowVersion", "“%1” was changed by %2 at %3 — reload to see the new value.")
            .arg(subject, who(db, label), when(utc)));
}

Status refusalWithoutAuthor(const QString &subject, bool deleted)
{
    return Status::failure(deleted ? QCoreApplication::translate("RowVersion",
                               "“%1” was deleted meanwhile by another user or program — reload to see what is there now.")
                                         .arg(subject)
                                   : QCoreApplication::translate("RowVersion",
                                       "“%1” was changed meanwhile by another user or program — reload to see the new value.")
                                         .arg(subject));
}

namespace {

QMutex g_keptMutex;
QHash<QString, QVariant> g_kept; // connection name + '\n' + row → version

} // namespace

void remember(const QSqlDatabase &db, const QString &row, const QVariant &version)
{
    const QMutexLocker lock(&g_keptMutex);
    g_kept.insert(db.connectionName() + QLatin1Char('\n') + row, version);
}

QVariant remembered(const QSqlDatabase &db, const QString &row)
{
    const QMutexLocker lock(&g_keptMutex);
    return g_kept.value(db.connectionName() + QLatin1Char('\n') + row);
}

QString who(QSqlDatabase db, const QString &label)
{
    // 'national' or 'centre:N', on a server followed by ':login' (SqlDialect::changeLabel).
    static const QRegularExpression shape(QStringLiteral("^(national|centre:(\\d+))(?::(.+))?$"));
    const QRegularExpressionMatch m = shape.match(label);
    if (!m.hasMatch())
        return label.isEmpty() ? QCoreApplication::translate("RowVersion", "another user") : label;
    const QString login = m.captured(3);
    if (m.captured(2).isEmpty())
        return login.isEmpty() ? QCoreApplication::translate("RowVersion", "the national office")
                               : QCoreApplication::translate("RowVersion", "%1 (national office)").arg(login);
    const int centre = m.captured(2).toInt();
    auto name = Sql::scalar(db, QStringLiteral("SELECT name FROM centre WHERE id = ?"), { centre });
    const QString place = name && name.value().isValid() ? name.value().toString() : QString::number(centre);
    return login.isEmpty() ? QCoreApplication::translate("RowVersion", "centre %1").arg(place)
                           : QCoreApplication::translate("RowVersion", "%1 (centre %2)").arg(login, place);
}

QString when(const QString &utc)
{
    QDateTime at = QDateTime::fromString(utc, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!at.isValid())
        return utc;
    at.setTimeZone(QTimeZone::utc());
    at = at.toLocalTime();
    const QLocale locale;
    if (at.date() == QDate::currentDate())
        return locale.toString(at.time(), QLocale::ShortFormat);
    return locale.toString(at, QLocale::ShortFormat);
}

} // namespace kopru::RowVersion
