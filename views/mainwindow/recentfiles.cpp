// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/mainwindow/recentfiles.h"

#include "models/db/serverurl.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace kopru {

namespace {
const QString kKey = QStringLiteral("recentFiles");

// A file's absolute path; a server database's URL without its password.
QString normalised(const QString &path)
{
    if (ServerUrl::isServerUrl(path)) {
        auto url = ServerUrl::parse(path);
        return url ? url->display() : QString();
    }
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}
} // namespace

RecentFiles::RecentFiles(QMenu *menu, QObject *parent)
    : QObject(parent)
    , m_menu(menu)
{
    load();
    rebuildMenu();
}

void RecentFiles::add(const QString &path)
{
    const QString p = normalised(path);
    if (p.isEmpty())
        return;
    m_files.removeAll(p);
    m_files.prepend(p);
    while (m_files.size() > kMaximum)
        m_files.removeLast();
    store();
    rebuildMenu();
}

void RecentFiles::remove(const QString &path)
{
    m_files.removeAll(normalised(path));
    store();
    rebuildMenu();
}

void RecentFiles::clear()
{
    m_files.clear();
    store();
    rebuildMenu();
}

void RecentFiles::load()
{
    m_files.clear();
    const QStringList list = QSettings().value(kKey).toStringList();
    for (const QString &stored : list) {
        const QString p = ServerUrl::isServerUrl(stored) ? normalised(stored) : stored; // never a password
        if (!p.isEmpty() && !m_files.contains(p) && m_files.size() < kMaximum)
            m_files.append(p);
    }
}

void RecentFiles::store() const
{
    QSettings().setValue(kKey, m_files);
}

void RecentFiles::rebuildMenu()
{
    if (!m_menu)
        return;
    m_menu->clear();
    for (int i = 0; i < m_files.size(); ++i) {
        const QString path = m_files.at(i);
        // "&1 name" gives keyboard access to the first nine entries.
        const QString name = ServerUrl::shortName(path);
        const QString label = i < 9 ? QStringLiteral("&%1 %2").arg(i + 1).arg(name) : name;
        QAction *action = m_menu->addAction(label);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] {
            if (!ServerUrl::isServerUrl(path) && !QFileInfo::exists(path)) {
                remove(path);
                emit fileMissing(path);
                return;
            }
            emit openRequested(path);
        });
    }
    if (!m_files.isEmpty()) {
        m_menu->addSeparator();
        connect(m_menu->addAction(tr("&Clear List")), &QAction::triggered, this, &RecentFiles::clear);
    }
    m_menu->setEnabled(!m_files.isEmpty());
}

} // namespace kopru
