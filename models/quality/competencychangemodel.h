// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/roles.h"
#include "models/quality/qualityindicators.h"

#include <QAbstractTableModel>

namespace kopru::quality {

// The need reduction per competency of one group (GroupFigures::
// competencyChanges) for the Quality page, or of one pilot field for the
// needs page's round comparison (stats::RoundComparison): mean need before (round 1) and
// after (round 2), the change with its 95 % confidence interval, and how it
// was computed (paired or independent samples). Display texts in the UI
// language's number format, EditRole and kopru::SortRole the numbers.
class CompetencyChangeModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompetencyChangeModel)
public:
    enum Column { Code, Competency, Before, After, Change, CiLow, CiHigh, Answers, Method, ColumnCount };

    explicit CompetencyChangeModel(QObject *parent = nullptr);

    // Shows the competencies of `group` (copied).
    void setGroup(const GroupFigures &group);
    // Shows `changes` under the name `name` (the needs page's round comparison).
    void setChanges(const std::vector<CompetencyChange> &changes, const QString &name);
    void clear();
    QString groupName() const { return m_groupName; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant value(const CompetencyChange &c, int column) const;

    std::vector<CompetencyChange> m_rows;
    QString m_groupName;
};

} // namespace kopru::quality
