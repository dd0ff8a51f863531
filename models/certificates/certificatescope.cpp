// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/certificates/certificatescope.h"

#include <QStringList>

namespace kopru::certificates {

QString centreOfPlacementSql()
{
    return QStringLiteral(
        "COALESCE(t.centre_id, (SELECT min(cf.centre_id) FROM centre_field cf WHERE cf.field_id = ts.field_id))");
}

QString completedPlacementsSql(const CertificateScope &scope, QVariantList *bindings, const QString &joins)
{
    QString sql = QStringLiteral("FROM placement p JOIN teacher t ON t.id = p.teacher_id "
                                 "JOIN training_session ts ON ts.id = p.session_id ")
        + joins + QStringLiteral(" WHERE p.status = 'completed'");
    switch (scope.kind) {
    case CertificateScope::Kind::Placements: {
        QStringList marks;
        for (const int id : scope.placementIds) {
            marks << QStringLiteral("?");
            bindings->append(id);
        }
        sql += marks.isEmpty() ? QStringLiteral(" AND 0 = 1") : QStringLiteral(" AND p.id IN (%1)").arg(marks.join(u','));
        break;
    }
    case CertificateScope::Kind::Session:
        sql += QStringLiteral(" AND ts.id = ?");
        bindings->append(scope.id);
        break;
    case CertificateScope::Kind::Centre:
        sql += QStringLiteral(" AND ") + centreOfPlacementSql() + QStringLiteral(" = ?");
        bindings->append(scope.id);
        break;
    case CertificateScope::Kind::All:
        break;
    }
    return sql;
}

} // namespace kopru::certificates
