// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QSqlDatabase>
#include <QStringList>
#include <vector>

class QSqlQuery;

namespace kopru {

// A read-only table whose rows one query reads: setDatabase() and reload() run
// the query in a model reset and keep its error; the column titles and the
// column count come from headers(). A subclass gives the query, keeps one row
// per result row and says what each cell shows (data()). Subclass
// QueryTableModel<Row>, which holds the rows.
class QueryTableModelBase : public QAbstractTableModel
{
    Q_OBJECT
public:
    void setDatabase(QSqlDatabase db);
    // Reads all rows again.
    void reload();
    // The error of the last reload() (empty when it worked).
    QString lastError() const { return m_error; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    // With `reloadOnTable`, the model reloads itself when an undo command
    // reports that the whole table changed (ChangeNotifier::tableChanged).
    QueryTableModelBase(int columnCount, const QString &reloadOnTable, QObject *parent);

    QSqlDatabase database() const { return m_db; }

    // The SELECT that reads all rows.
    virtual QString selectSql() const = 0;
    virtual void clearRows() = 0;
    // Keeps the row `q` stands on.
    virtual void addRow(const QSqlQuery &q) = 0;
    // Called after the last row, once the query is finished (so that it may
    // query again).
    virtual void rowsLoaded() { }
    // The translated column titles, one per column.
    virtual QStringList headers() const = 0;

private:
    QSqlDatabase m_db;
    QString m_error;
    int m_columnCount = 0;
};

template <typename Row> class QueryTableModel : public QueryTableModelBase
{
public:
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }

protected:
    using QueryTableModelBase::QueryTableModelBase;

    void clearRows() override { m_rows.clear(); }
    // The row of `index`, nullptr when it is not a valid index of this model.
    const Row *rowAt(const QModelIndex &index) const
    {
        return checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
            ? &m_rows[std::size_t(index.row())]
            : nullptr;
    }

    std::vector<Row> m_rows;
};

} // namespace kopru
