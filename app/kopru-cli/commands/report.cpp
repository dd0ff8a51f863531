// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli report DB --field CODE --out FILE.pdf
//
// The one command that needs Qt Widgets: the needs report draws its charts
// with Qt Charts (views/report/), which paint through QGraphicsScene and need a
// QApplication. This file is therefore built into kopru-cli itself, linked with
// the widgets library, while every other command lives in kopru_cli_commands,
// which links the GUI-free libraries only (app/CMakeLists.txt). When the one
// PDF engine in models/ draws the charts itself, this command moves there too
// and kopru-cli stops linking Qt Widgets.
#include "app/kopru-cli/commands/commands.h"
#include "models/db/database.h"
#include "views/report/needsreport.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>

namespace kopru::cli {

std::unique_ptr<QCoreApplication> reportApplication(int &argc, char **argv)
{
    preferOffscreen();
    return std::make_unique<QApplication>(argc, argv);
}

Syntax reportSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database to read (opened read-only).")) };
    syntax.options = {
        { QStringLiteral("field"), tr("Code of the pilot field (e.g. BIL)."), tr("CODE") },
        { QStringLiteral("out"), tr("The PDF file to write."), tr("FILE.pdf") },
    };
    syntax.required = { QStringLiteral("field"), QStringLiteral("out") };
    return syntax;
}

int runReport(const Arguments &args, Io &io)
{
    const QString out = args.value(QStringLiteral("out"));
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(args.positionalArguments().constFirst(), options);
    if (!db)
        return fail(io, Usage, db.message());
    auto input = report::collectNeedsReport(db.value()->connection(), args.value(QStringLiteral("field")));
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
        return fail(io, Usage, Error { tr("cannot write the report"), out, 0, 0 }.toString());
    }
    io.out << tr("report written to %1").arg(QFileInfo(out).filePath()) << Qt::endl;
    return Success;
}

} // namespace kopru::cli
