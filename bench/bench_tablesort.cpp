// SPDX-License-Identifier: GPL-3.0-or-later
// The teachers table of a large database: sorting and searching through
// TurkishFilterProxy (issue #16: "scrolls, sorts and filters 80,000 rows
// without a visible pause").
//
//   bench_tablesort DB
//
// Loads the teachers into TeacherTableModel as the Teachers page does, then
// times (wall and CPU, three rounds) a sort by each of the first four columns,
// a search for a surname typed on an English keyboard ("kilic") and clearing
// it again, with the view sorted; then "kılıç" typed letter by letter (one
// search per keystroke) with the view sorted by last name. Reference in the
// same run: std::stable_sort of the same column's display texts with
// TurkishText::compare (no model, no proxy).
#include "models/db/database.h"
#include "models/domain/turkishtext.h"
#include "models/itemmodels/lookups.h"
#include "models/itemmodels/teachertablemodel.h"
#include "models/itemmodels/turkishfilterproxy.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <algorithm>
#include <ctime>
#include <vector>

using namespace kopru;

namespace {

struct Clock
{
    QElapsedTimer wall;
    std::clock_t cpu = 0;
    Clock()
    {
        wall.start();
        cpu = std::clock();
    }
    QString text() const
    {
        return QStringLiteral("%1 ms wall, %2 ms CPU")
            .arg(double(wall.nsecsElapsed()) / 1e6, 0, 'f', 1)
            .arg(1000.0 * double(std::clock() - cpu) / CLOCKS_PER_SEC, 0, 'f', 1);
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    if (argc < 2) {
        QTextStream(stderr) << "usage: bench_tablesort DB\n";
        return 2;
    }
    auto db = Database::open(QString::fromLocal8Bit(argv[1]));
    if (!db) {
        QTextStream(stderr) << db.message() << '\n';
        return 1;
    }
    Lookups lookups;
    if (Status s = lookups.load(db.value()->connection()); !s) {
        QTextStream(stderr) << s.message() << '\n';
        return 1;
    }
    TeacherTableModel model;
    {
        const Clock c;
        if (Status s = model.load(db.value()->connection(), &lookups); !s) {
            QTextStream(stderr) << s.message() << '\n';
            return 1;
        }
        out << "load " << model.rowCount() << " teachers: " << c.text() << '\n';
    }
    TurkishFilterProxy proxy;
    proxy.setSourceModel(&model);
    for (int round = 1; round <= 3; ++round) {
        for (int column = 0; column < std::min(4, model.columnCount()); ++column) {
            const Clock c;
            proxy.sort(column, round % 2 ? Qt::AscendingOrder : Qt::DescendingOrder);
            out << "round " << round << " sort by " << model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString()
                << ": " << c.text() << '\n';
        }
        {
            const Clock c;
            proxy.setSearchText(QStringLiteral("kilic"));
            out << "round " << round << " search \"kilic\" (" << proxy.rowCount() << " rows): " << c.text() << '\n';
        }
        {
            const Clock c;
            proxy.setSearchText(QString());
            out << "round " << round << " clear the search (" << proxy.rowCount() << " rows): " << c.text() << '\n';
        }
    }
    // Typing a search letter by letter (each keystroke a search, as the
    // search box does after its pause), sorted by last name, then clearing it.
    proxy.sort(1, Qt::AscendingOrder);
    const QString typed = QStringLiteral("kılıç");
    for (qsizetype n = 1; n <= typed.size(); ++n) {
        const QString text = typed.left(n);
        const Clock c;
        proxy.setSearchText(text);
        out << "type \"" << text << "\" (" << proxy.rowCount() << " rows): " << c.text() << '\n';
    }
    {
        const Clock c;
        proxy.setSearchText(QString());
        out << "type: clear the search (" << proxy.rowCount() << " rows): " << c.text() << '\n';
    }
    // Reference: the same comparisons on plain strings.
    for (int column = 0; column < std::min(4, model.columnCount()); ++column) {
        std::vector<QString> texts;
        texts.reserve(std::size_t(model.rowCount()));
        for (int r = 0; r < model.rowCount(); ++r)
            texts.push_back(model.index(r, column).data().toString());
        const Clock c;
        std::stable_sort(
            texts.begin(), texts.end(), [](const QString &a, const QString &b) { return TurkishText::compare(a, b) < 0; });
        out << "reference std::stable_sort of column " << column << " texts: " << c.text() << '\n';
    }
    return 0;
}
