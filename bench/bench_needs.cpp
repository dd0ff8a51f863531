// SPDX-License-Identifier: GPL-3.0-or-later
// Field switching on the needs-analysis page (docs/specification.md: < 100 ms a switch).
//
//   bench_needs DB [--grab DIR]
//
// For every pilot field, three times round: (a) the statistics alone
// (FieldData::load, stats() and breakdown()), (b) a whole switch on the page
// (setFieldCode: statistics, model resets, charts) plus painting the page
// into an image, with each of the four tabs shown in turn; the switch is also
// shown in its phases, per tab shown, and for the first visit of a field
// (data read) apart from the later ones (data cached by the page); then tab
// switches after a field switch. Reference in the same run: a full scan
// `SELECT count(*), sum(need) FROM need_rating` of all 320,000 ratings.
// --grab DIR saves each tab of the page for the first two fields (for looking).
#include "models/db/database.h"
#include "models/stats/needstatistics.h"
#include "views/charts/chartpanel.h"
#include "views/needs/needspage.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTextStream>
#include <QUndoStack>
#include <algorithm>
#include <ctime>
#include <vector>

using namespace kopru;

namespace {

// Wall time and process CPU time: on a shared, loaded machine the CPU time
// shows the work done, the wall time what a user would have waited.
struct Clock
{
    QElapsedTimer wall;
    std::clock_t cpu = 0;
    void start()
    {
        wall.start();
        cpu = std::clock();
    }
    double wallMs() const { return double(wall.nsecsElapsed()) / 1e6; }
    double cpuMs() const { return 1000.0 * double(std::clock() - cpu) / CLOCKS_PER_SEC; }
};

struct Figures
{
    std::vector<double> ms, cpu;
    void add(const Clock &c)
    {
        ms.push_back(c.wallMs());
        cpu.push_back(c.cpuMs());
    }
    double cpuMean() const
    {
        double s = 0;
        for (double v : cpu)
            s += v;
        return cpu.empty() ? 0 : s / double(cpu.size());
    }
    double mean() const
    {
        double s = 0;
        for (double v : ms)
            s += v;
        return ms.empty() ? 0 : s / double(ms.size());
    }
    double max() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        out << "usage: bench_needs DB [--grab DIR]\n";
        return 2;
    }
    const int grabAt = int(args.indexOf(QStringLiteral("--grab")));
    const QString grabDir = grabAt > 0 && grabAt + 1 < args.size() ? args.at(grabAt + 1) : QString();
    Database::Options options;
    options.access = Database::Access::ReadOnly;
    auto db = Database::open(args.at(1), options);
    if (!db) {
        out << db.message() << '\n';
        return 2;
    }
    QSqlDatabase conn = db.value()->connection();
    auto fields = stats::listFields(conn);
    if (!fields || fields->empty()) {
        out << "no fields\n";
        return 2;
    }

