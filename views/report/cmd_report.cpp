// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli report DB --field CODE --out FILE.pdf
#include "models/db/database.h"
#include "views/report/needsreport.h"
#include "views/report/reportcommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace kopru::cli {

int runReport(const QStringList &raw, Io &io)
{
    Args args;
    QString error;
    if (!args.parse(raw, { QStringLiteral("--field"), QStringLiteral("--out") }, {}, &error))
        return fail(io, Usage, error);
    const QString out = args.value(QStringLiteral("--out"));
    if (args.positional().size() != 1 || args.value(QStringLiteral("--field")).isEmpty() || out.isEmpty())
        return fail(io, Usage, QCoreApplication::translate("cli", "usage: kopru-cli report DB --field CODE --out FILE.pdf"));
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(args.positional().first(), options);
    if (!db)
        return fail(io, Usage, db.message());
    auto input = report::collectNeedsReport(db.value()->connection(), args.value(QStringLiteral("--field")));
    if (!input)
        return fail(io, Usage, input.message());
    // Write next to the target and rename, so a failure never leaves half a PDF.
    const QString partial = out + QStringLiteral(".part");
    if (Status s = report::writeNeedsReport(input.value(), partial); !s) {
        QFile::remove(partial);
        return fail(io, Usage, s.message());
    }
    QFile::remove(out);
    if (!QFile::rename(partial, out)) {
        QFile::remove(partial);
        return fail(io, Usage, Error { QCoreApplication::translate("cli", "cannot write the report"), out, 0, 0 }.toString());
    }
    io.out << QCoreApplication::translate("cli", "report written to %1").arg(QFileInfo(out).filePath()) << Qt::endl;
    return Success;
}

} // namespace kopru::cli
