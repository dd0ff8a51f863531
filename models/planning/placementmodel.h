// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
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
    enum Role {
        PlacementIdRole = Qt::UserRole + 1,
        TeacherIdRole,
        SessionIdRole,
        FieldIdRole,
        StatusRole, // "proposed", "confirmed", …
        LockedRole, // bool
        SearchKeyRole, // Turkish-folded text of the row
        ProvinceIdRole // the teacher's province (plate)
    };

    explicit PlacementModel(QObject *parent = nullptr);

    // Reloads every placement that is not cancelled.
    Status reload(QSqlDatabase db);
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
    std::vector<Row> m_rows;
};

// Filters the plan by field, status and a Turkish-aware search text.
class PlacementFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit PlacementFilter(QObject *parent = nullptr);
    void setFieldId(int fieldId); // 0 = all fields
    void setProvinceId(int provinceId); // the teacher's province; 0 = all
    void setStatus(const QString &s); // empty = all; "locked" = locked ones
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int m_fieldId = 0, m_provinceId = 0;
    QString m_status, m_key;
};

} // namespace kopru
