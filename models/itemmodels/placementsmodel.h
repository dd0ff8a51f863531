// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QAbstractTableModel>
#include <QSqlDatabase>
#include <vector>

namespace kopru {

// One teacher's placements (read-only here; the placement plan page edits them):
// partner, province, session dates, status, locked, score, reason. One query.
class PlacementsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Partner, Province, Start, End, Status, Locked, Score, Reason, ColumnCount };

    explicit PlacementsModel(QObject *parent = nullptr);
    kopru::Status load(QSqlDatabase db, int teacherId);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Translated name of a placement status ("proposed", "confirmed", …).
    static QString statusName(const QString &status);

private:
    struct Row
    {
        int id = 0;
        QString partner, province, start, end, status, reason;
        bool locked = false;
        QVariant score;
    };
    std::vector<Row> m_rows;
    QSqlDatabase m_db;
    int m_teacherId = 0;
};

} // namespace kopru
