// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/delegates/entitydelegate.h"

#include "models/editing/valuecheck.h"
#include "models/itemmodels/roles.h"
#include "views/delegates/refusalnote.h"
#include "views/delegates/refusalwatch.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QDateEdit>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMetaProperty>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QTimer>
#include <utility>

namespace kopru {

namespace {

// An optional date's editor shows this, its minimum, as "(none)": choosing it
// (or pressing Delete) clears the date.
const QDate kNoDate(1900, 1, 1);

ValueKind kindOf(const QModelIndex &index)
{
    const QVariant v = index.data(ValueKindRole);
    return v.isValid() ? ValueKind(v.toInt()) : ValueKind::Text;
}

// The item view an editor of a cell belongs to (the editor's parent is the
// view's viewport), nullptr for an editor of a form.
QAbstractItemView *viewOf(const QWidget *editor)
{
    const QWidget *viewport = editor->parentWidget();
    return viewport ? qobject_cast<QAbstractItemView *>(viewport->parentWidget()) : nullptr;
}

bool isCleared(const QDateEdit *date)
{
    return !date->specialValueText().isEmpty() && date->date() == kNoDate;
}

} // namespace

EntityDelegate::EntityDelegate(QObject *parent)
    : NumberDelegate(parent)
{ }

QWidget *EntityDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    switch (kindOf(index)) {
    case ValueKind::Province:
    case ValueKind::Field:
    case ValueKind::Centre: {
        auto *combo = new QComboBox(parent);
        if (kindOf(index) == ValueKind::Centre)
            combo->addItem(tr("(none)"), QVariant());
        for (const QVariant &choice : index.data(ChoicesRole).toList()) {
            const QVariantList pair = choice.toList();
            if (pair.size() == 2)
                combo->addItem(pair.at(1).toString(), pair.at(0));
        }
        combo->setMaxVisibleItems(20);
        return combo;
    }
    case ValueKind::Date: {
        auto *edit = new QDateEdit(parent);
        edit->setDisplayFormat(ValueCheck::dateDisplayFormat());
        edit->setCalendarPopup(true);
        if (!index.data(RequiredRole).toBool()) {
            edit->setMinimumDate(kNoDate);
            edit->setSpecialValueText(tr("(none)"));
            edit->setToolTip(tr("Delete clears the date"));
        }
        return edit;
    }
    case ValueKind::Integer:
    case ValueKind::Rating: {
        auto *spin = new QSpinBox(parent);
        spin->setRange(index.data(MinimumRole).toInt(), index.data(MaximumRole).toInt());
        if (spin->minimum() == 0 && kindOf(index) == ValueKind::Rating)
            spin->setSpecialValueText(tr("not applicable"));
        spin->setAlignment(Qt::AlignRight);
        return spin;
    }
    case ValueKind::NationalId: {
        auto *edit = new QLineEdit(parent);
        edit->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,11}")), edit));
        edit->setPlaceholderText(tr("11 digits"));
        return edit;
    }
    case ValueKind::Phone: {
        auto *edit = new QLineEdit(parent);
        edit->setPlaceholderText(tr("0XXX XXX XX XX"));
        return edit;
    }
    case ValueKind::Email: {
        auto *edit = new QLineEdit(parent);
        edit->setPlaceholderText(tr("name@example.org"));
        return edit;
    }
    default:
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
}

void EntityDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const int at = combo->findData(value);
        combo->setCurrentIndex(at >= 0 ? at : 0);
    } else if (auto *date = qobject_cast<QDateEdit *>(editor)) {
        const QDate current = value.toDate();
        if (current.isValid())
            date->setDate(current);
        else
            date->setDate(date->specialValueText().isEmpty() ? QDate::currentDate() : kNoDate);
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->setValue(value.isNull() ? spin->minimum() : value.toInt());
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setText(value.toString());
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void EntityDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    // The model validates and emits editRefused with the reason; a refused value
    // is not written, and the reason is shown at the editor.
    const RefusalWatch watch(model);
    writeValue(editor, model, index);
    if (watch.reason().isEmpty()) {
        RefusalNote::removeFrom(editor);
        m_refusedEditor = nullptr;
    } else {
        RefusalNote::showAt(editor, watch.reason());
        m_refusedEditor = editor;
        m_refusedReason = watch.reason();
    }
}

