// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/viewstate.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>
#include <QScrollBar>

namespace kopru {

ViewState ViewState::save(QWidget *root)
{
    ViewState state;
    for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
        if (!view->model())
            continue;
        View v;
        v.view = view;
        const QModelIndex current = view->currentIndex();
        if (current.isValid()) {
            v.row = current.row();
            v.column = current.column();
            v.key = current.siblingAtColumn(0).data(Qt::DisplayRole);
        }
        v.vertical = view->verticalScrollBar()->value();
        v.horizontal = view->horizontalScrollBar()->value();
        state.m_views << v;
    }
    return state;
}

void ViewState::restore() const
{
    for (const View &v : m_views) {
        QAbstractItemView *view = v.view;
        if (!view || !view->model() || !view->selectionModel())
            continue;
        const QAbstractItemModel *model = view->model();
        if (v.row >= 0 && model->rowCount() > 0) {
            QModelIndex at;
            if (v.key.isValid() && !v.key.toString().isEmpty()) {
                const QModelIndexList found
                    = model->match(model->index(0, 0), Qt::DisplayRole, v.key, 1, Qt::MatchExactly | Qt::MatchWrap);
                if (!found.isEmpty())
                    at = found.first().siblingAtColumn(v.column);
            }
            if (!at.isValid() && v.row < model->rowCount())
                at = model->index(v.row, std::min(v.column, model->columnCount() - 1));
            if (at.isValid() && at != view->currentIndex()) {
                QItemSelectionModel::SelectionFlags flags = QItemSelectionModel::ClearAndSelect;
                if (view->selectionBehavior() == QAbstractItemView::SelectRows)
                    flags |= QItemSelectionModel::Rows;
                view->selectionModel()->setCurrentIndex(at, flags);
            }
        }
        view->verticalScrollBar()->setValue(v.vertical);
        view->horizontalScrollBar()->setValue(v.horizontal);
    }
}

} // namespace kopru
