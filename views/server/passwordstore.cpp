// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/server/passwordstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#ifdef KOPRU_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace kopru {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(PasswordStore)
};

#ifdef KOPRU_HAVE_KEYCHAIN
// The keychain's "service" under which Köprü's passwords are filed.
const QString kService = QStringLiteral("Köprü server databases");

// Runs `job` to its end (QtKeychain's jobs are asynchronous).
void run(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false); // never a clear-text file instead
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}

Error keychainError(const QKeychain::Job &job)
{
    return Error { Text::tr("the system keychain refused: %1").arg(job.errorString()), QString(), 0, 0 };
}

#endif

} // namespace

#ifndef KOPRU_HAVE_KEYCHAIN

// Built without QtKeychain: nothing is kept, and the dialog says why.
bool KeychainPasswordStore::isAvailable(QString *reason)
{
    if (reason)
        *reason = Text::tr("this build of Köprü has no keychain support");
    return false;
}

Expected<QString> KeychainPasswordStore::read(const QString &)
{
    return QString();
}

Status KeychainPasswordStore::write(const QString &, const QString &)
{
    return Status::failure(Text::tr("this build of Köprü has no keychain support"));
}

Status KeychainPasswordStore::remove(const QString &)
{
    return {};
}

#else

bool KeychainPasswordStore::isAvailable(QString *reason)
{
    if (m_available < 0) {
        // A look-up of an account nobody has: "not found" means the keychain answers.
        QKeychain::ReadPasswordJob probe(kService);
        probe.setKey(QStringLiteral("kopru-keychain-probe"));
        run(probe);
        const bool answers = probe.error() == QKeychain::NoError || probe.error() == QKeychain::EntryNotFound;
        m_available = answers ? 1 : 0;
        m_reason = answers ? QString() : probe.errorString();
    }
    if (reason)
        *reason = m_reason;
    return m_available == 1;
}

Expected<QString> KeychainPasswordStore::read(const QString &account)
{
    if (!isAvailable(nullptr))
        return QString();
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(account);
    run(job);
    if (job.error() == QKeychain::EntryNotFound)
        return QString();
    if (job.error() != QKeychain::NoError)
        return keychainError(job);
    return job.textData();
}

Status KeychainPasswordStore::write(const QString &account, const QString &password)
{
    QString reason;
    if (!isAvailable(&reason))
        return Status::failure(Text::tr("the system keychain is not available: %1").arg(reason));
    QKeychain::WritePasswordJob job(kService);
    job.setKey(account);
    job.setTextData(password);
    run(job);
    if (job.error() != QKeychain::NoError)
        return keychainError(job);
    return {};
}

Status KeychainPasswordStore::remove(const QString &account)
{
    if (!isAvailable(nullptr))
        return {};
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(account);
    run(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return keychainError(job);
    return {};
}

#endif

} // namespace kopru
