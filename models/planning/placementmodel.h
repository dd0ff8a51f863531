// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/itemmodels/roles.h"

#include <QAbstractTableModel>
#include <QSqlDatabase>
#include <vector>

namespace kopru {

// The placement plan as a read-only table (edits go through undo commands).
class PlacementModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlacementModel)
public:
    enum Column { Teacher, Field, Province, Partner, Dates, Score, StatusColumn, Locked, Reason, ColumnCount };
    // Roles (models/itemmodels/roles.h): IdRole (placement id), TeacherIdRole,
    // SessionIdRole, FieldIdRole, ProvinceIdRole (the teacher's province),
    // StatusRole, LockedRole, SearchKeyRole and SortRole; shown through
    // TurkishFilterProxy.

    explicit PlacementModel(QObject *parent = nullptr);

    // Reloads every placement that is not cancelled.
    Status reload(QSqlDatabase db);
    // Reads these placements again after an edit of them: a row changed in
    // place (dataChanged), one that is gone or cancelled now removed, one not
    // shown yet inserted in id order. At 100,000 teachers reload() reads
    // 53,000 rows (about 2 s), which each lock, move or confirm would cost.
    Status reloadRows(QSqlDatabase db, const QList<int> &placementIds);
    // Row of a placement id, -1 if absent.
    int rowOf(int placementId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(const QString &status);

private:
    struct Row
    {
        int id, teacherId, sessionId, fieldId, provinceId;
        QString teacher, field, province, partner, start, end, status, reason, searchKey;
        QVariant score;
        bool locked;
    };
    static Row rowFrom(const class QSqlQuery &q);

    std::vector<Row> m_rows; // by id, ascending
};

} // namespace kopru
