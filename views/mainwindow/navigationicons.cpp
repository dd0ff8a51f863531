// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/mainwindow/navigationicons.h"

#include <QStyle>

namespace kopru {

QIcon navigationIcon(const QString &pageName, const QStyle *style)
{
    struct Entry
    {
        const char *name;
        QStyle::StandardPixmap pixmap;
    };
    static const Entry kIcons[] = {
        { "overview", QStyle::SP_ComputerIcon },
        { "teachers", QStyle::SP_DirHomeIcon },
        { "competencies", QStyle::SP_FileDialogDetailedView },
        { "partners", QStyle::SP_DriveNetIcon },
        { "needs", QStyle::SP_FileDialogInfoView },
        { "placement", QStyle::SP_DialogApplyButton },
        { "schedule", QStyle::SP_FileDialogListView },
        { "quality", QStyle::SP_FileDialogContentsView },
        { "exchange", QStyle::SP_BrowserReload },
    };
    for (const Entry &e : kIcons)
        if (pageName == QLatin1String(e.name))
            return style->standardIcon(e.pixmap);
    return style->standardIcon(QStyle::SP_FileIcon);
}

} // namespace kopru
