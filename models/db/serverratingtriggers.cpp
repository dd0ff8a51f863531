// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/serverratingtriggers.h"

namespace kopru::ServerRatingTriggers {

QStringList statements()
{
    QStringList sql;
    for (const char *replaced : { "need_rating_same_field", "need_rating_restored" })
        sql << QStringLiteral("DROP TRIGGER IF EXISTS %1 ON need_rating").arg(QLatin1String(replaced))
            << QStringLiteral("DROP FUNCTION IF EXISTS %1_fn()").arg(QLatin1String(replaced));
    // As the row triggers: (the teacher's field) IS DISTINCT FROM (the
    // competency's field), a missing row giving NULL; a tombstone of the
    // rating's identity (teacher uid : competency uid : round) raises the new
    // row's version above the deleted one's and goes. Runs as the owner, like
    // the translated triggers (SECURITY DEFINER).
    sql << QStringLiteral(R"sql(CREATE OR REPLACE FUNCTION kopru_need_rating_inserted_fn() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $kopru$
BEGIN
    IF EXISTS (SELECT 1 FROM kopru_new_ratings n LEFT JOIN teacher t ON t.id = n.teacher_id
               LEFT JOIN competency c ON c.id = n.competency_id WHERE t.field_id IS DISTINCT FROM c.field_id) THEN
        RAISE EXCEPTION USING MESSAGE = 'need rating: competency is not in the teacher''s field';
    END IF;
    IF EXISTS (SELECT 1 FROM tombstone WHERE table_name = 'need_rating') THEN
        UPDATE need_rating r SET version = greatest(n.version, b.version + 1), change_serial = NULL
        FROM kopru_new_ratings n JOIN teacher t ON t.id = n.teacher_id JOIN competency c ON c.id = n.competency_id
        JOIN tombstone b ON b.table_name = 'need_rating' AND b.uid = t.uid || ':' || c.uid || ':' || n.round
        WHERE r.teacher_id = n.teacher_id AND r.competency_id = n.competency_id AND r.round = n.round;
        DELETE FROM tombstone b USING kopru_new_ratings n JOIN teacher t ON t.id = n.teacher_id
        JOIN competency c ON c.id = n.competency_id
        WHERE b.table_name = 'need_rating' AND b.uid = t.uid || ':' || c.uid || ':' || n.round;
    END IF;
    RETURN NULL;
END
$kopru$)sql")
        << QStringLiteral("DROP TRIGGER IF EXISTS kopru_need_rating_inserted ON need_rating")
        << QStringLiteral("CREATE TRIGGER kopru_need_rating_inserted AFTER INSERT ON need_rating REFERENCING NEW TABLE AS "
                          "kopru_new_ratings FOR EACH STATEMENT EXECUTE FUNCTION kopru_need_rating_inserted_fn()");
    return sql;
}

} // namespace kopru::ServerRatingTriggers
