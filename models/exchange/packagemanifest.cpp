// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/packagemanifest.h"

#include "models/db/sql.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace kopru {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(Package)
};

const QString kRowsPrefix = QStringLiteral("rows.");

QString roleCode(const DatabaseRole &role)
{
    return role.code();
}

} // namespace

qint64 PackageManifest::totalRows() const
{
    qint64 n = 0;
    for (const auto &[table, count] : rows)
        n += count;
    return n;
}

Status PackageManifest::write(QSqlDatabase db, const QString &schema) const
{
    std::map<QString, QString> values {
        { QStringLiteral("format"), QString::number(format) },
        { QStringLiteral("schema_version"), QString::number(schemaVersion) },
        { QStringLiteral("sender_database_id"), senderDatabaseId },
        { QStringLiteral("sender"), roleCode(sender) },
        { QStringLiteral("receiver_database_id"), receiverDatabaseId },
        { QStringLiteral("receiver"), roleCode(receiver) },
        { QStringLiteral("sequence"), QString::number(sequence) },
        { QStringLiteral("base_sequence"), QString::number(baseSequence) },
        { QStringLiteral("ack_sequence"), QString::number(ackSequence) },
        { QStringLiteral("full"), full ? QStringLiteral("1") : QStringLiteral("0") },
        { QStringLiteral("created_at"), createdAt },
        { QStringLiteral("program"), program },
        { QStringLiteral("content_sha256"), contentSha256 },
    };
    for (const auto &[table, count] : rows)
        values.emplace(kRowsPrefix + table, QString::number(count));
    QSqlQuery q(db);
    if (Status s = Sql::prepare(q, QStringLiteral("INSERT INTO %1.manifest(key, value) VALUES (?, ?)").arg(schema)); !s)
        return s;
    for (const auto &[key, value] : values)
        if (Status s = Sql::run(q, { key, value }); !s)
            return s;
    return {};
}

Expected<PackageManifest> PackageManifest::read(QSqlDatabase db, const QString &schema)
{
    QSqlQuery q(db);
    if (Status s = Sql::prepare(q, QStringLiteral("SELECT key, value FROM %1.manifest").arg(schema)); !s)
        return Error { Text::tr("the package has no manifest"), {}, 0, 0 };
    if (Status s = Sql::run(q); !s)
        return Error { Text::tr("the package has no manifest"), {}, 0, 0 };
    std::map<QString, QString> values;
    while (q.next())
        values[q.value(0).toString()] = q.value(1).toString();
    const auto missing = [](const char *key) {
        return Error { Text::tr("the package's manifest lacks \"%1\"").arg(QLatin1String(key)), {}, 0, 0 };
    };
    const auto number = [&values](const char *key, bool *ok) { return values[QLatin1String(key)].toInt(ok); };
    for (const char *key : { "format", "schema_version", "sender_database_id", "sender", "receiver", "sequence", "base_sequence",
             "ack_sequence", "content_sha256" })
        if (values.find(QLatin1String(key)) == values.end())
            return missing(key);
    PackageManifest m;
    bool ok[6] = {};
    m.format = number("format", &ok[0]);
    m.schemaVersion = number("schema_version", &ok[1]);
    m.sequence = number("sequence", &ok[2]);
    m.baseSequence = number("base_sequence", &ok[3]);
    m.ackSequence = number("ack_sequence", &ok[4]);
    ok[5] = true;
    for (bool b : ok)
        if (!b)
            return Error { Text::tr("the package's manifest is damaged (a number is not a number)"), {}, 0, 0 };
    auto sender = DatabaseRole::parse(values[QStringLiteral("sender")]);
    auto receiver = DatabaseRole::parse(values[QStringLiteral("receiver")]);
    if (!sender || !receiver)
        return Error { Text::tr("the package's manifest names an unknown sender or receiver"), {}, 0, 0 };
    m.sender = sender.value();
    m.receiver = receiver.value();
    m.senderDatabaseId = values[QStringLiteral("sender_database_id")];
    m.receiverDatabaseId = values[QStringLiteral("receiver_database_id")];
    m.full = values[QStringLiteral("full")] == QLatin1String("1");
    m.createdAt = values[QStringLiteral("created_at")];
    m.program = values[QStringLiteral("program")];
    m.contentSha256 = values[QStringLiteral("content_sha256")];
    for (const auto &[key, value] : values)
        if (key.startsWith(kRowsPrefix))
            m.rows[key.mid(kRowsPrefix.size())] = value.toLongLong();
    return m;
}

} // namespace kopru
