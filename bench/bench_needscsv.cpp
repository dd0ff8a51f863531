// SPDX-License-Identifier: GPL-3.0-or-later
// bench_needscsv DB OUT.csv: writes the needs survey of DB in the wide form
// (one row per teacher, Q1[SQ001]… columns) with TableExporter, for bench/import.sh.
#include "models/db/database.h"
#include "tests/common/tableexporter.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        err << "usage: bench_needscsv DB OUT.csv\n";
        return 2;
    }
    auto db = kopru::Database::open(args.at(1));
    if (!db) {
        err << db.message() << '\n';
        return 2;
    }
    auto csv
        = kopru::TableExporter::toCsv(db.value()->connection(), kopru::ImportKind::Needs, kopru::TableExporter::NeedsShape::Wide);
    if (!csv) {
        err << csv.message() << '\n';
        return 1;
    }
    QFile out(args.at(2));
    if (!out.open(QIODevice::WriteOnly) || out.write(csv.value()) != csv.value().size()) {
        err << args.at(2) << ": " << out.errorString() << '\n';
        return 2;
    }
    return 0;
}
