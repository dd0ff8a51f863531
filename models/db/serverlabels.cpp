// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/db/serverlabels.h"

#include "models/db/sqldialect.h"

namespace kopru::ServerLabels {

QStringList statements()
{
    using SqlDialect::Backend;
    const QString label = SqlDialect::textLiteral(SqlDialect::changeLabel(Backend::Sqlite));
    const QString withLogin = SqlDialect::textLiteral(SqlDialect::changeLabel(Backend::Postgres));
    // pg_get_functiondef gives the whole CREATE OR REPLACE FUNCTION statement
    // (language, SECURITY DEFINER, search path); replacing a function keeps
    // its owner and privileges.
    return { SqlDialect::changeLabelFunction(),
        QStringLiteral("DO $kopru$ DECLARE f record; BEGIN FOR f IN SELECT oid FROM pg_proc WHERE pronamespace = "
                       "current_schema()::regnamespace AND strpos(prosrc, %1) > 0 AND strpos(prosrc, %2) = 0 LOOP "
                       "EXECUTE replace(pg_get_functiondef(f.oid), %1, %2); END LOOP; END $kopru$")
            .arg(label, withLogin) };
}

} // namespace kopru::ServerLabels
