// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/pages/page.h"

class QComboBox;
class QLabel;
class QTableView;

namespace kopru {

class OverviewModel;
class TurkishFilterProxy;

// The first page: total tiles (teachers, surveyed, partners, session places,
// placed) and a table of the same counts per pilot field or per centre.
class OverviewPage final : public Page
{
    Q_OBJECT
public:
    OverviewPage(QUndoStack *undo, QWidget *parent);

    QString pageName() const override { return QStringLiteral("overview"); }
    QString pageTitle() const override;
    void setDatabase(Database *db) override;
    void setFieldCode(const QString &code) override;
    void refresh() override;
    QTableView *printTable() const override { return m_table; }

private:
    struct Tile
    {
        QLabel *value = nullptr;
        QLabel *detail = nullptr;
    };
    QWidget *createTiles();
    Tile addTile(QWidget *parent, const QString &caption, const QString &toolTip);
    void updateTiles();
    void selectField(const QString &code);

    Database *m_db = nullptr;
    OverviewModel *m_model = nullptr;
    TurkishFilterProxy *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_grouping = nullptr;
    QLabel *m_source = nullptr;
    Tile m_teachers, m_surveyed, m_partners, m_places, m_placed;
    QString m_fieldCode;
};

} // namespace kopru
