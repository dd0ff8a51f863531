// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/cli/cliargs.h"
#include "models/db/database.h"
#include "models/demo/demogenerator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <algorithm>

namespace kopru::cli {

int runDemo(const QStringList &raw, Io &io)
{
    Args args;
    QString error;
    if (!args.parse(raw, { QStringLiteral("--teachers"), QStringLiteral("--partners"), QStringLiteral("--seed") }, {}, &error)
        || args.positional().size() != 1)
        return fail(io, Usage,
            error.isEmpty()
                ? QCoreApplication::translate("cli", "usage: kopru-cli demo DB [--teachers N] [--partners N] [--seed S]")
                : error);
    DemoGenerator::Options options;
    bool ok = true;
    options.teachers = args.intValue(QStringLiteral("--teachers"), options.teachers, 0, 1000000, &ok);
    options.partners = args.intValue(QStringLiteral("--partners"), options.partners, 0, 100000, &ok);
    bool seedOk = true;
    if (args.has(QStringLiteral("--seed")))
        options.seed = args.value(QStringLiteral("--seed")).toULongLong(&seedOk);
    if (!ok || !seedOk)
        return fail(
            io, Usage, QCoreApplication::translate("cli", "--teachers, --partners and --seed take non-negative integers"));
    // The national default (1,500 partners) offers at least 3,000 places;
    // smaller sets scale down.
    options.minPlaces = std::min(options.minPlaces, 2 * options.partners);

    QElapsedTimer timer;
    timer.start();
    const QString path = args.positional().first();
    auto db = Database::create(path);
    if (!db)
        return fail(io, Usage, db.message());
    auto summary = DemoGenerator::generate(db.value()->connection(), options);
    if (!summary) {
        db = Error {};
        QFile::remove(path);
        return fail(io, Refused, summary.message());
    }
    const auto &s = summary.value();
    io.out << QCoreApplication::translate("cli",
        "demo database %1: %2 teachers, %3 competencies, %4 need ratings, "
        "%5 partners, %6 sessions with %7 places (%8 s)")
                  .arg(path)
                  .arg(s.teachers)
                  .arg(s.competencies)
                  .arg(s.ratings)
                  .arg(s.partners)
                  .arg(s.sessions)
                  .arg(s.places)
                  .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 2)
           << Qt::endl;
    return Success;
}

} // namespace kopru::cli
