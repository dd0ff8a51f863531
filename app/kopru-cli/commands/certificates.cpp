// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli certificates DB (--session ID | --centre ID | --all) [--out FILE.pdf]
//                        [--separate DIR] [--lang tr|en]
#include "app/kopru-cli/commands/commands.h"
#include "app/kopru-cli/databaseaccess.h"
#include "models/certificates/certificatecontent.h"
#include "models/certificates/certificatedocument.h"
#include "models/certificates/certificateissuer.h"
#include "models/db/database.h"
#include "models/report/reportlanguage.h"
#include "models/safety/backupmanager.h"

#include <QDir>

namespace kopru::cli {

Syntax certificatesSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database whose completed placements get their certificates.")) };
    syntax.options = {
        { QStringLiteral("session"), tr("The completed placements of this training session."), tr("ID") },
        { QStringLiteral("centre"), tr("The completed placements of this centre."), tr("ID") },
        { QStringLiteral("all"), tr("Every completed placement.") },
        { QStringLiteral("out"), tr("One PDF with every certificate, one a page."), tr("FILE.pdf") },
        { QStringLiteral("separate"), tr("One PDF per certificate in this folder, named after its number."), tr("DIR") },
        { QStringLiteral("lang"), tr("The certificates' language (default: Turkish)."), QStringLiteral("tr|en") },
    };
    return syntax;
}

int runCertificates(const Arguments &args, Io &io)
{
    using namespace kopru::certificates;
    const int scopes = int(args.isSet(QStringLiteral("session"))) + int(args.isSet(QStringLiteral("centre")))
        + int(args.isSet(QStringLiteral("all")));
    if (scopes != 1)
        return fail(io, Usage, tr("certificates needs one of --session ID, --centre ID or --all"));
    const QString out = args.value(QStringLiteral("out"));
    const QString separate = args.value(QStringLiteral("separate"));
    if (out.isEmpty() && separate.isEmpty())
        return fail(io, Usage, tr("certificates needs --out FILE.pdf or --separate DIR"));
    const QString language = args.isSet(QStringLiteral("lang")) ? args.value(QStringLiteral("lang")) : QStringLiteral("tr");
    if (language != QLatin1String("tr") && language != QLatin1String("en"))
        return fail(io, Usage, tr("--lang takes tr or en, not \"%1\"").arg(language));
    bool ok = true;
    CertificateScope scope = CertificateScope::all();
    if (args.isSet(QStringLiteral("session"))) {
        scope = CertificateScope::session(intOption(args, QStringLiteral("session"), 0, 1, 1000000000, &ok));
        if (!ok)
            return fail(io, Usage, tr("--session needs a session id (a positive number)"));
    } else if (args.isSet(QStringLiteral("centre"))) {
        scope = CertificateScope::centre(intOption(args, QStringLiteral("centre"), 0, 1, 1000000, &ok));
        if (!ok)
            return fail(io, Usage, tr("--centre needs a centre id (a positive number)"));
    }

    BackupManager backups;
    int code = Usage;
    auto session = openToWrite(args.positionalArguments().constFirst(), backups, io, &code, Place::FileOrServer);
    if (!session)
        return code;
    const Database &db = *session->db;
    auto issued = issueCertificates(db.connection(), scope);
    if (!issued)
        return fail(io, issued.error().file.isEmpty() ? Refused : Usage, issued.message());
    if (issued.value().placementIds.empty())
        return fail(io, Refused, tr("no completed placement in this selection: no certificate written"));
    auto content = loadCertificates(db.connection(), CertificateScope::placements(issued.value().placementIds));
    if (!content)
        return fail(io, Usage, content.message());

    io.out << tr("%n new certificate(s)", nullptr, issued.value().issued) << ", "
           << tr("%n re-issued (number and code kept)", nullptr, issued.value().reissued) << Qt::endl;
    // The certificates in their language; the command's messages in the UI's.
    Expected<int> pages = 0;
    Expected<QStringList> files = QStringList();
    {
        const report::ReportLanguage certificateLanguage(language);
        if (!out.isEmpty())
            pages = writeCertificatesPdf(content.value(), out);
        if (pages && !separate.isEmpty())
            files = writeCertificateFiles(content.value(), separate);
    }
    if (!pages)
        return fail(io, Usage, pages.message());
    if (!files)
        return fail(io, Usage, files.message());
    if (!out.isEmpty())
        io.out << tr("%1: %n page(s)", nullptr, pages.value()).arg(out) << Qt::endl;
    if (!separate.isEmpty())
        io.out << tr("%1: %n file(s)", nullptr, int(files.value().size())).arg(QDir::toNativeSeparators(separate)) << Qt::endl;
    return Success;
}

} // namespace kopru::cli
