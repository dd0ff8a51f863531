// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

namespace kopru::exporting {

// Stable pseudonyms for anonymised exports (KVKK). A teacher's pseudonym code
// is the first 12 hexadecimal digits of HMAC-SHA-256(key, national ID). The
// key is 32 random bytes kept in the database (one audit_log row with action
// "export_pseudonym_key", written by the first anonymised export), so the same
// teacher gets the same pseudonym in every export of the same database (and of
// its backups), while nobody without the database can link a pseudonym back
// to a national ID by trying all IDs.
class Pseudonymiser
{
public:
    // The database's key, created on first use. A read-only database without
    // a key gets a one-off random key: `isStable()` is then false.
    static Expected<Pseudonymiser> forDatabase(QSqlDatabase db, bool readOnly);
    // For tests: a fixed key.
    explicit Pseudonymiser(QByteArray key, bool stable = true)
        : m_key(std::move(key))
        , m_stable(stable)
    { }

    // "3F9A2C71B0D4": 12 upper-case hex digits.
    QString code(const QString &nationalId) const;
    // "Teacher 3F9A2C71B0D4" (translated word).
    QString name(const QString &nationalId) const;
    bool isStable() const { return m_stable; }

    static constexpr const char *kAuditAction = "export_pseudonym_key";

private:
    QByteArray m_key;
    bool m_stable = true;
};

} // namespace kopru::exporting
