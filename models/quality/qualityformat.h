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

// One need change as in that document: paired, n, n_before, n_after, before,
// after, change, ci_low, ci_high (null where not computable).
QJsonObject toJson(const NeedChange &change);
// The need change per competency as an aligned text table (code, competency,
// before, after, change, 95 % CI, how it was computed); also `kopru-cli stats
// --compare-rounds`.
QString competencyChangeTable(const std::vector<CompetencyChange> &changes);

// The pieces of those texts, shared with the Quality page, in the UI
// language's number format; "-" where the value is NaN (not computable).
QString formatFixed(double v, int decimals); // "4,29"
QString formatPercent(double share); // 0.853 -> "85,3 %" (as the translation writes it)
QString formatSigned(double v); // "+0,12", "-1,05"
QString formatInterval(const NeedChange &c); // "[-1,20; -0,85]"
QString formatChangeMethod(const NeedChange &c); // "paired, n = 12" / "independent, n = 40 + 12"
QString dropoutReasonName(const QString &key); // a key of dropoutReasonKeys(), translated

} // namespace kopru::quality
