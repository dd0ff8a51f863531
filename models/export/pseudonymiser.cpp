// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/export/pseudonymiser.h"

#include "models/db/sql.h"
#include "models/db/transaction.h"

#include <QCoreApplication>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace kopru::exporting {

namespace {

constexpr int kKeyBytes = 32;

QByteArray randomKey()
{
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(
        reinterpret_cast<quint32 *>(key.data()), reinterpret_cast<quint32 *>(key.data() + key.size()));
    return key;
}

Expected<QByteArray> storedKey(QSqlDatabase db)
{
    auto v = Sql::scalar(db, QStringLiteral("SELECT details FROM audit_log WHERE action = ? ORDER BY id LIMIT 1"),
        { QLatin1String(Pseudonymiser::kAuditAction) });
    if (!v)
        return v.error();
    const QByteArray key = QByteArray::fromHex(v.value().toString().toLatin1());
    return key.size() == kKeyBytes ? key : QByteArray();
}

} // namespace

Expected<Pseudonymiser> Pseudonymiser::forDatabase(QSqlDatabase db, bool readOnly)
{
    auto existing = storedKey(db);
    if (!existing)
        return existing.error();
    if (!existing.value().isEmpty())
        return Pseudonymiser(existing.value(), true);
    const QByteArray key = randomKey();
    if (readOnly)
        return Pseudonymiser(key, false);
    Transaction transaction(db);
    if (!transaction.began())
        return transaction.began().error();
    // Another process may have created it meanwhile: check again inside the transaction.
    auto again = storedKey(db);
    if (!again)
        return again.error();
    if (!again.value().isEmpty())
        return Pseudonymiser(again.value(), true);
    if (Status s = Sql::exec(db, QStringLiteral("INSERT INTO audit_log(action, details) VALUES (?, ?)"),
            { QLatin1String(kAuditAction), QString::fromLatin1(key.toHex()) });
        !s)
        return s.error();
    if (Status s = transaction.commit(); !s)
        return s.error();
    return Pseudonymiser(key, true);
}

QString Pseudonymiser::code(const QString &nationalId) const
{
    const QByteArray mac = QMessageAuthenticationCode::hash(nationalId.toUtf8(), m_key, QCryptographicHash::Sha256);
    return QString::fromLatin1(mac.toHex().left(12)).toUpper();
}

QString Pseudonymiser::name(const QString &nationalId) const
{
    return QCoreApplication::translate("Export", "Teacher %1", "pseudonym of an anonymised teacher").arg(code(nationalId));
}

} // namespace kopru::exporting
