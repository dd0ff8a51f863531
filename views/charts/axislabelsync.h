// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAbstractItemModel;
QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
QT_END_NAMESPACE

namespace kopru::charts {

// Keeps a category axis in step with a model: one category per row (in
// [firstRow, firstRow + rowCount)), read from `column` with `role`. Model
// mappers fill the bars but leave the axis labels alone; this fills those.
class AxisLabelSync final : public QObject
{
    Q_OBJECT
public:
    AxisLabelSync(QAbstractItemModel *model, QBarCategoryAxis *axis, int column, int role, int firstRow, int rowCount);

    void update();

private:
    QAbstractItemModel *m_model;
    QBarCategoryAxis *m_axis;
    int m_column;
    int m_role;
    int m_firstRow;
    int m_rowCount;
};

} // namespace kopru::charts
