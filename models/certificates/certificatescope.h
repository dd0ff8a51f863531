// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVariantList>
#include <vector>

namespace kopru::certificates {

// Which completed placements a certificate operation covers: a list of
// placements, the placements of one training session, those of one centre
// (the teacher's centre, else the centre coordinating the session's field, as
// the schedule counts it) or all.
struct CertificateScope
{
    enum class Kind { Placements, Session, Centre, All };
    Kind kind = Kind::All;
    std::vector<int> placementIds; // Kind::Placements
    int id = 0; // Kind::Session: the session; Kind::Centre: the centre

    static CertificateScope placements(std::vector<int> ids) { return { Kind::Placements, std::move(ids), 0 }; }
    static CertificateScope session(int sessionId) { return { Kind::Session, {}, sessionId }; }
    static CertificateScope centre(int centreId) { return { Kind::Centre, {}, centreId }; }
    static CertificateScope all() { return {}; }
};

// The centre a placement counts for, an SQL expression over placement p,
// teacher t and training_session ts.
QString centreOfPlacementSql();
// The completed placements of `scope` with their teacher, session and centre:
// "FROM placement p JOIN … <joins> WHERE p.status = 'completed' AND …", its
// values appended to `bindings`.
QString completedPlacementsSql(const CertificateScope &scope, QVariantList *bindings, const QString &joins = {});

} // namespace kopru::certificates
