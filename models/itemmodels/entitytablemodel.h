// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/editing/deleterowscommand.h"
#include "models/itemmodels/columnspec.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QSqlDatabase>
#include <QUndoStack>
#include <vector>

namespace kopru {

class Lookups;

// Base of the entity tables (teachers, competencies, partners, sessions): all
// rows of one table loaded with one query into memory, ids of reference data
// shown by name from Lookups, a Turkish search key per row, and every edit
// validated (ValueCheck + rowProblem) and written through an undo command.
// Rows follow ChangeNotifier, so undo/redo from anywhere updates the table.
class EntityTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    EntityTableModel(QString table, std::vector<ColumnSpec> columns, QObject *parent);

    // Edits become undo commands on `stack` (null: applied without undo).
    void setUndoStack(QUndoStack *stack) { m_undoStack = stack; }
    // Loads every row; `lookups` must outlive the model's use of it.
    Status load(QSqlDatabase db, const Lookups *lookups);
    void clear();

    const QString &table() const { return m_table; }
    const ColumnSpec &column(int c) const { return m_columns.at(std::size_t(c)); }
    int columnOf(const char *dbColumn) const;
    int rowOfId(int id) const { return m_rowOfId.value(id, -1); }
    // Row `row` as the user sees it: its version, global id and name, which
    // a change of it made elsewhere carries (RowVersion).
    SeenRow seenRow(int row) const;
    int idAt(int row) const { return m_rows.at(std::size_t(row)).id; }
    QVariant rawValue(int row, int column) const { return m_rows.at(std::size_t(row)).values.at(column); }

    // Inserts a row (column → value; each value validated like an edit, the
    // required columns must be present); returns its id.
    Expected<int> insertRecord(const QVariantMap &values, const QString &description);
    // Deletes rows and what depends on them in one undoable command.
    Status removeIds(const QList<int> &ids, bool removePlacements);
    // How many placements removing `ids` would remove.
    Expected<int> placementsAffected(const QList<int> &ids) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

signals:
    // An edit was refused; the translated reason names the column.
    void editRefused(const QString &reason);

protected:
    // "SELECT id, <one expression per column> FROM <table>", no WHERE. The
    // row's version and uid are added after "SELECT id, " (RowVersion), so an
    // unqualified `version` or `uid` must mean the table's own.
    virtual QString selectSql() const = 0;
    // Extra condition limiting the rows (e.g. "partner_id = ?") and its bindings.
    virtual QString scopeCondition() const { return {}; }
    virtual QVariantList scopeBindings() const { return {}; }
    virtual DeleteRowsCommand::Entity entity() const = 0;
    // Cross-column or cross-row checks of an edit; a translated reason or empty.
    // `row` is -1 for a row about to be inserted.
    virtual QString rowProblem(int row, int column, const QVariant &value) const;
    // A short human name of the row for undo texts ("Ayşe Işık").
    virtual QString describe(int row) const;
    // Other tables whose changes alter what this model shows (reload all then).
    virtual QStringList dependsOn() const { return {}; }

    QSqlDatabase database() const { return m_db; }
    const Lookups *lookups() const { return m_lookups; }
    QString displayText(int row, int column) const;

private:
    struct Row
    {
        int id = 0;
        QVariant version, uid; // as loaded: what an edit of the row expects (RowVersion)
        QVector<QVariant> values;
        QString searchKey;
    };

    Expected<std::vector<Row>> query(const QString &extraCondition, const QVariantList &bindings) const;
    void reloadRows(const QList<int> &ids);
    void reloadAll();
    void rebuildIndex();
    void computeSearchKey(Row &row) const;
    int firstColumnOfKind(ValueKind kind) const;
    QString problemOfStored(int row, int column) const;

    QString m_table;
    std::vector<ColumnSpec> m_columns;
    std::vector<Row> m_rows;
    QHash<int, int> m_rowOfId;
    QSqlDatabase m_db;
    const Lookups *m_lookups = nullptr;
    QPointer<QUndoStack> m_undoStack;
};

} // namespace kopru
