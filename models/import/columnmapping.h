// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/import/importkind.h"

#include <QHash>
#include <QStringList>

namespace kopru {

// Which target each source column feeds: a target key ("national_id"),
// "competency:CODE" (a needs-survey column rating that competency),
// "competency:*NN" (the competency numbered NN in each teacher's own field,
// i.e. code = field code + NN), or empty (the column is ignored).
struct ColumnMapping
{
    QStringList targets;

    // The first column mapped to `key`, or -1.
    int columnOf(const QString &key) const { return int(targets.indexOf(key)); }
    bool has(const QString &key) const { return targets.contains(key); }

    static QString competencyTarget(const QString &code) { return QStringLiteral("competency:") + code; }
    // The competency code of a "competency:CODE" target, else empty.
    static QString competencyCode(const QString &target)
    {
        return target.startsWith(QLatin1String("competency:")) ? target.mid(11) : QString();
    }
};

namespace ColumnMapper {

// Maps each header to a target of `kind` by its loose key; the first column
// wins when two headers mean the same target. For needs, a column that is no
// target and whose header names one of `competencyCodes` (see
// codeCandidates) is mapped to that competency; a header that is a number
// (1..99) or a generic LimeSurvey subquestion (Q1[SQ007], Q1_SQ007) is mapped
// to the competency of that number in each teacher's field ("competency:*07").
ColumnMapping automatic(ImportKind kind, const QStringList &header, const QStringList &competencyCodes = {});

// Replaces the targets of some columns (column index → target; empty target
// ignores the column). Indexes outside the header are ignored.
void applyOverrides(ColumnMapping &mapping, const QHash<int, QString> &overrides);

// The strings of a survey header that may be a competency code, most
// specific first: "Q1[ELK07]" → ELK07, Q1; "Q1_ELK07" → ELK07, Q1;
// "ELK07. PLC programlama" → ELK07; "ELK07" → ELK07.
QStringList codeCandidates(const QString &header);

} // namespace ColumnMapper
} // namespace kopru
