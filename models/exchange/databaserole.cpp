// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/databaserole.h"

#include "models/db/sql.h"
#include "models/db/transaction.h"
#include "models/exchange/exchangesql.h"

#include <QCoreApplication>

namespace kopru {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseRole)
};

constexpr int kCentres = 15; // ids 1..15 of the shipped reference data; more may be added nationally
constexpr int kMaxCentreId = 999;

} // namespace

DatabaseRole DatabaseRole::centre(int centreId)
{
    DatabaseRole role;
    role.m_kind = Kind::Centre;
    role.m_centreId = centreId;
    return role;
}

Expected<DatabaseRole> DatabaseRole::parse(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("national"))
        return national();
    QString number = t;
    if (t.startsWith(QLatin1String("centre:")))
        number = t.mid(7);
    bool ok = false;
    const int id = number.toInt(&ok);
    if (!ok || id < 1 || id > kMaxCentreId)
        return Error {
            Text::tr("\"%1\" is not a role: write national, or centre:ID with a centre's id (1–%2)").arg(text).arg(kCentres), {},
            0, 0
        };
    return centre(id);
}

Expected<bool> DatabaseRole::isStored(QSqlDatabase db)
{
    auto v = ExchangeSql::scalar(db, QStringLiteral("SELECT count(*) FROM meta WHERE key = 'role'"));
    if (!v)
        return v.error();
    return v.value().toInt() > 0;
}

Expected<DatabaseRole> DatabaseRole::read(QSqlDatabase db)
{
    auto role = ExchangeSql::scalar(db, QStringLiteral("SELECT value FROM meta WHERE key = 'role'"));
    if (!role)
        return role.error();
    if (!role.value().isValid() || role.value().toString() == QLatin1String("national"))
        return national();
    auto id = ExchangeSql::scalar(db, QStringLiteral("SELECT value FROM meta WHERE key = 'centre_id'"));
    if (!id)
        return id.error();
    bool ok = false;
    const int centreId = id.value().toString().toInt(&ok);
    if (role.value().toString() != QLatin1String("centre") || !ok || centreId < 1)
        return Error { Text::tr("the database's role is damaged (role \"%1\", centre \"%2\")")
                           .arg(role.value().toString(), id.value().toString()),
            {}, 0, 0 };
    return centre(centreId);
}

Status DatabaseRole::write(QSqlDatabase db) const
{
    if (isCentre()) {
        auto known = ExchangeSql::scalar(db, QStringLiteral("SELECT count(*) FROM centre WHERE id = ?"), { m_centreId });
        if (!known)
            return known.error();
        if (known.value().toInt() == 0)
            return Status::failure(Text::tr("there is no centre %1 in this database").arg(m_centreId));
    }
    const QString upsert
        = QStringLiteral("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (Status s = ExchangeSql::exec(
            db, upsert, { QStringLiteral("role"), isCentre() ? QStringLiteral("centre") : QStringLiteral("national") });
        !s)
        return s;
    if (isCentre())
        return ExchangeSql::exec(db, upsert, { QStringLiteral("centre_id"), QString::number(m_centreId) });
    return ExchangeSql::exec(db, QStringLiteral("DELETE FROM meta WHERE key = 'centre_id'"));
}

Status DatabaseRole::assign(QSqlDatabase db, const DatabaseRole &role)
{
    Transaction tx(db);
    if (!tx.began())
        return tx.began();
    auto exchanged = ExchangeSql::scalar(db, QStringLiteral("SELECT count(*) FROM exchange_package"));
    if (!exchanged)
        return exchanged.error();
    auto current = read(db);
    if (!current)
        return current.error();
    if (current.value() == role)
        return tx.commit();
    if (exchanged.value().toInt() > 0)
        return Status::failure(
            Text::tr("this database has exchanged packages as %1: its role cannot change any more").arg(current->displayName()));
    if (Status s = role.write(db); !s)
        return s;
    // Not a change of content: no version rises, nothing travels twice (it
    // has never travelled).
    for (const char *table : { "school", "teacher", "partner", "training_session", "placement", "proposal" })
        if (Status s = ExchangeSql::exec(
                db, QStringLiteral("UPDATE %1 SET owner_centre_id = ?").arg(QLatin1String(table)), { role.ownerValue() });
            !s)
            return s;
    return tx.commit();
}

QVariant DatabaseRole::ownerValue() const
{
    return isCentre() ? QVariant(m_centreId) : QVariant();
}

bool DatabaseRole::owns(const QVariant &owner) const
{
    if (owner.isNull() || !owner.isValid())
        return isNational();
    return isCentre() && owner.toInt() == m_centreId;
}

QString DatabaseRole::code() const
{
    return isCentre() ? QStringLiteral("centre:%1").arg(m_centreId) : QStringLiteral("national");
}

QString DatabaseRole::displayName() const
{
    return isCentre() ? Text::tr("Centre %1").arg(m_centreId) : Text::tr("National office");
}

QString DatabaseRole::displayName(QSqlDatabase db) const
{
    if (!isCentre())
        return displayName();
    auto name = ExchangeSql::scalar(db, QStringLiteral("SELECT name FROM centre WHERE id = ?"), { m_centreId });
    return name && !name.value().toString().isEmpty() ? name.value().toString() : displayName();
}

} // namespace kopru
