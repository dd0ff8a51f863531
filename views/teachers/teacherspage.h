// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/lookups.h"
#include "views/pages/page.h"

class QSplitter;

namespace kopru {

class EntityBrowser;
class TeacherDetailPanel;
class TeacherTableModel;

// Teachers: the national survey's teachers in a searchable, filterable, editable
// table with the selected teacher's ratings and placements beside it.
class TeachersPage final : public Page
{
    Q_OBJECT
public:
    TeachersPage(QUndoStack *undo, QWidget *parent);
    ~TeachersPage() override;

    QString pageName() const override { return QStringLiteral("teachers"); }
    QString pageTitle() const override { return tr("Teachers"); }
    void setDatabase(Database *db) override;
    void setFieldCode(const QString &code) override;
    void refresh() override;
    QLineEdit *searchEdit() const override;
    QTableView *printTable() const override;

    EntityBrowser *browser() const { return m_browser; }

    // A centre proposes a correction of a value of the current teacher's
    // identity, which the national office owns (docs/exchange.md): asks the new
    // value and the reason in a form, then records the proposal (undoable).
    void askCorrection(const QString &dbColumn);
    // The teacher columns a centre may propose a correction of here.
    static QStringList correctableColumns();

private:
    void addTeacher();
    void deleteSelected();
    void eraseCurrent();
    void showContextMenu(const QPoint &pos);
    void currentChanged();
    bool isCentre() const;

    Database *m_db = nullptr;
    Lookups m_lookups;
    TeacherTableModel *m_model;
    EntityBrowser *m_browser;
    TeacherDetailPanel *m_detail;
    QSplitter *m_splitter;
    QString m_pendingFieldCode;
};

} // namespace kopru
