// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/delegates/numberdelegate.h"

#include <QPersistentModelIndex>
#include <QPointer>
#include <optional>

class QAbstractItemView;

namespace kopru {

// Editor per value kind (ValueKindRole of the index): combo boxes for
// province/field/centre (ChoicesRole), date editors showing dd.MM.yyyy, spin
// (an optional date can be cleared: "(none)", or Delete), spin
// boxes for numbers and 1–5 ratings (0 = "not applicable"), line edits with
// input hints for national ID, e-mail and phone. The model validates the value
// and refuses with a reason; the delegate only makes typing the right thing easy.
// A refused value (Enter, Tab) keeps the editor open with the typed text, a red
// frame and the model's reason just under it (RefusalNote), until the user
// corrects it or presses Esc, which closes the editor and keeps the old value.
// Leaving a refused value with the mouse (another cell, elsewhere in the
// window) does not lose it either: the view closes the editor, the delegate
// opens it again on the same cell with the typed value and the reason, as a
// spreadsheet's validation does. Only Esc (or a value accepted) lets go.
class EntityDelegate final : public NumberDelegate
{
    Q_OBJECT
public:
    explicit EntityDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void destroyEditor(QWidget *editor, const QModelIndex &index) const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void writeValue(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const;
    // Enter, Tab or Backtab in `editor`: commits; closes the editor with `hint`
    // unless the value was refused. Always consumes the key.
    bool commitOrExplain(QWidget *editor, EndEditHint hint);

    // Opens the editor closed with a refused value again (see destroyEditor).
    void reopen(QAbstractItemView *view);

    mutable QPointer<QWidget> m_refusedEditor; // the editor whose last value was refused
    mutable QString m_refusedReason; // and why
    struct Reopen
    {
        QPersistentModelIndex index;
        QVariant typed; // the editor's user property (its text, value, date)
        QString reason;
    };
    mutable std::optional<Reopen> m_reopen;
};

} // namespace kopru
