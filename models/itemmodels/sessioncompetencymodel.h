// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSqlDatabase>
#include <QUndoStack>
#include <vector>

namespace kopru {

// The competencies of a session's field, checked when the session covers them
// (one query). Checking or unchecking is an undoable SetCoverageCommand.
class SessionCompetencyModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Code, Title, ColumnCount };

    explicit SessionCompetencyModel(QObject *parent = nullptr);
    void setUndoStack(QUndoStack *stack) { m_undoStack = stack; }
    Status load(QSqlDatabase db, int sessionId);
    int sessionId() const { return m_sessionId; }
    int coveredCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

signals:
    void editRefused(const QString &reason);

private:
    struct Row
    {
        int competencyId = 0;
        QString code, title;
        bool covered = false;
    };
    std::vector<Row> m_rows;
    QSqlDatabase m_db;
    int m_sessionId = 0;
    QPointer<QUndoStack> m_undoStack;
};

} // namespace kopru
