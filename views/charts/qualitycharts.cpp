// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charts/qualitycharts.h"

#include "models/quality/qualitytablemodel.h"
#include "views/charts/barchart.h"

#include <QChart>
#include <QCoreApplication>
#include <QValueAxis>

namespace kopru::charts {

QChart *createCompletionChart(QAbstractItemModel *groups)
{
    using quality::QualityTableModel;
    auto *axis = new QValueAxis;
    axis->setRange(0, 100);
    axis->setTickCount(11);
    axis->setLabelFormat(QStringLiteral("%.0f"));
    axis->setTitleText(QCoreApplication::translate("kopru::charts", "Completion rate (%)"));
    HorizontalBars bars;
    bars.title = QCoreApplication::translate("kopru::charts", "Completion rate");
    bars.valueColumn = QualityTableModel::Completion;
    bars.labelColumn = QualityTableModel::Name;
    bars.valueRole = Qt::EditRole; // the display is formatted text
    bars.colour = QColor(0x3a, 0x7d, 0x44);
    bars.values = axis;
    return createHorizontalBars(groups, bars);
}

} // namespace kopru::charts
