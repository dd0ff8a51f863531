// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/serverroles.h"

#include "models/db/serverlabels.h"
#include "models/db/serverratingtriggers.h"
#include "models/db/sql.h"

#include <QSqlQuery>

namespace kopru::ServerRoles {

namespace {

QString createRole(const QString &name)
{
    // CREATE ROLE has no IF NOT EXISTS; roles belong to the whole server.
    return QStringLiteral("DO $kopru$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1') THEN "
                          "CREATE ROLE %1 NOLOGIN; END IF; END $kopru$")
        .arg(name);
}

// The tables whose rows have an owner of their own (owner_centre_id), as in
// Ownership (models/exchange/ownership.cpp).
const char *const kOwnedTables[] = { "school", "teacher", "partner", "training_session", "placement", "proposal" };

} // namespace

QStringList statements(const QList<int> &centres)
{
    QStringList sql;
    sql << createRole(QStringLiteral("kopru_national")) << createRole(QStringLiteral("kopru_viewer"));
    QStringList centreRoles;
    for (int id : centres) {
        centreRoles << QStringLiteral("kopru_centre_%1").arg(id);
        sql << createRole(centreRoles.constLast());
    }
    const QString everyone = (QStringList { QStringLiteral("kopru_national"), QStringLiteral("kopru_viewer") } + centreRoles)
                                 .join(QStringLiteral(", "));
    const QString centresList = centreRoles.join(QStringLiteral(", "));
    sql << QStringLiteral("GRANT USAGE ON SCHEMA public TO %1").arg(everyone)
        << QStringLiteral("GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO %1").arg(everyone)
        // The national office: everything.
        << QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO kopru_national")
        << QStringLiteral("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO kopru_national")
        // Centres read everything their rows allow; they write their teachers and placements.
        << QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO %1").arg(centresList)
        << QStringLiteral("GRANT UPDATE ON teacher, need_rating TO %1").arg(centresList)
        << QStringLiteral("GRANT INSERT, UPDATE, DELETE ON placement, attendance, evaluation_answer, certificate TO %1")
               .arg(centresList)
        << QStringLiteral("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %1").arg(centresList)
        // The viewer: every table but teacher, and of teacher no national ID, e-mail or phone.
        << QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA public TO kopru_viewer")
        << QStringLiteral("REVOKE SELECT ON teacher FROM kopru_viewer")
        << QStringLiteral("GRANT SELECT (id, first_name, last_name, field_id, branch, school_id, province_id, centre_id, "
                          "experience_years, available_from, available_to, uid, owner_centre_id, version, modified_at, "
                          "modified_by, change_serial, record_version, record_modified_at, record_modified_by) ON teacher "
                          "TO kopru_viewer")
        // The centres whose role the user has.
        << QStringLiteral("CREATE OR REPLACE FUNCTION kopru_my_centre(centre BIGINT) RETURNS boolean LANGUAGE sql STABLE AS "
                          "$kopru$ SELECT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = 'kopru_centre_' || centre "
                          "AND pg_has_role(r.oid, 'MEMBER')) $kopru$")
        << QStringLiteral("GRANT EXECUTE ON FUNCTION kopru_my_centre(BIGINT) TO %1").arg(everyone);
    // Row-level security on the personal data: teachers, their ratings, their
    // placements and what belongs to a placement (attendance, evaluations, certificate).
    const struct
    {
        const char *table;
        const char *ownCentre; // whether a row is of one of the user's centres
    } personal[] = {
        { "teacher", "kopru_my_centre(centre_id)" },
        { "need_rating", "EXISTS (SELECT 1 FROM teacher t WHERE t.id = teacher_id)" },
        { "placement", "EXISTS (SELECT 1 FROM teacher t WHERE t.id = teacher_id)" },
        { "attendance", "EXISTS (SELECT 1 FROM placement p WHERE p.id = placement_id)" },
        { "evaluation_answer", "EXISTS (SELECT 1 FROM placement p WHERE p.id = placement_id)" },
        { "certificate", "EXISTS (SELECT 1 FROM placement p WHERE p.id = placement_id)" },
    };
    for (const auto &p : personal) {
        const QString table = QString::fromLatin1(p.table);
        sql << QStringLiteral("ALTER TABLE %1 ENABLE ROW LEVEL SECURITY").arg(table)
            << QStringLiteral("DROP POLICY IF EXISTS %1_all ON %1").arg(table)
            << QStringLiteral("CREATE POLICY %1_all ON %1 TO kopru_national, kopru_viewer USING (true) WITH CHECK (true)")
                   .arg(table)
            << QStringLiteral("DROP POLICY IF EXISTS %1_centre ON %1").arg(table)
            << QStringLiteral("CREATE POLICY %1_centre ON %1 TO %2 USING (%3) WITH CHECK (%3)")
                   .arg(table, centresList, QString::fromLatin1(p.ownCentre));
    }
    return sql;
}

QStringList ownerRules()
{
    QStringList sql;
    // Need ratings are the national office's (its survey): a centre reads them only.
    sql << QStringLiteral("DO $kopru$ DECLARE r record; BEGIN FOR r IN SELECT rolname FROM pg_roles WHERE rolname LIKE "
                          "'kopru\\_centre\\_%' LOOP EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON need_rating FROM %I', "
                          "r.rolname); END LOOP; END $kopru$");
    // Whether the writer is held to the owner rules: a member of a centre role
    // who is neither national staff nor the table's owner. The function runs
    // as the writer (no SECURITY DEFINER); the bookkeeping the schema's own
    // triggers do runs as the owner and is not held.
    sql << QStringLiteral(R"sql(CREATE OR REPLACE FUNCTION kopru_owner_rules_fn() RETURNS trigger LANGUAGE plpgsql AS $kopru$
DECLARE
    old_row jsonb := to_jsonb(OLD);
    row_owner BIGINT := (old_row->>'owner_centre_id')::BIGINT;
    recorded text[] := ARRAY['available_from', 'available_to', 'notes', 'record_version', 'record_modified_at',
                             'record_modified_by'];
BEGIN
    IF pg_has_role((SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER')
       OR pg_has_role('kopru_national', 'MEMBER')
       OR NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname LIKE 'kopru\_centre\_%' AND pg_has_role(r.oid, 'MEMBER'))
       OR kopru_my_centre(row_owner) THEN
        IF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END IF;
    -- What a centre records about its teachers (availability, notes) is the centre's.
    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'teacher' AND kopru_my_centre((old_row->>'centre_id')::BIGINT)
       AND (to_jsonb(NEW) - recorded) = (old_row - recorded) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege', MESSAGE = format('%s %s: %s', TG_TABLE_NAME, old_row->>'id',
        CASE WHEN row_owner IS NOT NULL THEN format('it belongs to centre %s; changes come from there', row_owner)
             WHEN TG_TABLE_NAME = 'teacher' THEN 'it belongs to the national office; a centre changes only what it records '
                 || 'about its teachers (availability, notes) and proposes corrections of the rest'
             ELSE 'it belongs to the national office; changes come from there' END);
END
$kopru$)sql");
    for (const char *table : kOwnedTables)
        sql << QStringLiteral("DROP TRIGGER IF EXISTS kopru_owner_rules ON %1").arg(QLatin1String(table))
            << QStringLiteral("CREATE TRIGGER kopru_owner_rules BEFORE UPDATE OR DELETE ON %1 FOR EACH ROW "
                              "EXECUTE FUNCTION kopru_owner_rules_fn()")
                   .arg(QLatin1String(table));
    return sql;
}

Status install(QSqlDatabase db)
{
    QList<int> centres;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT id FROM centre ORDER BY id")))
            return Sql::errorOf(q);
        while (q.next())
            centres << q.value(0).toInt();
    }
    const QStringList all
        = QStringList { QStringLiteral("CREATE TABLE IF NOT EXISTS kopru_server_rules (version BIGINT NOT NULL)") }
        + statements(centres) + ownerRules() + ServerRatingTriggers::statements() + ServerLabels::statements()
        + QStringList { QStringLiteral("DELETE FROM kopru_server_rules"),
              QStringLiteral("INSERT INTO kopru_server_rules(version) VALUES (%1)").arg(kRulesVersion) };
    for (const QString &statement : all)
        if (Status s = Sql::exec(db, statement); !s)
            return Status::failure(s.message() + QStringLiteral(" — ") + statement.simplified().left(200));
    return {};
}

Expected<int> installedVersion(QSqlDatabase db)
{
    auto exists = Sql::scalar(db, QStringLiteral("SELECT to_regclass('kopru_server_rules') IS NOT NULL"));
    if (!exists)
        return exists.error();
    if (!exists.value().toBool())
        return 1;
    auto version = Sql::scalar(db, QStringLiteral("SELECT coalesce(max(version), 1) FROM kopru_server_rules"));
    if (!version)
        return version.error();
    return version.value().toInt();
}

} // namespace kopru::ServerRoles
