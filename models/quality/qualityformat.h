// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/quality/qualityindicators.h"

#include <QJsonObject>
#include <QString>

namespace kopru::quality {

// The `kopru-cli quality --json` document (keys in docs/cli.md): by,
// indicators[] (id, name, definition, eqavet), total and groups[], each group
// with key, name and one member per indicator id. Missing rates and means are
// null.
QJsonObject toJson(const QualityIndicators &indicators);

// A readable, column-aligned text in the UI language: without a grouping one
// line per indicator and the change per competency; with one, a line per group.
QString toTextTable(const QualityIndicators &indicators);

} // namespace kopru::quality
