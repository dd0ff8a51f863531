// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointer>
#include <QVariant>

class QAbstractItemView;
class QWidget;

namespace kopru {

// What the user sees of the item views (tables, lists) inside a widget: the
// current row and the scroll positions. Saved before a page reloads its data
// and restored afterwards, so that a reload the user did not ask for (another
// user's change, LiveRefresh) leaves the same row current and the view where
// it was. The current row is found again by the text of its first column
// (rows may have moved), else by its number.
class ViewState
{
public:
    static ViewState save(QWidget *root);
    void restore() const;

private:
    struct View
    {
        QPointer<QAbstractItemView> view;
        int row = -1;
        int column = 0;
        QVariant key; // the current row's first column (display text)
        int vertical = 0;
        int horizontal = 0;
    };
    QList<View> m_views;
};

} // namespace kopru
