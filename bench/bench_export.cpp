// SPDX-License-Identifier: GPL-3.0-or-later
// Times the phases of the plan export on a database (used by bench/export.sh):
// gathering, CSV, XLSX, PDF layout+painting, ICS. Prints one line per phase.
#include "models/db/database.h"
#include "models/document/pdfwriter.h"
#include "models/export/csvexport.h"
#include "models/export/icswriter.h"
#include "models/export/plandata.h"
#include "models/export/reportbuilders.h"
#include "models/export/tablebuilders.h"
#include "models/export/xlsxexport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTextStream>

using namespace kopru;
using namespace kopru::exporting;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        out << "usage: bench_export DB OUTDIR\n";
        return 2;
    }
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(args.at(1), options);
    if (!db) {
        out << db.message() << '\n';
        return 2;
    }
    // The output folder is created if missing (else every writer fails with
    // "cannot write the file" and the phases time nothing).
    const QDir dir(args.at(2));
    if (!dir.mkpath(QStringLiteral("."))) {
        out << "cannot create the output folder " << args.at(2) << '\n';
        return 2;
    }
    QElapsedTimer t;
    auto lap = [&](const char *what) {
        out << QStringLiteral("%1 %2 ms").arg(QLatin1String(what), -28).arg(double(t.nsecsElapsed()) / 1e6, 8, 'f', 1)
            << Qt::endl;
        t.restart();
    };
    t.start();
    auto rows = loadPlan(db.value()->connection(), {});
    if (!rows) {
        out << rows.message() << '\n';
        return 1;
    }
    lap("gather placements");
    const TableDocument table = planTable(rows.value(), SheetGrouping::ByCentre, nullptr);
    lap("build table");
    const QByteArray csv = toCsv(table);
    lap("csv (in memory)");
    if (Status s = writeXlsx(table, dir.filePath(QStringLiteral("plan.xlsx"))); !s)
        out << s.message() << '\n';
    lap("xlsx");
    const document::Document report = planReport(rows.value(), nullptr);
    lap("build pdf document");
    auto pages = document::writePdf(report, dir.filePath(QStringLiteral("plan.pdf")));
    if (!pages)
        out << pages.message() << '\n';
    lap("pdf layout + paint");
    const QByteArray ics = IcsWriter::calendar(groupBySession(rows.value()), nullptr, {});
    lap("ics (in memory)");
    out << "placements " << rows.value().size() << ", pdf pages " << (pages ? pages.value() : 0) << ", csv bytes " << csv.size()
        << ", ics bytes " << ics.size() << Qt::endl;
    return 0;
}
