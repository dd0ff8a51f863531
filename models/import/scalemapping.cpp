// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/scalemapping.h"

#include "models/domain/turkishtext.h"
#include "models/import/columnmapping.h"
#include "models/import/valueparsers.h"
#include "models/io/sourcetable.h"

#include <QRegularExpression>
#include <QSet>

namespace kopru {

namespace {

// "NA", "N/A", "na" → not applicable; "1".."5" → the level; else nullopt.
std::optional<int> levelWord(const QString &text)
{
    const QString t = text.trimmed();
    if (TurkishText::looseKey(t) == QLatin1String("na"))
        return ScaleMapping::kNotApplicable;
    if (t.size() == 1 && t.front() >= QLatin1Char('1') && t.front() <= QLatin1Char('5'))
        return t.front().unicode() - u'0';
    return std::nullopt;
}

// A plain number ("4", "4,0", "12"): no label of its own.
bool isNumber(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("^[0-9]+([.,][0-9]+)?$"));
    return number.match(text).hasMatch();
}

// What the built-in parser reads, as a ScaleMapping level.
std::optional<int> parsed(const QString &label)
{
    QString ignored;
    const auto v = CellValue::level(label, &ignored);
    if (!v)
        return std::nullopt;
    return v->isNull() ? ScaleMapping::kNotApplicable : v->toInt();
}

// A malformed mapping: no file or position (the caller says where it came from).
Error malformed(const QString &message)
{
    return Error { message, QString(), 0, 0 };
}

} // namespace

QString ScaleMapping::key(const QString &label)
{
    return TurkishText::searchKey(label.trimmed());
}

Expected<ScaleMapping> ScaleMapping::parse(const QString &text)
{
    ScaleMapping mapping;
    if (text.trimmed().isEmpty())
        return malformed(tr("the scale is empty: write label=level pairs separated by commas, e.g. \"Hiç yok=1,Düşük=2,Fikrim "
                            "yok=NA\""));
    const QStringList entries = text.split(QLatin1Char(','));
    for (const QString &entry : entries) {
        const int eq = int(entry.lastIndexOf(QLatin1Char('=')));
        if (eq < 0)
            return malformed(tr("scale entry \"%1\" has no \"=\": write label=level, e.g. \"Orta=3\"").arg(entry.trimmed()));
        const QString label = entry.left(eq).trimmed();
        const QString levelText = entry.mid(eq + 1).trimmed();
        if (label.isEmpty())
            return malformed(tr("scale entry \"%1\" has no label before \"=\"").arg(entry.trimmed()));
        const auto level = levelWord(levelText);
        if (!level)
            return malformed(tr("scale entry \"%1\": the level \"%2\" is neither 1 to 5 nor NA (not applicable)")
                                 .arg(entry.trimmed(), levelText));
        if (const auto before = mapping.find(label); before && *before != *level)
            return malformed(tr("the scale gives the label \"%1\" twice, with different levels").arg(label));
        mapping.assign(label, *level);
    }
    return mapping;
}

QString ScaleMapping::toText() const
{
    QStringList parts;
    for (const Entry &e : m_entries)
        parts << e.label + QLatin1Char('=') + (e.level == kNotApplicable ? QStringLiteral("NA") : QString::number(e.level));
    return parts.join(QLatin1Char(','));
}

void ScaleMapping::assign(const QString &label, int level)
{
    const QString k = key(label);
    if (const auto it = m_index.constFind(k); it != m_index.constEnd()) {
        m_entries[*it].level = level;
        return;
    }
    m_index.insert(k, int(m_entries.size()));
    m_entries.append(Entry { label.trimmed(), level });
}

std::optional<int> ScaleMapping::find(const QString &label) const
{
    const auto it = m_index.constFind(key(label));
    if (it == m_index.constEnd())
        return std::nullopt;
    return m_entries.at(*it).level;
}

std::optional<QVariant> ScaleMapping::level(const QString &cell, QString *reason) const
{
    if (m_entries.isEmpty())
        return CellValue::level(cell, reason);
    if (const auto mapped = find(cell)) {
        if (*mapped == kNotApplicable)
            return QVariant();
        return QVariant(*mapped);
    }
    auto v = CellValue::level(cell, reason);
    if (!v && !isNumber(cell.trimmed())) {
        QStringList labels;
        for (const Entry &e : m_entries)
            labels << e.label;
        *reason = tr("the answer \"%1\" is not a label of the scale (%2) nor a level 1 to 5")
                      .arg(cell.trimmed(), labels.join(QStringLiteral(", ")));
    }
    return v;
}

namespace ScaleLabels {

QList<ScaleLabel> collect(const SourceTable &table, const ColumnMapping &mapping)
{
    QList<int> columns;
    for (int i = 0; i < mapping.targets.size(); ++i) {
        const QString &t = mapping.targets.at(i);
        if (t == QLatin1String("need") || t == QLatin1String("proficiency") || !ColumnMapping::competencyCode(t).isEmpty())
            columns << i;
    }
    QList<ScaleLabel> labels;
    QHash<QString, int> index; // key → index in labels
    QHash<QString, int> seen; // exact cell text → index, to fold each spelling once
    for (const SourceRow &row : table.rows) {
        for (int c : columns) {
            const QString cell = row.cell(c);
            if (cell.isEmpty())
                continue;
            if (const auto it = seen.constFind(cell); it != seen.constEnd()) {
                if (*it >= 0)
                    ++labels[*it].count;
                continue;
            }
            const QString t = cell.trimmed();
            if (t.isEmpty() || isNumber(t)) {
                seen.insert(cell, -1);
                continue;
            }
            const QString k = ScaleMapping::key(t);
            int i = index.value(k, -1);
            if (i < 0) {
                i = int(labels.size());
                index.insert(k, i);
                labels.append(ScaleLabel { t, 0, parsed(t) });
            }
            seen.insert(cell, i);
            ++labels[i].count;
        }
    }
    return labels;
}

bool anyUnknown(const QList<ScaleLabel> &labels)
{
    return std::any_of(labels.cbegin(), labels.cend(), [](const ScaleLabel &l) { return !l.known; });
}

std::optional<int> guess(const QString &label)
{
    if (const auto p = parsed(label))
        return p;
    static const QRegularExpression separators(QStringLiteral("[\\s/,;]+"));
    const QStringList words = label.trimmed().split(separators, Qt::SkipEmptyParts);
    std::optional<int> agreed;
    for (const QString &w : words) {
        const auto l = parsed(w);
        if (!l || isNumber(w) || (agreed && *agreed != *l))
            return std::nullopt;
        agreed = l;
    }
    return agreed;
}

} // namespace ScaleLabels
} // namespace kopru
