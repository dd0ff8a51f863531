// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QString>

namespace kopru {

// Where server passwords are kept between runs: the operating system's
// keychain (KeychainPasswordStore), never QSettings nor any file of Köprü's.
// An account is ServerUrl::account() ("user@host:port/database"). Tests
// replace it with a store of their own.
class PasswordStore
{
public:
    virtual ~PasswordStore() = default;

    // Whether passwords can be kept at all; when not, `reason` says why (for
    // the Connect to Server dialog).
    virtual bool isAvailable(QString *reason) = 0;
    // The password kept for `account`; empty when there is none.
    virtual Expected<QString> read(const QString &account) = 0;
    virtual Status write(const QString &account, const QString &password) = 0;
    // Forgets the password of `account` (no error when there was none).
    virtual Status remove(const QString &account) = 0;
};

// The operating system's keychain through QtKeychain: the Secret Service
// (GNOME Keyring, KWallet) on Linux, the Credential Manager on Windows, the
// Keychain on macOS. Without one (no secret service, as under Xvfb in CI)
// isAvailable() is false and nothing is kept. Its calls wait for the keychain
// (they are quick, or fail quickly).
class KeychainPasswordStore final : public PasswordStore
{
public:
    bool isAvailable(QString *reason) override;
    Expected<QString> read(const QString &account) override;
    Status write(const QString &account, const QString &password) override;
    Status remove(const QString &account) override;

private:
    int m_available = -1; // unknown, 0 or 1: asked once
    QString m_reason;
};

} // namespace kopru
