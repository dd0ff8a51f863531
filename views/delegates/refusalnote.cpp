// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/delegates/refusalnote.h"

#include <QEvent>
#include <QVariant>

namespace kopru {

namespace {

const char *const kNoteProperty = "kopruRefusalNote";

} // namespace

RefusalNote::RefusalNote(QWidget *editor, const QString &reason)
    : QLabel(reason, editor->parentWidget())
    , m_editor(editor)
    , m_editorStyle(editor->styleSheet())
{
    setObjectName(QStringLiteral("refusalNote"));
    setWordWrap(true);
    setForegroundRole(QPalette::ToolTipText);
    setBackgroundRole(QPalette::ToolTipBase);
    setAutoFillBackground(true);
    setFrameShape(QFrame::Box);
    setMargin(3);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    editor->setProperty(kNoteProperty, QVariant::fromValue<QObject *>(this));
    editor->setStyleSheet(
        QStringLiteral("%1 { border: 2px solid #c62828; }").arg(QString::fromLatin1(editor->metaObject()->className())));
    editor->setToolTip(reason);
    editor->installEventFilter(this);
    place();
    QLabel::show();
    raise();
}

void RefusalNote::showAt(QWidget *editor, const QString &reason)
{
    if (!editor || !editor->parentWidget())
        return;
    if (RefusalNote *note = of(editor)) {
        note->setText(reason);
        editor->setToolTip(reason);
        note->place();
        return;
    }
    new RefusalNote(editor, reason);
}

void RefusalNote::removeFrom(QWidget *editor)
{
    RefusalNote *note = of(editor);
    if (!note)
        return;
    editor->removeEventFilter(note);
    editor->setStyleSheet(note->m_editorStyle);
    editor->setToolTip(QString());
    editor->setProperty(kNoteProperty, QVariant());
    note->hide();
    note->deleteLater();
}

RefusalNote *RefusalNote::of(const QWidget *editor)
{
    return editor ? qobject_cast<RefusalNote *>(editor->property(kNoteProperty).value<QObject *>()) : nullptr;
}

bool RefusalNote::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor) {
        switch (event->type()) {
        case QEvent::Move:
        case QEvent::Resize:
            place();
            break;
        case QEvent::Hide: // the editor closes (Esc) or goes away
            removeFrom(m_editor);
            break;
        default:
            break;
        }
    }
    return QLabel::eventFilter(watched, event);
}

void RefusalNote::place()
{
    if (!m_editor || !parentWidget())
        return;
    const QRect cell = m_editor->geometry();
    const QRect room = parentWidget()->rect();
    const int width = std::max(cell.width(), std::min(sizeHint().width(), room.width() - 4));
    const int height = heightForWidth(width) > 0 ? heightForWidth(width) : sizeHint().height();
    int x = std::min(cell.left(), room.right() - width);
    x = std::max(x, 0);
    int y = cell.bottom() + 1;
    if (y + height > room.bottom() && cell.top() - height - 1 >= 0)
        y = cell.top() - height - 1;
    setGeometry(x, y, width, height);
}

} // namespace kopru
