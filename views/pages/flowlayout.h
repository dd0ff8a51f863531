// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QLayout>
#include <QList>

namespace kopru {

// A row of controls that wraps onto further rows when the window is too
// narrow for it, so that a toolbar never sets the window's minimum width
// (issue #18: the window must fit a 1280×720 laptop screen). Items keep their
// size hint; the room left in a row goes to the items with a stretch factor
// (in proportion, as in QBoxLayout), or when a row has none, to the items that
// expand horizontally (line edits, stretches added with addStretch()), so that
// on a wide window it looks like the QHBoxLayout it replaces.
class FlowLayout final : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;

    // Adds `widget` with a stretch factor (like QBoxLayout::addWidget).
    void addWidget(QWidget *widget, int stretch = 0);
    // An empty item that takes the room left in its row (like QBoxLayout::addStretch).
    void addStretch();
    // A fixed gap of `size` pixels (like QBoxLayout::addSpacing).
    void addSpacing(int size);

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    // Lays the items out in `rect` (only measures unless `apply`); returns the height used.
    int doLayout(const QRect &rect, bool apply) const;
    int horizontalGap() const;
    int verticalGap() const;

    QList<QLayoutItem *> m_items;
    QHash<const QLayoutItem *, int> m_stretch;
};

} // namespace kopru
