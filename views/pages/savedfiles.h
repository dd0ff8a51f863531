// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <functional>

class QMessageBox;
class QUrl;
class QWidget;

namespace kopru::SavedFiles {

// The folder the last file was saved to through any of Köprü's save dialogs
// (kept in QSettings), else `fallback`. Save dialogs start there.
QString lastFolder(const QString &fallback);
// `fileName` inside lastFolder(fallback).
QString suggestion(const QString &fileName, const QString &fallback);
// Remembers the folder of `filePath` for the next save dialog.
void remember(const QString &filePath);

// Tells that `filePath` was written (`message`), with "Open" (the file in its
// program) and "Show in Folder" (the folder in the file manager) buttons.
// The folder is remembered for the next save dialog. The message is not modal
// and closes itself when a button is clicked; returned for tests.
QMessageBox *offer(QWidget *parent, const QString &filePath, const QString &message);

// How URLs are opened (QDesktopServices::openUrl); tests replace it.
using UrlOpener = std::function<bool(const QUrl &)>;
void setUrlOpener(UrlOpener opener);

} // namespace kopru::SavedFiles
