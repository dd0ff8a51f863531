// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace kopru {

// A combo box of the index's ChoicesRole ({code, label} pairs) for a column
// of codes (an outcome, a reason); the code chosen is written as the EditRole,
// as soon as it is chosen. The model validates and refuses with a reason.
class ChoiceDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ChoiceDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace kopru
