// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/savedfiles.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QUrl>

namespace kopru::SavedFiles {

namespace {

const QString kKey = QStringLiteral("dialogs/lastSaveFolder");

UrlOpener &opener()
{
    static UrlOpener open = [](const QUrl &url) { return QDesktopServices::openUrl(url); };
    return open;
}

} // namespace

QString lastFolder(const QString &fallback)
{
    const QString stored = QSettings().value(kKey).toString();
    return !stored.isEmpty() && QFileInfo(stored).isDir() ? stored : fallback;
}

QString suggestion(const QString &fileName, const QString &fallback)
{
    return QDir(lastFolder(fallback)).filePath(fileName);
}

void remember(const QString &filePath)
{
    if (!filePath.isEmpty())
        QSettings().setValue(kKey, QFileInfo(filePath).absolutePath());
}

QMessageBox *offer(QWidget *parent, const QString &filePath, const QString &message)
{
    remember(filePath);
    // Not modal: the user may carry on working and come back to it.
    auto *box = new QMessageBox(QMessageBox::Information, QCoreApplication::translate("SavedFiles", "File saved"), message,
        QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("savedFileMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    box->setInformativeText(QDir::toNativeSeparators(filePath));
    QPushButton *open = box->addButton(QCoreApplication::translate("SavedFiles", "&Open"), QMessageBox::ActionRole);
    open->setObjectName(QStringLiteral("openSavedFile"));
    QPushButton *folder = box->addButton(QCoreApplication::translate("SavedFiles", "Show in &Folder"), QMessageBox::ActionRole);
    folder->setObjectName(QStringLiteral("showSavedFileFolder"));
    box->addButton(QMessageBox::Close);
    box->setDefaultButton(QMessageBox::Close);
    const QString file = QFileInfo(filePath).absoluteFilePath();
    QObject::connect(box, &QMessageBox::buttonClicked, box, [open, folder, file](QAbstractButton *clicked) {
        if (clicked == open)
            opener()(QUrl::fromLocalFile(file));
        else if (clicked == folder)
            opener()(QUrl::fromLocalFile(QFileInfo(file).absolutePath()));
    });
    box->show();
    return box;
}

void setUrlOpener(UrlOpener open)
{
    opener() = std::move(open);
}

} // namespace kopru::SavedFiles
