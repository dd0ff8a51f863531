// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pages/page.h"

namespace kopru {

// Temporary page for work in progress: shows its title and a note.
class PlaceholderPage final : public Page
{
    Q_OBJECT
public:
    PlaceholderPage(QString name, QString title, QUndoStack *undo, QWidget *parent);
    QString pageName() const override { return m_name; }
    QString pageTitle() const override { return m_title; }
    void setDatabase(Database *) override {}

private:
    QString m_name, m_title;
};

} // namespace kopru