void EntityDelegate::destroyEditor(QWidget *editor, const QModelIndex &index) const
{
    // The view closes an editor whose value was just refused: the user left
    // the cell with the mouse (another cell, elsewhere in the window). Esc
    // clears m_refusedEditor first, so this is never an Esc.
    if (editor == m_refusedEditor && index.isValid()) {
        QAbstractItemView *view = viewOf(editor);
        if (view && view->isVisible()) {
            const QMetaProperty user = editor->metaObject()->userProperty();
            m_reopen = Reopen { index, user.isValid() ? user.read(editor) : QVariant(), m_refusedReason };
            auto *self = const_cast<EntityDelegate *>(this);
            QTimer::singleShot(0, view, [self, view] { self->reopen(view); });
        }
    }
    if (editor == m_refusedEditor)
        m_refusedEditor = nullptr;
    QStyledItemDelegate::destroyEditor(editor, index);
}

void EntityDelegate::reopen(QAbstractItemView *view)
{
    if (!m_reopen)
        return;
    const Reopen again = *std::exchange(m_reopen, std::nullopt);
    // Not when the cell or its view went meanwhile (a reload, another page).
    if (!again.index.isValid() || view->model() != again.index.model() || !view->isVisible())
        return;
    view->setCurrentIndex(again.index);
    view->edit(again.index);
    QWidget *editor = view->indexWidget(again.index);
    if (!editor)
        return;
    const QMetaProperty user = editor->metaObject()->userProperty();
    if (user.isValid() && again.typed.isValid())
        user.write(editor, again.typed);
    RefusalNote::showAt(editor, again.reason);
    m_refusedEditor = editor;
    m_refusedReason = again.reason;
    editor->setFocus();
}

void EntityDelegate::writeValue(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        model->setData(index, combo->currentData(), Qt::EditRole);
    else if (auto *date = qobject_cast<QDateEdit *>(editor))
        model->setData(index, isCleared(date) ? QVariant() : QVariant(date->date()), Qt::EditRole);
    else if (auto *spin = qobject_cast<QSpinBox *>(editor))
        model->setData(index, spin->value(), Qt::EditRole);
    else if (auto *line = qobject_cast<QLineEdit *>(editor))
        model->setData(index, line->text(), Qt::EditRole);
    else
        QStyledItemDelegate::setModelData(editor, model, index);
}

bool EntityDelegate::commitOrExplain(QWidget *editor, EndEditHint hint)
{
    if (auto *spin = qobject_cast<QAbstractSpinBox *>(editor))
        spin->interpretText(); // what Enter would have made of the typed text
    const QPointer<QWidget> guard(editor);
    m_refusedEditor = nullptr;
    emit commitData(editor); // the view calls setModelData
    if (!guard)
        return true;
    if (m_refusedEditor == editor) {
        editor->setFocus(); // stays open: the user corrects the value or presses Esc
        return true;
    }
    emit closeEditor(editor, hint);
    return true;
}

bool EntityDelegate::eventFilter(QObject *watched, QEvent *event)
{
    auto *editor = qobject_cast<QWidget *>(watched);
    if (editor && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        // Delete or Backspace with the whole date selected clears an optional date.
        auto *date = qobject_cast<QDateEdit *>(watched);
        if (date && !date->specialValueText().isEmpty()) {
            const bool allSelected
                = date->findChild<QLineEdit *>() && date->findChild<QLineEdit *>()->selectedText() == date->text();
            if (key->key() == Qt::Key_Delete || (key->key() == Qt::Key_Backspace && allSelected)) {
                date->setDate(kNoDate);
                return true;
            }
        }
        const bool plain = !(key->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier));
        if (plain) {
            switch (key->key()) {
            case Qt::Key_Tab:
                return commitOrExplain(editor, EditNextItem);
            case Qt::Key_Backtab:
                return commitOrExplain(editor, EditPreviousItem);
            case Qt::Key_Enter:
            case Qt::Key_Return:
                return commitOrExplain(editor, SubmitModelCache);
            case Qt::Key_Escape: // the old value stays; an editor that stays (a form's) loses the note
                RefusalNote::removeFrom(editor);
                m_refusedEditor = nullptr; // let it close
                break;
            default:
                break;
            }
        }
    }
    return QStyledItemDelegate::eventFilter(watched, event);
}

void EntityDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &) const
{
    editor->setGeometry(option.rect);
}

} // namespace kopru
