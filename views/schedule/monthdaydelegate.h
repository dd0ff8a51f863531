// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace kopru {

// Paints a day of exporting::MonthCalendarModel: the day's number, then one
// line per session ("partner — field", or "CODE · partner" in a narrow cell,
// on the field's colour), as many as fit;
// the rest are "+N more" (the cell's tooltip lists them all). Days of the
// neighbouring months are dimmed, today is framed, the selected session is in
// bold with a dark frame. A click on a session's line selects it.
class MonthDayDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MonthDayDelegate(QObject *parent = nullptr);

    void setSelectedSession(int sessionId) { m_selected = sessionId; }
    int selectedSession() const { return m_selected; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The session whose line is at `pos` in a cell drawn in `rect`, 0 when none.
    int sessionAt(const QRect &rect, const QFontMetrics &metrics, const QModelIndex &index, QPoint pos) const;
    // How many sessions a cell of `rect` shows before "+N more" for `count` sessions.
    static int shownLines(const QRect &rect, const QFontMetrics &metrics, int count);

    // The background of a field's sessions: a light colour of its own.
    static QColor fieldColour(const QString &fieldCode);
    // "partner — field" when it fits into `width`, else "CODE · partner" with
    // the partner's name shortened: the field's code (a few letters, never
    // cut) says what the colour says, the partner is what differs.
    static QString fittedLabel(
        const QString &partner, const QString &fieldCode, const QString &field, const QFontMetrics &metrics, int width);

signals:
    void sessionClicked(int sessionId);

protected:
    bool editorEvent(
        QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option, const QModelIndex &index) override;

private:
    int m_selected = 0;
};

} // namespace kopru
