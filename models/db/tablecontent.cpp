// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/tablecontent.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <algorithm>

namespace kopru::TableContent {

namespace {

QString valueText(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("N");
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return QLatin1Char('I') + QString::number(value.toLongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return QLatin1Char('R') + QString::number(value.toDouble(), 'g', 17);
    default:
        return QLatin1Char('T') + value.toString();
    }
}

} // namespace

Expected<std::vector<Count>> counts(QSqlDatabase db, const SchemaScript &schema)
{
    std::vector<Count> result;
    for (const SchemaScript::Table &table : schema.tables()) {
        auto n = Sql::scalar(db, QStringLiteral("SELECT count(*) FROM %1").arg(SqlDialect::quoted(table.name)));
        if (!n)
            return Error { table.name + QStringLiteral(": ") + n.error().message, n.error().file, 0, 0 };
        result.push_back({ table.name, n.value().toLongLong() });
    }
    return result;
}

Expected<QString> digest(QSqlDatabase db, const SchemaScript &schema)
{
    QStringList names = schema.tableNames();
    names.sort();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &name : names) {
        const SchemaScript::Table *table = schema.table(name);
        QStringList columns;
        for (const QString &column : table->columns)
            columns << SqlDialect::quoted(column);
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT %1 FROM %2").arg(columns.join(QStringLiteral(", ")), SqlDialect::quoted(name))))
            return Error { name + QStringLiteral(": ") + Sql::errorOf(q).message, {}, 0, 0 };
        QStringList rows;
        while (q.next()) {
            QString row;
            for (int i = 0; i < columns.size(); ++i)
                row += valueText(q.value(i)) + QChar(0x1F);
            rows << row;
        }
        std::sort(rows.begin(), rows.end());
        hash.addData(QByteArray("\x1D"));
        hash.addData(name.toUtf8());
        for (const QString &row : rows)
            hash.addData((row + QChar(0x1E)).toUtf8());
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace kopru::TableContent