    QUndoStack undo;
    NeedsPage page(&undo, nullptr);
    page.resize(1400, 900);
    auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("needsTabs"));
    page.setDatabase(db.value().get()); // also sets the connection's page cache (all figures share it)
    // The tabs of one round (a hidden last tab compares survey rounds where a field has two).
    int tabCount = 0;
    while (tabs && tabCount < tabs->count() && tabs->isTabVisible(tabCount))
        ++tabCount;

    // Reference: a full scan of the ratings table. On a server the scan is
    // the server's work: its wall time is the figure there (the client's CPU
    // only waits). A scan that fails or reads nothing stops the benchmark.
    Figures scan;
    qint64 scanned = 0;
    for (int i = 0; i < 10; ++i) {
        Clock t;
        t.start();
        QSqlQuery q(conn);
        if (!q.exec(QStringLiteral("SELECT count(*), sum(need) FROM need_rating")) || !q.next()) {
            out << "reference scan failed: " << q.lastError().text() << '\n';
            return 1;
        }
        scanned = q.value(0).toLongLong();
        scan.add(t);
    }
    if (scanned == 0) {
        out << "reference scan read no ratings\n";
        return 1;
    }

    Figures statsOnly, pageSwitch, firstVisit, revisit, phaseSet, phaseEvents, phasePaint;
    std::vector<Figures> perTab(tabs ? std::size_t(tabCount) : 0);
    for (int round = 0; round < 3; ++round) {
        for (const stats::FieldInfo &f : fields.value()) {
            Clock t;
            t.start();
            // What the page reads and counts for a field (FieldData: one pass over its ratings).
            auto data = stats::FieldData::load(conn, f.code);
            if (!data) {
                out << data.message() << '\n';
                return 1;
            }
            const stats::FieldStats st = data->stats();
            const stats::Breakdown b = data->breakdown(stats::Breakdown::Kind::Province);
            statsOnly.add(t);
            if (st.competencies.empty() || b.groups.empty())
                return 1;
            if (tabs)
                tabs->setCurrentIndex((round + int(&f - fields->data())) % tabCount);
            t.start();
            Clock phase;
            phase.start();
            page.setFieldCode(f.code);
            phaseSet.add(phase);
            phase.start();
            QCoreApplication::processEvents(); // posted chart layout, as before a real repaint
            phaseEvents.add(phase);
            phase.start();
            const QImage shown = page.grab().toImage();
            phasePaint.add(phase);
            pageSwitch.add(t);
            (round == 0 ? firstVisit : revisit).add(t);
            if (tabs)
                perTab[std::size_t(tabs->currentIndex())].add(t);
            if (!page.lastError().isEmpty() || shown.isNull()) {
                out << page.lastError() << '\n';
                return 1;
            }
        }
    }
    // Switching tabs after a field switch (a tab whose chart is out of date builds it then).
    Figures tabSwitch;
    for (const stats::FieldInfo &f : fields.value()) {
        if (!tabs)
            break;
        tabs->setCurrentIndex(0);
        page.setFieldCode(f.code);
        QCoreApplication::processEvents();
        for (int i = 1; i < tabCount; ++i) {
            Clock t;
            t.start();
            tabs->setCurrentIndex(i);
            QCoreApplication::processEvents();
            const QImage shown = page.grab().toImage();
            tabSwitch.add(t);
            if (shown.isNull())
                return 1;
        }
    }
    out << QStringLiteral("fields: %1, switches measured: %2\n").arg(fields->size()).arg(pageSwitch.ms.size());
    auto line = [&](const char *what, const Figures &f) {
        out << QStringLiteral("%1 wall mean %2 ms, max %3 ms; cpu mean %4 ms\n")
                   .arg(QLatin1String(what), -52)
                   .arg(f.mean(), 6, 'f', 1)
                   .arg(f.max(), 6, 'f', 1)
                   .arg(f.cpuMean(), 6, 'f', 1);
    };
    out << QStringLiteral("reference scan read %1 ratings\n").arg(scanned);
    line("reference: full scan of need_rating (count, sum)", scan);
    line("kopru: statistics of a field + province breakdown", statsOnly);
    line("kopru: field switch on the page, painted (< 100)", pageSwitch);
    line("  first visit of each field (its data read)", firstVisit);
    line("  second and third visits (data from the cache)", revisit);
    line("  of which: setFieldCode (queries, models, charts)", phaseSet);
    line("  of which: posted events (chart and widget layout)", phaseEvents);
    line("  of which: painting the page (grab)", phasePaint);
    for (std::size_t i = 0; i < perTab.size(); ++i)
        line(qPrintable(QStringLiteral("  with the tab \"%1\" shown").arg(tabs->tabText(int(i)).remove(QLatin1Char('&')))),
            perTab[i]);
    line("kopru: tab switch after a field switch, painted", tabSwitch);

    if (!grabDir.isEmpty() && tabs) {
        QDir().mkpath(grabDir);
        for (int f = 0; f < 2 && f < int(fields->size()); ++f) {
            page.setFieldCode(fields->at(std::size_t(f)).code);
            for (int i = 0; i < tabCount; ++i) {
                tabs->setCurrentIndex(i);
                QCoreApplication::processEvents(); // as a shown window would, before it paints
                page.grab().save(
                    QDir(grabDir).filePath(QStringLiteral("%1-tab%2.png").arg(fields->at(std::size_t(f)).code).arg(i)));
            }
        }
    }
    return 0;
}
