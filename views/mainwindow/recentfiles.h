// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace kopru {

// The "Open Recent" list: most recent first, at most kMaximum entries, kept in
// QSettings under "recentFiles". A server database is kept as its URL
// without the password (ServerUrl::display), shown as "kopru on dbserver". Fills a menu; choosing an entry whose file
// has gone removes it and reports that through fileMissing().
class RecentFiles final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaximum = 8;

    explicit RecentFiles(QMenu *menu, QObject *parent = nullptr);

    QStringList files() const { return m_files; }
    // Puts `path` first (moving it if already listed) and stores the list.
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

signals:
    void openRequested(const QString &path);
    void fileMissing(const QString &path);

private:
    void load();
    void store() const;
    void rebuildMenu();

    QMenu *m_menu;
    QStringList m_files;
};

} // namespace kopru
