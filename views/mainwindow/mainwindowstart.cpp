// SPDX-License-Identifier: GPL-3.0-or-later
// Starting without a database: the start dialog and the demo database.
#include "models/db/database.h"
#include "views/dialogs/startdialog.h"
#include "views/mainwindow/demodatabase.h"
#include "views/mainwindow/mainwindow.h"

#include <QDir>
#include <QFileInfo>

namespace kopru {

bool MainWindow::openDemoDatabase()
{
    // The demo is built once and then reused, so trial edits are not lost.
    if (QFileInfo::exists(demoDatabasePath()))
        return openFile(demoDatabasePath());
    if (m_db && QFileInfo(m_db->path()) == QFileInfo(demoDatabasePath()))
        setDatabase(nullptr);
    const QString path = buildDemoDatabase(this);
    return !path.isEmpty() && openFile(path);
}

bool MainWindow::offerStart()
{
    while (!m_db) {
        StartDialog dialog(this);
        if (dialog.exec() != QDialog::Accepted)
            break;
        switch (dialog.choice()) {
        case StartDialog::Choice::CreateNew:
            newDatabase();
            break;
        case StartDialog::Choice::OpenExisting:
            openDatabase();
            break;
        case StartDialog::Choice::ConnectServer:
            connectToServer();
            break;
        case StartDialog::Choice::OpenDemo:
            openDemoDatabase();
            break;
        case StartDialog::Choice::None:
            break;
        }
    }
    return m_db != nullptr;
}

} // namespace kopru
