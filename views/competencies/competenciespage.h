// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/lookups.h"
#include "views/pages/page.h"

namespace kopru {

class CompetencyTableModel;
class EntityBrowser;

// Competencies: the field-specific competencies (code, Turkish and English
// title, unit, field) in one editable table, filtered by field.
class CompetenciesPage final : public Page
{
    Q_OBJECT
public:
    CompetenciesPage(QUndoStack *undo, QWidget *parent);
    ~CompetenciesPage() override;

    QString pageName() const override { return QStringLiteral("competencies"); }
    QString pageTitle() const override { return tr("Competencies"); }
    void setDatabase(Database *db) override;
    void setFieldCode(const QString &code) override;
    void refresh() override;
    QLineEdit *searchEdit() const override;
    QTableView *printTable() const override;

    EntityBrowser *browser() const { return m_browser; }

private:
    void addCompetency();
    void deleteSelected();

    Database *m_db = nullptr;
    Lookups m_lookups;
    CompetencyTableModel *m_model;
    EntityBrowser *m_browser;
    QString m_pendingFieldCode;
};

} // namespace kopru
