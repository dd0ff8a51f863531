// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/lookups.h"
#include "views/pages/page.h"

class QSplitter;

namespace kopru {

class EntityBrowser;
class PartnerDetailPanel;
class PartnerTableModel;

// Partners & sessions: industry partners in an editable table; the selected
// partner's sessions and the competencies each covers beside it.
class PartnersPage final : public Page
{
    Q_OBJECT
public:
    PartnersPage(QUndoStack *undo, QWidget *parent);
    ~PartnersPage() override;

    QString pageName() const override { return QStringLiteral("partners"); }
    QString pageTitle() const override { return tr("Partners & sessions"); }
    void setDatabase(Database *db) override;
    void setFieldCode(const QString &code) override;
    void refresh() override;
    QLineEdit *searchEdit() const override;
    QTableView *printTable() const override;

    EntityBrowser *browser() const { return m_browser; }
    PartnerDetailPanel *detail() const { return m_detail; }

private:
    void addPartner();
    void deleteSelected();
    void currentChanged();

    Database *m_db = nullptr;
    Lookups m_lookups;
    PartnerTableModel *m_model;
    EntityBrowser *m_browser;
    PartnerDetailPanel *m_detail;
    QSplitter *m_splitter;
    int m_fieldId = 0;
    QString m_fieldCode; // from setFieldCode(), resolved when the lookups are loaded
};

} // namespace kopru
