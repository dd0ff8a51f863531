// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>
#include <QPointer>

namespace kopru {

// Why an edit was refused, shown at the cell: the editor gets a red frame and
// a note in tooltip colours just under it (above it when there is no room
// below), which follows the editor and goes with it (Esc, a value accepted).
class RefusalNote final : public QLabel
{
    Q_OBJECT
public:
    // Shows `reason` at `editor`, replacing a note it already has.
    static void showAt(QWidget *editor, const QString &reason);
    // Removes the note and the red frame from `editor`, if it has them.
    static void removeFrom(QWidget *editor);
    // The note shown at `editor`, nullptr when none.
    static RefusalNote *of(const QWidget *editor);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    RefusalNote(QWidget *editor, const QString &reason);
    void place();

    QPointer<QWidget> m_editor;
    QString m_editorStyle;
};

} // namespace kopru
