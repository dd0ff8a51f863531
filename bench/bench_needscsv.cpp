// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the needs survey of a database as a CSV file in the import format
// (wide: one row per teacher, one column per competency), as input for the
// import benchmark and the peak-memory figure of bench/run-all.sh.
//   bench_needscsv DB OUT.csv
#include "db/database.h"
#include "io/tableexporter.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

using namespace kopru;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        err << "usage: bench_needscsv DB OUT.csv\n";
        return 2;
    }
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(args.at(1), options);
    if (!db) {
        err << db.message() << '\n';
        return 2;
    }
    auto csv = TableExporter::toCsv(db.value()->connection(), ImportKind::Needs, TableExporter::NeedsShape::Wide);
    if (!csv) {
        err << csv.message() << '\n';
        return 1;
    }
    QFile out(args.at(2));
    if (!out.open(QIODevice::WriteOnly) || out.write(csv.value()) != csv.value().size()) {
        err << args.at(2) << ": cannot write\n";
        return 2;
    }
    return 0;
}
