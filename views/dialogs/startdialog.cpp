// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/dialogs/startdialog.h"

#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace kopru {

StartDialog::StartDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Welcome to Köprü"));
    setObjectName(QStringLiteral("StartDialog"));

    auto *intro = new QLabel(tr("<b>No database is open.</b> A Köprü database is one file (.kopru) holding the "
                                "teachers, competencies, needs survey, partners and placement plan of a programme."),
        this);
    intro->setWordWrap(true);

    struct Entry
    {
        Choice choice;
        QString objectName, title, description;
        QStyle::StandardPixmap icon;
    };
    const Entry entries[] = {
        { Choice::CreateNew, QStringLiteral("createNew"), tr("Create a new database…"),
            tr("An empty database with the provinces, pilot fields and centres."), QStyle::SP_FileIcon },
        { Choice::OpenExisting, QStringLiteral("openExisting"), tr("Open an existing database…"), tr("Choose a .kopru file."),
            QStyle::SP_DialogOpenButton },
        { Choice::ConnectServer, QStringLiteral("connectServer"), tr("Connect to a server database…"),
            tr("The national office's database on a PostgreSQL server."), QStyle::SP_DriveNetIcon },
        { Choice::OpenDemo, QStringLiteral("openDemo"), tr("Open the demo database"),
            tr("A realistic national data set (8,000 teachers, 1,500 partners) is created to try Köprü out. "
               "It takes a few seconds and replaces the previous demo database."),
            QStyle::SP_ComputerIcon },
    };

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    for (const Entry &e : entries) {
        auto *button = new QCommandLinkButton(e.title, e.description, this);
        button->setObjectName(e.objectName);
        button->setIcon(style()->standardIcon(e.icon));
        const Choice choice = e.choice;
        connect(button, &QCommandLinkButton::clicked, this, [this, choice] { choose(choice); });
        layout->addWidget(button);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

void StartDialog::choose(Choice choice)
{
    m_choice = choice;
    accept();
}

} // namespace kopru
