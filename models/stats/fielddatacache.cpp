// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/stats/fielddatacache.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"

namespace kopru::stats {

namespace {
// The national set has 25 fields of ~13,000 ratings (~160 kB each); more are dropped.
constexpr std::size_t kMaxFields = 64;
} // namespace

Expected<FieldDataCache::Stamp> FieldDataCache::stampOf(QSqlDatabase db)
{
    Stamp stamp;
    stamp.connection = db.connectionName() + QLatin1Char('\n') + db.databaseName();
    // Changes committed by other connections (other processes included), then
    // rows changed through this connection since it was opened.
    const QStringList counters = SqlDialect::changeCounters(SqlDialect::backendOf(db));
    auto version = Sql::scalar(db, counters.at(0));
    if (!version)
        return version.error();
    stamp.dataVersion = version->toLongLong();
    auto changes = Sql::scalar(db, counters.at(1));
    if (!changes)
        return changes.error();
    stamp.totalChanges = changes->toLongLong();
    return stamp;
}

Expected<std::shared_ptr<const FieldData>> FieldDataCache::get(QSqlDatabase db, const QString &code, int round)
{
    auto stamp = stampOf(db);
    if (!stamp)
        return stamp.error();
    if (!(stamp.value() == m_stamp)) {
        m_fields.clear();
        m_stamp = stamp.value();
    }
    const QString latestKey = code.trimmed().toUpper();
    // The latest round's data serve a request for that round too.
    if (const auto it = m_fields.find(latestKey); it != m_fields.end() && (round == 0 || it->second->round() == round))
        return it->second;
    const QString key = round == 0 ? latestKey : latestKey + QLatin1Char('#') + QString::number(round);
    if (const auto it = m_fields.find(key); it != m_fields.end())
        return it->second;
    auto data = FieldData::load(db, code, round);
    if (!data)
        return data.error();
    if (m_fields.size() >= kMaxFields)
        m_fields.clear();
    auto shared = std::make_shared<const FieldData>(std::move(data.value()));
    m_fields.emplace(key, shared);
    return shared;
}

void FieldDataCache::clear()
{
    m_fields.clear();
    m_stamp = Stamp {};
}

} // namespace kopru::stats
