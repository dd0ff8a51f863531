// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QMenu;
class QPoint;
class QTableView;

namespace kopru {

// Show and hide the columns of a table, as in Excel: a right click on the
// column headers opens a menu with "Hide Column “X”", one checkable entry per
// column and "Show All Columns". The hidden columns are remembered in
// QSettings under "pages/<settingsName>/hiddenColumns" and hidden again when
// the table is next shown (also after its model is reset). The last visible
// column cannot be hidden. Copy, print and "Export Table" leave hidden
// columns out (TableSnapshot).
class ColumnChooser final : public QObject
{
    Q_OBJECT
public:
    // Attaches to `view` (and is owned by it).
    static ColumnChooser *install(QTableView *view, const QString &settingsName);

    // The menu shown for a right click on column `logicalColumn` (-1: not on
    // a column); the caller owns it. Public for tests.
    QMenu *createMenu(int logicalColumn) const;
    void setColumnVisible(int logicalColumn, bool visible);
    void showAllColumns();

signals:
    // A column was hidden or shown by the user.
    void columnsChanged();

private:
    ColumnChooser(QTableView *view, const QString &settingsName);
    void applySaved();
    void save() const;
    int visibleCount() const;
    void showMenu(const QPoint &pos);

    QTableView *m_view;
    QString m_key;
};

} // namespace kopru
