// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/schedule/monthdaydelegate.h"

#include "models/export/monthcalendarmodel.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>

namespace kopru {

using exporting::MonthCalendarModel;

namespace {

constexpr int kPad = 2;

int lineHeight(const QFontMetrics &metrics)
{
    return metrics.height() + 2;
}

// The rectangle of the `line`-th line under the day's number.
QRect lineRect(const QRect &cell, const QFontMetrics &metrics, int line)
{
    const int top = cell.top() + kPad + metrics.height() + 1 + line * lineHeight(metrics);
    return QRect(cell.left() + kPad, top, cell.width() - 2 * kPad, lineHeight(metrics) - 1);
}

std::vector<const MonthCalendarModel::Entry *> sessionsOf(const QModelIndex &index)
{
    const auto *calendar = qobject_cast<const MonthCalendarModel *>(index.model());
    if (!calendar)
        return {};
    return calendar->sessionsOn(index.data(MonthCalendarModel::DateRole).toDate());
}

} // namespace

MonthDayDelegate::MonthDayDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QColor MonthDayDelegate::fieldColour(const QString &fieldCode)
{
    // FNV-1a over the code: the same colour in every run and on every machine
    // (qHash may be seeded per process).
    quint32 h = 2166136261u;
    for (const QChar ch : fieldCode) {
        h ^= ch.unicode();
        h *= 16777619u;
    }
    return QColor::fromHsv(int(h % 360), 55, 245);
}

QString MonthDayDelegate::fittedLabel(
    const QString &partner, const QString &fieldCode, const QString &field, const QFontMetrics &metrics, int width)
{
    const QString whole = partner + QStringLiteral(" — ") + field;
    if (metrics.horizontalAdvance(whole) <= width)
        return whole;
    const QString tag = fieldCode + QStringLiteral(" · ");
    return metrics.elidedText(tag + partner, Qt::ElideRight, width);
}

int MonthDayDelegate::shownLines(const QRect &rect, const QFontMetrics &metrics, int count)
{
    const int room = std::max(0, (rect.height() - 2 * kPad - metrics.height() - 1) / lineHeight(metrics));
    return count <= room ? count : std::max(0, room - 1);
}

void MonthDayDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    const QPalette &palette = option.palette;
    const bool inMonth = index.data(MonthCalendarModel::InMonthRole).toBool();
    const QDate day = index.data(MonthCalendarModel::DateRole).toDate();
    painter->fillRect(option.rect, inMonth ? palette.base() : palette.window());
    if (option.state & QStyle::State_Selected)
        painter->fillRect(option.rect, palette.highlight().color().lighter(185));
    const QFontMetrics metrics = option.fontMetrics;

    // The day's number; today's in a frame.
    QFont dayFont = option.font;
    dayFont.setBold(day == QDate::currentDate());
    painter->setFont(dayFont);
    painter->setPen(inMonth ? palette.text().color() : palette.placeholderText().color());
    const QRect number(option.rect.left() + kPad, option.rect.top() + kPad, option.rect.width() - 2 * kPad, metrics.height());
    painter->drawText(number, Qt::AlignLeft | Qt::AlignVCenter, index.data().toString());
    if (day == QDate::currentDate()) {
        painter->setPen(QPen(palette.highlight().color(), 2));
        painter->drawRect(option.rect.adjusted(1, 1, -2, -2));
    }

    const auto sessions = sessionsOf(index);
    const int shown = shownLines(option.rect, metrics, int(sessions.size()));
    for (int i = 0; i < shown; ++i) {
        const MonthCalendarModel::Entry &e = *sessions[std::size_t(i)];
        const QRect line = lineRect(option.rect, metrics, i);
        QColor fill = fieldColour(e.fieldCode);
        if (!inMonth)
            fill.setAlpha(120);
        painter->setPen(e.sessionId == m_selected ? QPen(palette.text().color(), 2) : QPen(fill.darker(130)));
        painter->setBrush(fill);
        painter->drawRoundedRect(line.adjusted(0, 0, -1, -1), 3, 3);
        QFont font = option.font;
        font.setBold(e.sessionId == m_selected);
        painter->setFont(font);
        painter->setPen(QColor(Qt::black)); // on the light field colour in any theme
        const QRect text = line.adjusted(3, 0, -3, 0);
        painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
            fittedLabel(e.partnerName, e.fieldCode, e.fieldName, QFontMetrics(font), text.width()));
    }
    if (shown < int(sessions.size())) {
        painter->setFont(option.font);
        painter->setPen(palette.link().color());
        painter->drawText(lineRect(option.rect, metrics, shown).adjusted(3, 0, -3, 0), Qt::AlignLeft | Qt::AlignVCenter,
            MonthCalendarModel::moreLabel(int(sessions.size()) - shown));
    }
    painter->restore();
}

QSize MonthDayDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    // Small on purpose: the headers stretch the cells over the page, and the
    // grid must not widen the window (issue #18).
    return QSize(option.fontMetrics.horizontalAdvance(QLatin1Char('M')) * 4, option.fontMetrics.height() * 2);
}

int MonthDayDelegate::sessionAt(const QRect &rect, const QFontMetrics &metrics, const QModelIndex &index, QPoint pos) const
{
    const auto sessions = sessionsOf(index);
    const int shown = shownLines(rect, metrics, int(sessions.size()));
    for (int i = 0; i < shown; ++i)
        if (lineRect(rect, metrics, i).contains(pos))
            return sessions[std::size_t(i)]->sessionId;
    return 0;
}

bool MonthDayDelegate::editorEvent(
    QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            const int id = sessionAt(option.rect, option.fontMetrics, index, mouse->position().toPoint());
            if (id != 0) {
                m_selected = id;
                emit sessionClicked(id);
            }
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace kopru
