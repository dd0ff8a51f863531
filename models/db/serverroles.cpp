// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/serverroles.h"

namespace kopru::ServerRoles {

namespace {

QString createRole(const QString &name)
{
    // CREATE ROLE has no IF NOT EXISTS; roles belong to the whole server.
    return QStringLiteral("DO $kopru$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1') THEN "
                          "CREATE ROLE %1 NOLOGIN; END IF; END $kopru$")
        .arg(name);
}

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
        << QStringLiteral("CREATE FUNCTION kopru_my_centre(centre BIGINT) RETURNS boolean LANGUAGE sql STABLE AS $kopru$ "
                          "SELECT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = 'kopru_centre_' || centre "
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
            << QStringLiteral("CREATE POLICY %1_all ON %1 TO kopru_national, kopru_viewer USING (true) WITH CHECK (true)")
                   .arg(table)
            << QStringLiteral("CREATE POLICY %1_centre ON %1 TO %2 USING (%3) WITH CHECK (%3)")
                   .arg(table, centresList, QString::fromLatin1(p.ownCentre));
    }
    return sql;
}

} // namespace kopru::ServerRoles
