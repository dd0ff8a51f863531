// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/travellingtables.h"

namespace kopru {

namespace {

PackageColumn col(const char *name)
{
    return { QLatin1String(name), QLatin1String(name), {} };
}
PackageColumn ref(const char *name, const char *local, const char *table)
{
    return { QLatin1String(name), QLatin1String(local), QLatin1String(table) };
}

TravellingTable entity(const char *name, std::vector<PackageColumn> content, OwnerRule owner)
{
    TravellingTable t;
    t.name = t.local = QLatin1String(name);
    t.key = { col("uid") };
    t.content = std::move(content);
    t.owner = owner;
    t.modifiedAt = QStringLiteral("modified_at");
    t.modifiedBy = QStringLiteral("modified_by");
    return t;
}

std::vector<TravellingTable> makeTables()
{
    std::vector<TravellingTable> all;
    // Aliases first: references of everything after them are rewritten through them.
    all.push_back(
        entity("uid_alias", { col("target_uid"), col("table_name"), col("target_owner_centre_id") }, OwnerRule::National));
    all.push_back(entity("field", { col("code"), col("name_tr"), col("name_en") }, OwnerRule::National));
    all.push_back(entity("centre", { col("name"), col("province_id"), col("district") }, OwnerRule::National));
    all.push_back(entity("school", { col("name"), col("province_id"), col("district") }, OwnerRule::RowOwner));
    all.push_back(entity("competency",
        { ref("field_uid", "field_id", "field"), col("code"), col("title_tr"), col("title_en"), col("unit") },
        OwnerRule::National));
    all.push_back(entity("teacher",
        { col("national_id"), col("first_name"), col("last_name"), ref("field_uid", "field_id", "field"), col("branch"),
            ref("school_uid", "school_id", "school"), col("province_id"), ref("centre_uid", "centre_id", "centre"), col("email"),
            col("phone"), col("experience_years") },
        OwnerRule::RowOwner));
    {
        TravellingTable record
            = entity("teacher_record", { col("available_from"), col("available_to"), col("notes") }, OwnerRule::TeacherCentre);
        record.local = QStringLiteral("teacher");
        record.version = QStringLiteral("record_version");
        record.modifiedAt = QStringLiteral("record_modified_at");
        record.modifiedBy = QStringLiteral("record_modified_by");
        record.insertable = false;
        all.push_back(std::move(record));
    }
    {
        TravellingTable rating;
        rating.name = rating.local = QStringLiteral("need_rating");
        rating.key
            = { ref("teacher_uid", "teacher_id", "teacher"), ref("competency_uid", "competency_id", "competency"), col("round") };
        rating.content = { col("need"), col("proficiency") };
        rating.owner = OwnerRule::National;
        all.push_back(std::move(rating));
    }
    all.push_back(entity("partner",
        { col("name"), col("tax_number"), col("sector"), col("province_id"), col("district"), col("address"),
            col("contact_person"), col("phone"), col("email"), col("protocol_date"), col("active") },
        OwnerRule::RowOwner));
    all.push_back(entity("training_session",
        { ref("partner_uid", "partner_id", "partner"), ref("field_uid", "field_id", "field"), col("start_date"), col("end_date"),
            col("hours"), col("capacity") },
        OwnerRule::RowOwner));
    all.push_back(entity("placement",
        { ref("teacher_uid", "teacher_id", "teacher"), ref("session_uid", "session_id", "training_session"), col("status"),
            col("locked"), col("score"), col("reason") },
        OwnerRule::RowOwner));
    {
        TravellingTable decision = entity("plan_decision", { col("decision"), col("note") }, OwnerRule::National);
        decision.key = { ref("placement_uid", "placement_id", "placement") };
        all.push_back(std::move(decision));
    }
    all.push_back(entity("proposal",
        { ref("teacher_uid", "teacher_id", "teacher"), col("column_name"), col("proposed_value"), col("base_version"),
            col("note") },
        OwnerRule::RowOwner));
    all.push_back(entity("review_item",
        { col("kind"), col("subject"), col("centres"), col("status"), col("resolution"), col("chosen_uid"), col("detail"),
            col("resolved_at"), col("resolved_by") },
        OwnerRule::National));
    return all;
}

QString columnsText(const QStringList &names, const QString &type = QString())
{
    QStringList parts;
    for (const QString &n : names)
        parts << (type.isEmpty() ? n : n + QLatin1Char(' ') + type);
    return parts.join(QStringLiteral(", "));
}

} // namespace

QStringList TravellingTable::packageColumns() const
{
    QStringList c;
    for (const PackageColumn &k : key)
        c << k.name;
    for (const PackageColumn &v : content)
        c << v.name;
    if (owner == OwnerRule::RowOwner)
        c << QStringLiteral("owner_centre_id");
    c << QStringLiteral("version");
    if (!modifiedAt.isEmpty())
        c << QStringLiteral("modified_at") << QStringLiteral("modified_by");
    return c;
}

QString TravellingTable::createStatement(const QString &prefix) const
{
    // Types are left to the values (SQLite's flexible typing keeps integer,
    // real and text as the sender stored them, which the digest relies on).
    QStringList keyNames;
    for (const PackageColumn &k : key)
        keyNames << k.name;
    return QStringLiteral("CREATE TABLE %1%2 (%3, PRIMARY KEY (%4))")
        .arg(prefix, name, columnsText(packageColumns()), keyNames.join(QStringLiteral(", ")));
}

QString TravellingList::createStatement(const QString &prefix) const
{
    return QStringLiteral("CREATE TABLE %1%2 (%3 TEXT NOT NULL, %4 TEXT NOT NULL, PRIMARY KEY (%3, %4))")
        .arg(prefix, name, parentKey(), targetKey());
}

namespace TravellingTables {

const std::vector<TravellingTable> &tables()
{
    static const std::vector<TravellingTable> all = makeTables();
    return all;
}

const std::vector<TravellingList> &lists()
{
    static const std::vector<TravellingList> all {
        { QStringLiteral("centre_field"), QStringLiteral("centre"), QStringLiteral("centre_id"), QStringLiteral("field"),
            QStringLiteral("field_id") },
        { QStringLiteral("partner_competency"), QStringLiteral("partner"), QStringLiteral("partner_id"),
            QStringLiteral("competency"), QStringLiteral("competency_id") },
        { QStringLiteral("session_competency"), QStringLiteral("training_session"), QStringLiteral("session_id"),
            QStringLiteral("competency"), QStringLiteral("competency_id") },
    };
    return all;
}

const TravellingTable *table(const QString &name)
{
    for (const TravellingTable &t : tables())
        if (t.name == name)
            return &t;
    return nullptr;
}

bool hasGlobalId(const QString &localTable)
{
    for (const TravellingTable &t : tables())
        if (t.local == localTable && t.keyedByUid())
            return true;
    return false;
}

QStringList packageSchema(const QString &prefix)
{
    QStringList statements;
    statements << QStringLiteral("CREATE TABLE %1manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL)").arg(prefix);
    for (const TravellingTable &t : tables())
        statements << t.createStatement(prefix);
    for (const TravellingList &l : lists())
        statements << l.createStatement(prefix);
    statements << QStringLiteral("CREATE TABLE %1tombstone (table_name TEXT NOT NULL, uid TEXT NOT NULL, owner_centre_id, "
                                 "version, erased, deleted_at, deleted_by, PRIMARY KEY (table_name, uid))")
                      .arg(prefix);
    return statements;
}

std::vector<DigestTable> digestTables()
{
    std::vector<DigestTable> all;
    for (const TravellingTable &t : tables()) {
        QStringList keys;
        for (const PackageColumn &k : t.key)
            keys << k.name;
        all.push_back({ t.name, t.packageColumns(), keys });
    }
    for (const TravellingList &l : lists())
        all.push_back({ l.name, { l.parentKey(), l.targetKey() }, { l.parentKey(), l.targetKey() } });
    const QStringList tomb { QStringLiteral("table_name"), QStringLiteral("uid"), QStringLiteral("owner_centre_id"),
        QStringLiteral("version"), QStringLiteral("erased"), QStringLiteral("deleted_at"), QStringLiteral("deleted_by") };
    all.push_back({ QStringLiteral("tombstone"), tomb, { QStringLiteral("table_name"), QStringLiteral("uid") } });
    return all;
}

} // namespace TravellingTables

} // namespace kopru
