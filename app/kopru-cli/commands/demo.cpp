// SPDX-License-Identifier: GPL-3.0-or-later
// kopru-cli demo DB [--teachers N] [--partners N] [--seed S] [--role ROLE] [--no-programme]
#include "app/kopru-cli/commands/commands.h"
#include "models/db/database.h"
#include "models/demo/demogenerator.h"

#include <QElapsedTimer>
#include <algorithm>

namespace kopru::cli {

Syntax demoSyntax()
{
    Syntax syntax;
    syntax.positional = { databaseArgument(tr("The database file to create (it must not exist or be empty).")) };
    syntax.options = {
        { QStringLiteral("teachers"), tr("Number of teachers (default: 8000)."), QStringLiteral("N") },
        { QStringLiteral("partners"), tr("Number of partner companies (default: 1500)."), QStringLiteral("N") },
        { QStringLiteral("seed"),
            tr("Seed of the random sequence (default: 2024): the same seed and options give the same database."),
            QStringLiteral("S") },
        { QStringLiteral("role"),
            tr("Build the part of the national programme that the national office or one centre holds, the same records "
               "with the same ids for every role built from one seed (default: the whole data set, national office)."),
            QStringLiteral("national|centre:ID") },
        { QStringLiteral("no-programme"),
            tr("Leave out the completed first programme (placements, attendance, evaluations, survey round 2): "
               "the survey and the sessions only, nothing placed yet.") },
    };
    return syntax;
}

int runDemo(const Arguments &args, Io &io)
{
    DemoGenerator::Options options;
    bool ok = true;
    options.teachers = intOption(args, QStringLiteral("teachers"), options.teachers, 0, 1000000, &ok);
    options.partners = intOption(args, QStringLiteral("partners"), options.partners, 0, 100000, &ok);
    bool seedOk = true;
    if (args.isSet(QStringLiteral("seed")))
        options.seed = args.value(QStringLiteral("seed")).toULongLong(&seedOk);
    if (!ok || !seedOk)
        return fail(io, Usage, tr("--teachers, --partners and --seed take non-negative integers"));
    if (args.isSet(QStringLiteral("role"))) {
        auto role = DatabaseRole::parse(args.value(QStringLiteral("role")));
        if (!role)
            return fail(io, Usage, role.message());
        options.role = role.value();
    }
    options.programme = !args.isSet(QStringLiteral("no-programme"));
    // The national default (1,500 partners) offers at least 3,000 places;
    // smaller sets scale down.
    options.minPlaces = std::min(options.minPlaces, 2 * options.partners);

    QElapsedTimer timer;
    timer.start();
    const QString path = args.positionalArguments().constFirst();
    // Built under a temporary name: the file appears complete or not at all.
    DemoGenerator::Summary s;
    auto db = Database::create(path, [&](QSqlDatabase c) -> Status {
        auto made = DemoGenerator::generate(c, options);
        if (!made)
            return made.error();
        s = made.value();
        return {};
    });
    if (!db)
        return fail(io, Usage, db.message());
    io.out << tr("demo database %1: %2 teachers, %3 competencies, %4 need ratings, "
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
    if (options.role)
        io.out << tr("role: %1; %n placement(s) planned", nullptr, s.placements).arg(options.role->displayName()) << Qt::endl;
    else if (s.placements > 0)
        io.out << tr("first programme: %n placement(s) completed or cancelled", nullptr, s.placements) << Qt::endl;
    return Success;
}

} // namespace kopru::cli
