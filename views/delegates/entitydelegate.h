// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace kopru {

// Editor per value kind (ValueKindRole of the index): combo boxes for
// province/field/centre (ChoicesRole), date editors showing dd.MM.yyyy, spin
// (an optional date can be cleared: "(none)", or Delete), spin
// boxes for numbers and 1–5 ratings (0 = "not applicable"), line edits with
// input hints for national ID, e-mail and phone. The model validates the value
// and refuses with a reason; the delegate only makes typing the right thing easy.
class EntityDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit EntityDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace kopru
