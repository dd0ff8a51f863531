// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

class QAbstractItemModel;
QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace kopru::charts {

// Charts of the Quality page, fed from its item models through model mappers
// like the needs charts (the caller owns the returned chart).

// Horizontal bars of the completion rate (%) per row of a
// quality::QualityTableModel (or a proxy of it), the first row on top.
QChart *createCompletionChart(QAbstractItemModel *groups);

} // namespace kopru::charts
