// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/stats/needstatistics.h"
#include "models/stats/roundcomparison.h"

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

// The `kopru-cli stats --compare-rounds --json` document: field, field_name,
// scope (null for the whole field, else kind, id, name), teachers,
// respondents_round1, respondents_round2, both_rounds, suppressed and
// competencies[] (code, title and the need change as in `kopru-cli quality
// --json`: paired, n, n_before, n_after, before, after, change, ci_low,
// ci_high) and pairs (teachers who answered both rounds, also when fewer
// than two made it independent), by code.
QJsonObject toJson(const RoundComparison &comparison);
// The same as readable text (the Quality page's table of need changes).
QString toTextTable(const RoundComparison &comparison);

} // namespace kopru::stats
