// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/importer/importsetup.h"

#include "models/domain/turkishtext.h"

#include <QSettings>

namespace kopru {

void ImportSetup::reload()
{
    auto r = TableReader::read(file, read);
    readOk = r.ok();
    if (readOk) {
        preview = std::move(r.value());
        readError.clear();
    } else {
        preview = TableReader::Result {};
        readError = r.message();
    }
}

QHash<int, QString> ImportSetup::overrides() const
{
    QHash<int, QString> o;
    for (int i = 0; i < mapping.targets.size(); ++i)
        o.insert(i, mapping.targets.at(i));
    return o;
}

namespace RememberedMapping {

namespace {
QString settingsKey(ImportKind kind, const QString &header)
{
    const QString k = TurkishText::looseKey(header);
    return QStringLiteral("import/mapping/%1/%2").arg(ImportKinds::name(kind), k.isEmpty() ? QStringLiteral("_") : k);
}
} // namespace

QString target(ImportKind kind, const QString &header, bool *known)
{
    QSettings settings;
    const QString key = settingsKey(kind, header);
    *known = settings.contains(key);
    return settings.value(key).toString();
}

void store(ImportKind kind, const QString &header, const QString &target)
{
    QSettings settings;
    settings.setValue(settingsKey(kind, header), target);
}

} // namespace RememberedMapping
} // namespace kopru
