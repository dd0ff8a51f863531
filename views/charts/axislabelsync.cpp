// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charts/axislabelsync.h"

#include <QAbstractItemModel>
#include <QBarCategoryAxis>

namespace kopru::charts {

AxisLabelSync::AxisLabelSync(QAbstractItemModel *model, QBarCategoryAxis *axis, int column, int role, int firstRow, int rowCount)
    : QObject(axis)
    , m_model(model)
    , m_axis(axis)
    , m_column(column)
    , m_role(role)
    , m_firstRow(firstRow)
    , m_rowCount(rowCount)
{
    connect(model, &QAbstractItemModel::modelReset, this, &AxisLabelSync::update);
    connect(model, &QAbstractItemModel::layoutChanged, this, &AxisLabelSync::update);
    connect(model, &QAbstractItemModel::rowsInserted, this, &AxisLabelSync::update);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &AxisLabelSync::update);
    connect(model, &QAbstractItemModel::dataChanged, this, &AxisLabelSync::update);
    update();
}

void AxisLabelSync::update()
{
    QStringList labels;
    const int end = m_rowCount < 0 ? m_model->rowCount() : std::min(m_model->rowCount(), m_firstRow + m_rowCount);
    for (int row = m_firstRow; row < end; ++row) {
        QString label = m_model->index(row, m_column).data(m_role).toString();
        // Categories must be unique; a repeated label gets invisible padding.
        while (labels.contains(label))
            label += QChar(0x200B);
        labels << label;
    }
    m_axis->setCategories(labels);
}

} // namespace kopru::charts
