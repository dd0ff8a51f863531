// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli verify-certificate DB NUMBER CODE
#include "app/kopru-cli/commands/commands.h"
#include "models/certificates/certificatecontent.h"
#include "models/certificates/certificatenumber.h"
#include "models/db/database.h"

#include <QLocale>

namespace kopru::cli {

Syntax verifyCertificateSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database that issued the certificate (opened read-only).")),
        { tr("NUMBER"), tr("The certificate's number, e.g. KPR-2027-007-00012.") },
        { tr("CODE"), tr("The verification code printed on the certificate (case, spaces and dashes do not matter).") } };
    return syntax;
}

int runVerifyCertificate(const Arguments &args, Io &io)
{
    using namespace kopru::certificates;
    const QStringList positional = args.positionalArguments();
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(positional.at(0), options);
    if (!db)
        return fail(io, Usage, db.message());
    const QString number = normaliseNumber(positional.at(1));
    auto verified = verifyCertificate(db.value()->connection(), number, positional.at(2));
    if (!verified)
        return fail(io, Usage, verified.message());
    switch (verified.value().outcome) {
    case Verification::Outcome::UnknownNumber:
        return fail(io, Refused, tr("not valid: this database issued no certificate %1").arg(number));
    case Verification::Outcome::WrongCode:
        return fail(io, Refused, tr("not valid: the verification code does not belong to certificate %1").arg(number));
    case Verification::Outcome::NotCompleted:
        return fail(
            io, Refused, tr("not valid: certificate %1 was issued, but its placement is no longer completed").arg(number));
    case Verification::Outcome::Valid:
        break;
    }
    const CertificateContent &c = verified.value().content;
    const QLocale locale;
    const auto day = [&locale](const QDate &d) { return locale.toString(d, QStringLiteral("dd.MM.yyyy")); };
    io.out << tr("valid: certificate %1").arg(c.number) << Qt::endl
           << tr("holder: %1").arg(c.teacherName) << Qt::endl
           << tr("programme: %1 %2 at %3, %4 – %5, %6 hours")
                  .arg(c.fieldCode, c.fieldTr, c.partnerName, day(c.start), day(c.end), locale.toString(c.hoursAttended))
           << Qt::endl;
    if (!c.centreName.isEmpty())
        io.out << tr("centre: %1").arg(c.centreName) << Qt::endl;
    io.out
        << tr("issued: %n time(s), first %1, last %2", nullptr, c.issueCount).arg(c.firstIssuedAt.left(10), c.issuedAt.left(10))
        << Qt::endl;
    return Success;
}

} // namespace kopru::cli
