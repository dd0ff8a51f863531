// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSqlDatabase>
#include <QUndoStack>
#include <vector>

namespace kopru {

// One teacher's need ratings: every competency of the teacher's field (loaded
// with a single query), need and proficiency 1–5, "not applicable" (NULL) or
// not rated. Edits become SetRatingCommands.
class RatingsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Code, Title, Need, Proficiency, ColumnCount };

    explicit RatingsModel(QObject *parent = nullptr);
    void setUndoStack(QUndoStack *stack) { m_undoStack = stack; }
    Status load(QSqlDatabase db, int teacherId);
    int teacherId() const { return m_teacherId; }

    struct Summary
    {
        int rated = 0; // need 1–5
        int notApplicable = 0; // rating row with need NULL
        double meanNeed = 0;
    };
    Summary summary() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // EditRole: 1–5, or 0 / null for "not applicable".
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

signals:
    void editRefused(const QString &reason);

private:
    struct Row
    {
        int competencyId = 0;
        QString code, title;
        bool rated = false; // a need_rating row exists
        QVariant need, proficiency;
        QVariant version; // of the rating row as loaded (RowVersion)
    };
    void reload();

    std::vector<Row> m_rows;
    QSqlDatabase m_db;
    int m_teacherId = 0;
    QPointer<QUndoStack> m_undoStack;
};

} // namespace kopru
