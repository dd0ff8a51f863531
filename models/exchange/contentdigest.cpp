// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/contentdigest.h"

#include "models/db/sql.h"
#include "models/exchange/travellingtables.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>

namespace kopru::ContentDigest {

namespace {

void addValue(QCryptographicHash &hash, const QVariant &v)
{
    if (v.isNull() || !v.isValid()) {
        hash.addData("N");
    } else {
        switch (v.metaType().id()) {
        case QMetaType::LongLong:
        case QMetaType::Int:
        case QMetaType::ULongLong:
        case QMetaType::UInt:
            hash.addData("I");
            hash.addData(QByteArray::number(v.toLongLong()));
            break;
        case QMetaType::Double:
            hash.addData("R");
            hash.addData(QByteArray::number(v.toDouble(), 'g', 17));
            break;
        case QMetaType::QByteArray:
            hash.addData("B");
            hash.addData(v.toByteArray().toHex());
            break;
        default: {
            const QByteArray utf8 = v.toString().toUtf8();
            hash.addData("T");
            hash.addData(QByteArray::number(utf8.size()));
            hash.addData(":");
            hash.addData(utf8);
        }
        }
    }
    hash.addData("\x1f");
}

} // namespace

Expected<QString> ofPackage(QSqlDatabase db, const QString &schema)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const TravellingTables::DigestTable &t : TravellingTables::digestTables()) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (Status s = Sql::prepare(q,
                QStringLiteral("SELECT %1 FROM %2.%3 ORDER BY %4")
                    .arg(t.columns.join(QStringLiteral(", ")), schema, t.name, t.orderBy.join(QStringLiteral(", "))));
            !s)
            return s.error();
        if (Status s = Sql::run(q); !s)
            return s.error();
        hash.addData("\x1d");
        hash.addData(t.name.toUtf8());
        const int columns = int(t.columns.size());
        while (q.next()) {
            for (int i = 0; i < columns; ++i)
                addValue(hash, q.value(i));
            hash.addData("\x1e");
        }
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace kopru::ContentDigest
