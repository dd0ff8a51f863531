// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/db/serverurl.h"

#include <QDialog>
#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace kopru {

class PasswordStore;

// File ▸ Connect to Server…: where the server database is (host, port,
// database, user), the password, the TLS requirement (sslmode prefer,
// require or verify-full) and whether to remember the password in the
// system keychain (PasswordStore; never in QSettings). Connect calls
// `connector` with the address (password included); when that fails the
// dialog stays open with every field kept and shows why (the server's
// reason after a translated sentence). The last address (without password)
// is proposed next time.
class ConnectServerDialog final : public QDialog
{
    Q_OBJECT
public:
    using Connector = std::function<Status(const QString &location)>;

    ConnectServerDialog(PasswordStore *passwords, Connector connector, QWidget *parent = nullptr);

    // Fills the fields from `url` (and its kept password when it has none).
    void setServer(const ServerUrl &url);
    // Shows `message` as the reason the last attempt failed.
    void showError(const QString &message);
    // The address of the fields, with the password.
    ServerUrl server() const;
    // After a successful connect: what to tell the user about the password
    // (e.g. that the keychain refused to keep it); empty when nothing.
    QString notice() const { return m_notice; }

    // Connects (what the Connect button does); true when connected, then
    // the dialog is accepted.
    bool tryConnect();

private:
    void fillKeptPassword();

    PasswordStore *m_passwords;
    Connector m_connector;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_sslMode = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_error = nullptr;
    bool m_keychain = false;
    QString m_notice;
};

} // namespace kopru
