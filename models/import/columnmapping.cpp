// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/import/columnmapping.h"

#include "models/domain/turkishtext.h"

#include <QRegularExpression>

namespace kopru::ColumnMapper {

QStringList codeCandidates(const QString &header)
{
    static const QRegularExpression bracket(QStringLiteral("^\\s*([A-Za-z0-9]+)\\[([A-Za-z0-9_]+)\\]"));
    static const QRegularExpression underscore(QStringLiteral("^\\s*([A-Za-z][A-Za-z0-9]*)_([A-Za-z0-9]+)\\s*$"));
    static const QRegularExpression leading(QStringLiteral("^\\s*([A-Za-z0-9_]+)"));
    QStringList out;
    if (auto m = bracket.match(header); m.hasMatch()) {
        out << m.captured(2) << m.captured(1);
    } else if (auto u = underscore.match(header); u.hasMatch()) {
        out << u.captured(2) << u.captured(1) << u.captured(0).trimmed();
    } else if (auto l = leading.match(header); l.hasMatch()) {
        out << l.captured(1);
    }
    return out;
}

ColumnMapping automatic(ImportKind kind, const QStringList &header, const QStringList &competencyCodes)
{
    QHash<QString, QString> aliasToTarget;
    for (const ImportTarget &t : ImportKinds::targets(kind))
        for (const char *alias : t.aliases)
            aliasToTarget.insert(QLatin1String(alias), QLatin1String(t.key));
    QHash<QString, QString> codes; // loose key → code
    for (const QString &code : competencyCodes)
        codes.insert(TurkishText::looseKey(code), code);

    ColumnMapping mapping;
    for (const QString &h : header) {
        QString target = aliasToTarget.value(TurkishText::looseKey(h));
        if (!target.isEmpty() && mapping.has(target))
            target.clear();
        if (target.isEmpty() && kind == ImportKind::Needs) {
            static const QRegularExpression position(QStringLiteral("^(?:[Ss][Qq])?0*([1-9][0-9]?)$"));
            for (const QString &candidate : codeCandidates(h)) {
                const QString code = codes.value(TurkishText::looseKey(candidate));
                if (!code.isEmpty()) {
                    target = ColumnMapping::competencyTarget(code);
                    break;
                }
                if (auto m = position.match(candidate); m.hasMatch()) {
                    target = ColumnMapping::competencyTarget(
                        QStringLiteral("*%1").arg(m.captured(1).toInt(), 2, 10, QLatin1Char('0')));
                    break;
                }
            }
        }
        mapping.targets << target;
    }
    return mapping;
}

void applyOverrides(ColumnMapping &mapping, const QHash<int, QString> &overrides)
{
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        if (it.key() >= 0 && it.key() < mapping.targets.size())
            mapping.targets[it.key()] = it.value();
}

} // namespace kopru::ColumnMapper
