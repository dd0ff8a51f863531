// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/server/connectserverdialog.h"

#include "views/server/passwordstore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace kopru {

namespace {
// The last address connected to, without its password.
const QString kLastServerKey = QStringLiteral("server/lastAddress");
} // namespace

ConnectServerDialog::ConnectServerDialog(PasswordStore *passwords, Connector connector, QWidget *parent)
    : QDialog(parent)
    , m_passwords(passwords)
    , m_connector(std::move(connector))
{
    setObjectName(QStringLiteral("ConnectServerDialog"));
    setWindowTitle(tr("Connect to Server"));

    auto *intro = new QLabel(tr("Open the national office's Köprü database on a PostgreSQL server. "
                                "Your IT staff give you the server's address and your user name."),
        this);
    intro->setWordWrap(true);

    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_host->setPlaceholderText(tr("e.g. dbserver.example"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database = new QLineEdit(QStringLiteral("kopru"), this);
    m_database->setObjectName(QStringLiteral("databaseEdit"));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_sslMode = new QComboBox(this);
    m_sslMode->setObjectName(QStringLiteral("sslModeCombo"));
    m_sslMode->addItem(tr("Use TLS when the server offers it"), QStringLiteral("prefer"));
    m_sslMode->addItem(tr("Require TLS"), QStringLiteral("require"));
    m_sslMode->addItem(tr("Require TLS and check the server's certificate and name"), QStringLiteral("verify-full"));
    m_remember = new QCheckBox(tr("&Remember the password in the system keychain"), this);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));

    QString reason;
    m_keychain = m_passwords && m_passwords->isAvailable(&reason);
    auto *keychainNote = new QLabel(this);
    keychainNote->setObjectName(QStringLiteral("keychainNote"));
    keychainNote->setWordWrap(true);
    if (!m_keychain) {
        m_remember->setEnabled(false);
        keychainNote->setText(reason.isEmpty() ? tr("No system keychain is available, so the password cannot be remembered: "
                                                    "you will be asked for it each time.")
                                               : tr("No system keychain is available (%1), so the password cannot be remembered: "
                                                    "you will be asked for it each time.")
                                                     .arg(reason));
    }
    keychainNote->setVisible(!m_keychain);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("&Encryption:"), m_sslMode);
    form->addRow(QString(), m_remember);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *connectButton = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(QStringLiteral("connectButton"));
    connectButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectServerDialog::tryConnect);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(keychainNote);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    // The dialog grows when a (long, wrapped) error appears, instead of
    // squeezing the fields.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    setMinimumWidth(480);

    // The account's kept password, once the account is known.
    for (QLineEdit *edit : { m_host, m_database, m_user })
        connect(edit, &QLineEdit::editingFinished, this, &ConnectServerDialog::fillKeptPassword);

    if (auto last = ServerUrl::parse(QSettings().value(kLastServerKey).toString()))
        setServer(last.value());
}

void ConnectServerDialog::setServer(const ServerUrl &url)
{
    m_host->setText(url.host);
    m_port->setValue(url.port);
    m_database->setText(url.database);
    m_user->setText(url.user);
    const int ssl = m_sslMode->findData(url.sslMode.isEmpty() ? QStringLiteral("prefer") : url.sslMode);
    if (ssl >= 0)
        m_sslMode->setCurrentIndex(ssl);
    m_password->setText(url.password);
    if (url.password.isEmpty())
        fillKeptPassword();
}

void ConnectServerDialog::fillKeptPassword()
{
    if (!m_keychain || !m_password->text().isEmpty())
        return;
    const ServerUrl url = server();
    if (url.host.isEmpty() || url.user.isEmpty() || url.database.isEmpty())
        return;
    auto kept = m_passwords->read(url.account());
    if (!kept) {
        showError(tr("The kept password could not be read: %1").arg(kept.message()));
        return;
    }
    if (!kept->isEmpty()) {
        m_password->setText(kept.value());
        m_remember->setChecked(true);
    }
}

void ConnectServerDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    // Grow for the (wrapped) message instead of squeezing the fields: the
    // wrapped labels' height depends on the width, which the minimum size
    // does not know.
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : sizeHint().height();
    if (height() < needed)
        resize(width(), needed);
}

ServerUrl ConnectServerDialog::server() const
{
    ServerUrl url;
    url.host = m_host->text().trimmed();
    url.port = m_port->value();
    url.database = m_database->text().trimmed();
    url.user = m_user->text().trimmed();
    url.password = m_password->text();
    url.sslMode = m_sslMode->currentData().toString();
    return url;
}

bool ConnectServerDialog::tryConnect()
{
    const ServerUrl url = server();
    if (url.host.isEmpty() || url.database.isEmpty() || url.user.isEmpty()) {
        showError(tr("Fill in the server, the database and the user."));
        return false;
    }
    showError(QString());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status connected = m_connector ? m_connector(url.location()) : Status::failure(QString());
    QApplication::restoreOverrideCursor();
    if (!connected) {
        showError(tr("Could not connect to the server: %1").arg(connected.message()));
        return false;
    }
    QSettings().setValue(kLastServerKey, url.display());
    m_notice.clear();
    if (m_keychain) {
        const Status kept
            = m_remember->isChecked() ? m_passwords->write(url.account(), url.password) : m_passwords->remove(url.account());
        if (!kept)
            m_notice = tr("The password was not remembered: %1").arg(kept.message());
    }
    accept();
    return true;
}

} // namespace kopru
