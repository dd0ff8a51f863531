// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/itemmodels/roles.h"

#include <QAbstractTableModel>
#include <QSqlDatabase>
#include <vector>

namespace kopru {

// The sessions a teacher could be moved to, best first: sessions of the
// teacher's field inside their availability with places left, by score
// (covered need, then distance); then the others, marked as conflicting.
class CandidateModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CandidateModel)
public:
    enum Column { Partner, Province, Dates, PlacesLeft, Score, Note, ColumnCount };
    // The session id is SessionIdRole (models/itemmodels/roles.h).
    enum Role { FitsRole = FirstModelRole };

    explicit CandidateModel(QObject *parent = nullptr);
    // Candidates for `teacherId`, leaving out the session they are in now.
    kopru::Status load(QSqlDatabase db, int teacherId, int currentSessionId);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        int sessionId;
        QString partner, province, start, end;
        int placesLeft;
        double score;
        bool available;
        int km;
    };
    std::vector<Row> m_rows;
};

} // namespace kopru
