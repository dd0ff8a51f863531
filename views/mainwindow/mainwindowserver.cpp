// SPDX-License-Identifier: GPL-3.0-or-later
// The main window on a server database (docs/server.md): connecting, and
// what is switched off there.
#include "models/db/database.h"
#include "models/db/serveraccess.h"
#include "models/db/serverurl.h"
#include "views/mainwindow/mainwindow.h"
#include "views/mainwindow/recentfiles.h"
#include "views/server/connectserverdialog.h"
#include "views/server/passwordstore.h"

#include <QAction>
#include <QMessageBox>
#include <QStatusBar>
#include <QVariant>

namespace kopru {

namespace {
constexpr int kStatusTimeoutMs = 8000;
// The status tip an action has for a file, kept while a server database is open.
const char *const kFileTip = "kopruFileStatusTip";
} // namespace

void MainWindow::setPasswordStore(std::unique_ptr<PasswordStore> store)
{
    m_passwords = std::move(store);
}

Status MainWindow::openServer(const QString &location)
{
    auto db = Database::open(location);
    if (!db)
        return db.error();
    auto mayWrite = ServerAccess::mayWrite(db.value()->connection());
    if (!mayWrite)
        return mayWrite.error();
    QString note;
    if (!mayWrite.value()) {
        // A viewer: read-only, so that no edit is offered that the server would refuse.
        auto user = ServerAccess::userName(db.value()->connection());
        db.value().reset();
        Database::Options readOnly;
        readOnly.access = Database::Access::ReadOnly;
        db = Database::open(location, readOnly);
        if (!db)
            return db.error();
        note = tr("Your server role (%1) may read this database but not change it: it is open read-only.")
                   .arg(user ? user.value() : QString());
    }
    m_recent->add(db.value()->path()); // the URL without the password
    setDatabase(std::move(db.value()));
    statusBar()->showMessage(note.isEmpty() ? tr("Connected to %1").arg(ServerUrl::shortName(m_db->path())) : note,
        note.isEmpty() ? kStatusTimeoutMs : 0);
    return {};
}

bool MainWindow::openServerInteractive(const QString &location)
{
    auto url = ServerUrl::parse(location);
    if (!url) {
        QMessageBox::warning(this, tr("Connect to Server"), url.message());
        return false;
    }
    ServerUrl withPassword = url.value();
    if (withPassword.password.isEmpty() && m_passwords) {
        QString unused;
        if (m_passwords->isAvailable(&unused)) {
            auto kept = m_passwords->read(withPassword.account());
            if (kept)
                withPassword.password = kept.value();
            else
                statusBar()->showMessage(kept.message(), kStatusTimeoutMs);
        }
    }
    const Status opened = openServer(withPassword.location());
    if (opened)
        return true;
    // The dialog says why and lets the user correct the address or the password.
    return connectToServer(url.value(), tr("Could not connect to the server: %1").arg(opened.message()));
}

bool MainWindow::connectToServer()
{
    return connectToServer(ServerUrl(), QString());
}

bool MainWindow::connectToServer(const ServerUrl &url, const QString &failure)
{
    ConnectServerDialog dialog(
        m_passwords.get(), [this](const QString &location) { return openServer(location); }, this);
    if (!url.host.isEmpty())
        dialog.setServer(url);
    dialog.showError(failure);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (!dialog.notice().isEmpty())
        statusBar()->showMessage(dialog.notice(), kStatusTimeoutMs);
    return true;
}

void MainWindow::updateServerActions()
{
    const bool server = m_db && m_db->isServer();
    std::vector<QAction *> fileActions = m_needFile;
    if (m_restoreBackup)
        fileActions.push_back(m_restoreBackup);
    for (QAction *action : fileActions) {
        if (!action->property(kFileTip).isValid())
            action->setProperty(kFileTip, action->statusTip());
        const QString why = action->data().toString();
        if (server)
            action->setEnabled(false);
        else if (action == m_restoreBackup)
            action->setEnabled(true);
        action->setStatusTip(server ? why : action->property(kFileTip).toString());
        action->setToolTip(server ? why : QString());
    }
    const bool readOnly = m_db && m_db->isReadOnly();
    for (QAction *action : m_needWriter) {
        if (!action->property(kFileTip).isValid())
            action->setProperty(kFileTip, action->statusTip());
        const QString why = action->data().toString();
        if (readOnly)
            action->setEnabled(false);
        action->setStatusTip(readOnly ? why : action->property(kFileTip).toString());
        action->setToolTip(readOnly ? why : QString());
    }
}

} // namespace kopru
