// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/stats/needstatistics.h"

#include <QJsonObject>
#include <QString>

namespace kopru::stats {

// The `kopru-cli stats --json` document: field, field_name, round, teachers,
// respondents and competencies[] (code, title, respondents, not_applicable,
// mean_need, high_need_share, distribution[5], supply) in the order of
// `stats` (mean need descending). Missing means/shares are null.
QJsonObject toJson(const FieldStats &stats);

// A readable, column-aligned table of the same numbers (translated headings).
QString toTextTable(const FieldStats &stats);

} // namespace kopru::stats
