// SPDX-License-Identifier: GPL-3.0-or-later
#include "pages/placeholderpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace kopru {

PlaceholderPage::PlaceholderPage(QString name, QString title, QUndoStack *undo, QWidget *parent)
    : Page(undo, parent), m_name(std::move(name)), m_title(std::move(title))
{
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("%1 — in preparation").arg(m_title), this);
    label->setAlignment(Qt::AlignCenter);
    layout->addWidget(label);
}

} // namespace kopru
