// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/certificates/certificateissuer.h"

#include "models/certificates/certificatenumber.h"
#include "models/db/sql.h"
#include "models/db/transaction.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTimeZone>
#include <map>

namespace kopru::certificates {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(Certificates)
};

// Attempts at a verification code not yet given (a collision is 1 in 32^10).
constexpr int kCodeAttempts = 20;

// An unknown session or centre, or a listed placement that cannot be certified.
Status checkScope(QSqlDatabase db, const CertificateScope &scope)
{
    switch (scope.kind) {
    case CertificateScope::Kind::Session: {
        auto found = Sql::scalar(db, QStringLiteral("SELECT id FROM training_session WHERE id = ?"), { scope.id });
        if (!found)
            return found.error();
        if (!found.value().isValid())
            return Status::failure(Text::tr("There is no training session %1.").arg(scope.id));
        break;
    }
    case CertificateScope::Kind::Centre: {
        auto found = Sql::scalar(db, QStringLiteral("SELECT id FROM centre WHERE id = ?"), { scope.id });
        if (!found)
            return found.error();
        if (!found.value().isValid())
            return Status::failure(Text::tr("There is no centre %1.").arg(scope.id));
        break;
    }
    case CertificateScope::Kind::Placements:
        for (const int id : scope.placementIds) {
            auto status = Sql::scalar(db, QStringLiteral("SELECT status FROM placement WHERE id = ?"), { id });
            if (!status)
                return status.error();
            if (!status.value().isValid())
                return Status::failure(Text::tr("There is no placement %1.").arg(id));
            if (status.value().toString() != QLatin1String("completed"))
                return Status::failure(
                    Text::tr("Placement %1 is not completed: a certificate is issued for completed placements only.").arg(id));
        }
        break;
    case CertificateScope::Kind::All:
        break;
    }
    return {};
}

// The next sequence of the numbers starting with `prefix`.
Expected<int> nextSequence(QSqlDatabase db, const QString &prefix)
{
    auto last = Sql::scalar(db,
        QStringLiteral("SELECT max(CAST(substr(number, ?) AS INTEGER)) FROM certificate WHERE substr(number, 1, ?) = ?"),
        { int(prefix.size()) + 1, int(prefix.size()), prefix });
    if (!last)
        return last.error();
    return last.value().toInt() + 1;
}

Expected<QString> unusedCode(QSqlDatabase db)
{
    for (int attempt = 0; attempt < kCodeAttempts; ++attempt) {
        const QString code = newVerificationCode();
        auto taken = Sql::scalar(db, QStringLiteral("SELECT 1 FROM certificate WHERE verification_code = ?"), { code });
        if (!taken)
            return taken.error();
        if (!taken.value().isValid())
            return code;
    }
    return Error { Text::tr("No unused verification code was found."), {}, 0, 0 };
}

struct Candidate
{
    int placementId = 0;
    int centreId = 0;
    bool issued = false;
};

Expected<std::vector<Candidate>> candidates(QSqlDatabase db, const CertificateScope &scope)
{
    QVariantList bindings;
    const QString sql = QStringLiteral("SELECT p.id, ") + centreOfPlacementSql()
        + QStringLiteral(", (SELECT count(*) FROM certificate c WHERE c.placement_id = p.id) ")
        + completedPlacementsSql(scope, &bindings)
        + QStringLiteral(" ORDER BY ts.start_date, ts.id, t.last_name, t.first_name, p.id");
    std::vector<Candidate> out;
    const Status read = Sql::forEachRow(db, sql, bindings, [&](const QSqlQuery &q) {
        out.push_back({ q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt() > 0 });
    });
    if (!read)
        return read.error();
    return out;
}

} // namespace

Expected<IssuePreview> previewIssue(QSqlDatabase db, const CertificateScope &scope)
{
    auto found = candidates(db, scope);
    if (!found)
        return found.error();
    IssuePreview preview;
    for (const Candidate &c : found.value()) {
        ++preview.completed;
        preview.alreadyIssued += c.issued;
    }
    return preview;
}

Expected<IssueSummary> issueCertificates(QSqlDatabase db, const CertificateScope &scope, QDateTime at)
{
    if (!at.isValid())
        at = QDateTime::currentDateTimeUtc();
    const QDateTime utc = at.toTimeZone(QTimeZone::utc());
    const QString stamp = utc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));

    Transaction tx(db);
    if (!tx.began())
        return tx.began().error();
    if (Status s = checkScope(db, scope); !s)
        return s.error();
    auto found = candidates(db, scope);
    if (!found)
        return found.error();

    IssueSummary summary;
    std::map<QString, int> next; // prefix -> the next sequence
    for (const Candidate &c : found.value()) {
        if (c.issued) {
            if (Status s = Sql::exec(db,
                    QStringLiteral("UPDATE certificate SET issued_at = ?, issue_count = issue_count + 1 WHERE placement_id = ?"),
                    { stamp, c.placementId });
                !s)
                return s.error();
            ++summary.reissued;
        } else {
            const QString prefix = numberPrefix(utc.date().year(), c.centreId);
            auto it = next.find(prefix);
            if (it == next.end()) {
                auto sequence = nextSequence(db, prefix);
                if (!sequence)
                    return sequence.error();
                it = next.emplace(prefix, sequence.value()).first;
            }
            auto code = unusedCode(db);
            if (!code)
                return code.error();
            if (Status s = Sql::exec(db,
                    QStringLiteral("INSERT INTO certificate(placement_id, number, verification_code, first_issued_at, "
                                   "issued_at, issue_count) VALUES (?, ?, ?, ?, ?, 1)"),
                    { c.placementId, certificateNumber(utc.date().year(), c.centreId, it->second), code.value(), stamp, stamp });
                !s)
                return s.error();
            ++it->second;
            ++summary.issued;
        }
        summary.placementIds.push_back(c.placementId);
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return summary;
}

} // namespace kopru::certificates
