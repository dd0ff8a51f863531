// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/importer/importsetup.h"

#include "models/domain/turkishtext.h"

#include <QCryptographicHash>
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

namespace RememberedRound {

namespace {
const QString kKey = QStringLiteral("import/needsRound");
} // namespace

int round()
{
    const int r = QSettings().value(kKey, 1).toInt();
    return r == 2 ? 2 : 1;
}

void store(int round)
{
    QSettings().setValue(kKey, round);
}

} // namespace RememberedRound

namespace RememberedScale {

namespace {
QString settingsKey(const QList<ScaleLabel> &labels)
{
    QStringList keys;
    for (const ScaleLabel &l : labels)
        keys << ScaleMapping::key(l.label);
    keys.sort();
    keys.removeDuplicates();
    const QByteArray hash = QCryptographicHash::hash(keys.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha1);
    return QStringLiteral("import/scale/") + QString::fromLatin1(hash.toHex());
}
} // namespace

ScaleMapping mapping(const QList<ScaleLabel> &labels)
{
    const QString text = QSettings().value(settingsKey(labels)).toString();
    if (text.isEmpty())
        return {};
    auto parsed = ScaleMapping::parse(text);
    return parsed ? parsed.value() : ScaleMapping(); // a damaged entry is forgotten
}

void store(const QList<ScaleLabel> &labels, const ScaleMapping &mapping)
{
    QSettings().setValue(settingsKey(labels), mapping.toText());
}

} // namespace RememberedScale
} // namespace kopru
