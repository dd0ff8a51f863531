// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>
#include <optional>

namespace kopru {

struct ColumnMapping;
struct SourceTable;

// A survey's own answer labels → need level 1–5 or "not applicable"
// ("Hiç yok=1,Düşük=2,Orta=3,Yüksek=4,Çok yüksek=5,Fikrim yok=NA").
// Labels match with Turkish case folding, surrounding spaces trimmed and inner
// spaces simplified ("ÇOK  YÜKSEK" is "Çok yüksek"). A cell the mapping does
// not name is read by CellValue::level, so 1–5, A1–A5 and the words it knows
// keep working; with a mapping, a cell neither knows is refused naming its label.
class ScaleMapping
{
    Q_DECLARE_TR_FUNCTIONS(ScaleMapping)

public:
    static constexpr int kNotApplicable = 0;

    // "label=level,…" with level 1–5 or NA; an error (without position) for a
    // malformed text: an entry without "=", an empty label, a level that is
    // neither 1–5 nor NA, a label given twice with different levels.
    static Expected<ScaleMapping> parse(const QString &text);
    // The same text form, entries in the order they were assigned.
    QString toText() const;

    // Assigns a label (level 1–5 or kNotApplicable); a label already present
    // gets the new level.
    void assign(const QString &label, int level);
    bool isEmpty() const { return m_entries.isEmpty(); }
    int size() const { return int(m_entries.size()); }
    // The level of a label: 1–5, kNotApplicable, or nullopt when not mapped.
    std::optional<int> find(const QString &label) const;

    // A cell's level as CellValue::level gives it (invalid QVariant for not
    // applicable), the mapping first; nullopt with a translated reason.
    std::optional<QVariant> level(const QString &cell, QString *reason) const;

    // What a label is matched by: Turkish lower case, spaces simplified.
    static QString key(const QString &label);

private:
    struct Entry
    {
        QString label;
        int level = 0;
    };
    QList<Entry> m_entries;
    QHash<QString, int> m_index; // key → index in m_entries
};

// A distinct answer label of a survey file (for the wizard's scale page).
struct ScaleLabel
{
    QString label; // as first written in the file, trimmed
    int count = 0; // cells holding it
    // What the built-in parser reads (1–5, ScaleMapping::kNotApplicable), or nullopt.
    std::optional<int> known;
};

namespace ScaleLabels {

// Every distinct non-empty answer label in the rating columns of a needs file
// (competency columns of a wide file; need and proficiency of a long one), in
// the order first seen; plain numbers (1–5, "4,0") are no labels. Labels that
// differ only in case and spacing are one.
QList<ScaleLabel> collect(const SourceTable &table, const ColumnMapping &mapping);
// Whether any of them is one the built-in parser does not know.
bool anyUnknown(const QList<ScaleLabel> &labels);
// A proposed level for a label: what the parser reads, else the level all of
// its words agree on ("Hiç yok": "hiç" 1, "yok" 1 → 1); nullopt when unsure.
std::optional<int> guess(const QString &label);

} // namespace ScaleLabels
} // namespace kopru
