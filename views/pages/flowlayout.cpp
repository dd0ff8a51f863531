// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/flowlayout.h"

#include <QSpacerItem>
#include <QStyle>
#include <QWidget>
#include <algorithm>

namespace kopru {

namespace {

constexpr int kFallbackGap = 6;

bool isShown(QLayoutItem *item)
{
    return item->spacerItem() || !item->isEmpty();
}

} // namespace

FlowLayout::FlowLayout(QWidget *parent)
    : QLayout(parent)
{ }

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addWidget(QWidget *widget, int stretch)
{
    QLayout::addWidget(widget);
    if (stretch > 0 && !m_items.isEmpty())
        m_stretch.insert(m_items.last(), stretch);
}

void FlowLayout::addStretch()
{
    addItem(new QSpacerItem(0, 0, QSizePolicy::Expanding, QSizePolicy::Minimum));
}

void FlowLayout::addSpacing(int size)
{
    addItem(new QSpacerItem(size, 0, QSizePolicy::Fixed, QSizePolicy::Minimum));
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
    invalidate();
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return index >= 0 && index < m_items.size() ? m_items.at(index) : nullptr;
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    QLayoutItem *item = m_items.takeAt(index);
    m_stretch.remove(item);
    invalidate();
    return item;
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return Qt::Horizontal;
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return doLayout(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    QSize size;
    for (QLayoutItem *item : m_items)
        if (isShown(item) && !item->spacerItem())
            size = size.expandedTo(QSize(item->minimumSize().width(), item->sizeHint().height()));
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const
{
    int width = 0, height = 0, shown = 0;
    for (QLayoutItem *item : m_items) {
        if (!isShown(item))
            continue;
        width += item->sizeHint().width();
        height = std::max(height, item->sizeHint().height());
        ++shown;
    }
    width += std::max(0, shown - 1) * horizontalGap();
    const QMargins m = contentsMargins();
    return QSize(width + m.left() + m.right(), height + m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    doLayout(rect, true);
}

int FlowLayout::horizontalGap() const
{
    if (spacing() >= 0)
        return spacing();
    const QWidget *parent = parentWidget();
    const int gap = parent ? parent->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, parent) : -1;
    return gap >= 0 ? gap : kFallbackGap;
}

int FlowLayout::verticalGap() const
{
    if (spacing() >= 0)
        return spacing();
    const QWidget *parent = parentWidget();
    const int gap = parent ? parent->style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing, nullptr, parent) : -1;
    return gap >= 0 ? gap : kFallbackGap;
}

int FlowLayout::doLayout(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int available = std::max(1, area.width());
    const int hGap = horizontalGap();
    const int vGap = verticalGap();

    // Break the shown items into rows at their size hints.
    QList<QList<QLayoutItem *>> rows(1);
    int x = 0;
    for (QLayoutItem *item : m_items) {
        if (!isShown(item))
            continue;
        const int w = std::min(item->sizeHint().width(), available);
        if (!rows.last().isEmpty() && x + w > available) {
            rows.append(QList<QLayoutItem *>());
            x = 0;
        }
        if (rows.last().isEmpty() && item->spacerItem())
            continue; // a row never starts with a gap
        rows.last().append(item);
        x += w + hGap;
    }

    int y = area.top();
    for (const QList<QLayoutItem *> &row : rows) {
        if (row.isEmpty())
            continue;
        QList<int> widths;
        int used = 0, height = 0, expanding = 0, stretches = 0;
        for (QLayoutItem *item : row) {
            const int w = std::max(item->minimumSize().width(), std::min(item->sizeHint().width(), available));
            widths.append(w);
            used += w;
            height = std::max(height, item->sizeHint().height());
            stretches += m_stretch.value(item);
            if (item->expandingDirections() & Qt::Horizontal)
                ++expanding;
        }
        used += hGap * int(row.size() - 1);
        // The room left goes to the items with a stretch factor if there are
        // any, else to the items that expand (a stretch pushes what follows right).
        const int extra = std::max(0, available - used);
        const int takers = stretches > 0 ? stretches : expanding;
        const int share = takers > 0 ? extra / takers : 0;
        if (apply) {
            int left = area.left();
            for (int i = 0; i < row.size(); ++i) {
                QLayoutItem *item = row[i];
                int w = widths[i];
                const int parts
                    = stretches > 0 ? m_stretch.value(item) : ((item->expandingDirections() & Qt::Horizontal) ? 1 : 0);
                if (parts > 0 && share > 0)
                    w = std::min(w + parts * share, std::max(w, item->maximumSize().width()));
                const int h = std::min(height, std::max(item->minimumSize().height(), item->sizeHint().height()));
                item->setGeometry(QRect(left, y + (height - h) / 2, w, h));
                left += w + hGap;
            }
        }
        y += height + vGap;
    }
    return std::max(0, y - vGap - area.top()) + contentsMargins().top() + contentsMargins().bottom();
}

} // namespace kopru
