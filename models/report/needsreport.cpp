// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/report/needsreport.h"

#include "models/document/pdfwriter.h"
#include "models/stats/competencystatsmodel.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace kopru::report {

using document::Document;
using stats::CompetencyStatsModel;

namespace {

constexpr int kBarsPerChartPage = 30;

QString tr(const char *s, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("kopru::report", s, disambiguation, n);
}

QString num(double v, int decimals)
{
    return std::isnan(v) ? QStringLiteral("–") : QLocale().toString(v, 'f', decimals);
}

QString count(int n)
{
    return QLocale().toString(n);
}

QString scopeText(const stats::FieldStats &f)
{
    switch (f.scope.kind) {
    case stats::Scope::Kind::Province:
        return tr("Teachers of province %1").arg(f.scopeName);
    case stats::Scope::Kind::Centre:
        return tr("Teachers of centre %1").arg(f.scopeName);
    case stats::Scope::Kind::All:
        break;
    }
    return tr("All teachers of the field");
}

using Blocks = std::vector<document::Block>;
using document::TableColumn;

// The palette of the charts: the same colours as the needs page's charts.
const QColor kMeanColour(0x1f, 0x5f, 0x9f);
const QColor kGroupColour(0x3a, 0x7d, 0x44);
const QColor kUnmetColour(0xd7, 0x19, 0x1c);
// A diverging palette for the need levels 1…5: low need cool, high need warm.
const QColor kLevelColours[stats::kScaleSize] = { QColor(0x2c, 0x7b, 0xb6), QColor(0xab, 0xd9, 0xe9), QColor(0xe6, 0xe6, 0xb0),
    QColor(0xfd, 0xae, 0x61), QColor(0xd7, 0x19, 0x1c) };

document::ChartAxis needAxis(const QString &title)
{
    document::ChartAxis axis;
    axis.title = title;
    axis.min = 0;
    axis.max = stats::kScaleSize;
    axis.ticks = stats::kScaleSize;
    return axis;
}

void titlePage(Blocks &out, const NeedsReportInput &in)
{
    using document::TextStyle;
    const stats::FieldStats &f = in.field;
    out.push_back(document::spacer(45));
    out.push_back(document::paragraph(tr("Needs analysis report"), TextStyle::Title));
    out.push_back(document::spacer(6));
    out.push_back(document::paragraph(QStringLiteral("%1 – %2").arg(f.code, f.displayName()), TextStyle::Subtitle));
    if (f.displayName() != f.nameTr)
        out.push_back(document::paragraph(f.nameTr, TextStyle::Lead));
    out.push_back(document::spacer(10));
    out.push_back(document::paragraph(f.centres.isEmpty()
            ? tr("No centre coordinates this field.")
            : tr("Sectoral Excellence Centre(s): %1").arg(f.centres.join(QStringLiteral(", "))),
        TextStyle::Lead));
    out.push_back(document::paragraph(scopeText(f), TextStyle::Lead));
    out.push_back(document::spacer(10));
    out.push_back(document::paragraph(
        tr("%1 teachers, %2 respondents, survey round %3").arg(count(f.teachers), count(f.respondents)).arg(f.round),
        TextStyle::Lead));
    out.push_back(document::paragraph(tr("Date: %1").arg(QLocale().toString(in.date, QLocale::LongFormat)), TextStyle::Lead));
    out.push_back(document::spacer(60));
    out.push_back(document::paragraph(tr("Prepared with Köprü %1").arg(QStringLiteral(KOPRU_VERSION)), TextStyle::Small));
}

void summary(Blocks &out, const NeedsReportInput &in, const std::vector<const stats::CompetencyStats *> &unmet)
{
    const stats::FieldStats &f = in.field;
    out.push_back(document::pageBreak());
    out.push_back(document::heading(tr("Summary"), {}, 1));
    if (f.round == 0) {
        out.push_back(document::paragraph(tr("No need ratings have been recorded for this field yet.")));
        return;
    }
    if (f.suppressed) {
        out.push_back(document::paragraph(
            tr("Fewer than %1 teachers answered in this selection: the values are suppressed to protect anonymity.")
                .arg(stats::kMinGroupRespondents)));
        return;
    }
    const stats::RatingCounts all = f.overall();
    const int ratings = all.respondents() + all.notApplicable;
    out.push_back(document::paragraph(
        tr("%1 of the field's %2 teachers answered the needs survey (%3 %). They rated %4 competencies on a scale from "
           "1 (no need) to 5 (very high need), or answered \"not applicable\".")
            .arg(count(f.respondents), count(f.teachers), num(f.teachers ? 100.0 * f.respondents / f.teachers : std::nan(""), 1))
            .arg(f.competencies.size())));
    out.push_back(document::paragraph(
        tr("Mean need over all ratings: %1. Share of ratings with high need (4 or 5): %2 %. \"Not applicable\": %3 of %4 "
           "answers (%5 %).")
            .arg(num(all.meanNeed(), 2), num(all.highNeedShare() * 100, 1), count(all.notApplicable), count(ratings),
                num(ratings ? 100.0 * all.notApplicable / ratings : std::nan(""), 1))));
    QStringList top;
    for (std::size_t i = 0; i < f.competencies.size() && i < 5; ++i)
        top << QStringLiteral("%1 %2 (%3)")
                   .arg(f.competencies[i].code, f.competencies[i].displayTitle(), num(f.competencies[i].ratings.meanNeed(), 2));
    out.push_back(document::paragraph(tr("Highest needs: %1.").arg(top.join(QStringLiteral("; ")))));
    int uncovered = 0;
    for (const stats::CompetencyStats &c : f.competencies)
        uncovered += c.supply == 0;
    out.push_back(document::paragraph(
        tr("%1 competencies are not covered by any training session. %2").arg(uncovered).arg(in.rule.description())));
    out.push_back(document::paragraph(unmet.empty()
            ? tr("No competency is an unmet need under this rule.")
            : tr("%n competency(ies) are unmet needs; they are listed in the section \"Unmet needs\".", nullptr,
                int(unmet.size()))));
    int suppressedProvinces = 0;
    for (const stats::GroupStats &g : in.provinces.groups)
        suppressedProvinces += g.suppressed;
    out.push_back(document::paragraph(
        tr("Teachers of %1 provinces answered; %2 provinces with fewer than %3 respondents are suppressed in the comparison "
           "to protect anonymity.")
            .arg(in.provinces.groups.size())
            .arg(suppressedProvinces)
            .arg(stats::kMinGroupRespondents)));
}

// Mean need per competency (horizontal bars) and the distribution of the
// ratings (bars stacked to 100 %), at most kBarsPerChartPage bars a page.
void competencyCharts(Blocks &out, const NeedsReportInput &in)
{
    const std::vector<stats::CompetencyStats> &competencies = in.field.competencies;
    const int n = int(competencies.size());
    const int pages = std::max(1, (n + kBarsPerChartPage - 1) / kBarsPerChartPage);
    const int perPage = (n + pages - 1) / pages;
    auto chunks = [&](const QString &title, auto fill) {
        for (int p = 0; p < pages; ++p) {
            out.push_back(document::pageBreak());
            out.push_back(
                document::heading(pages > 1 ? tr("%1 (part %2 of %3)").arg(title).arg(p + 1).arg(pages) : title, {}, 1));
            document::Chart chart;
            chart.title = title;
            for (int i = p * perPage; i < std::min(n, (p + 1) * perPage); ++i)
                chart.categories << CompetencyStatsModel::chartLabel(competencies[std::size_t(i)]);
            fill(chart, p * perPage, int(chart.categories.size()));
            out.push_back(document::chart(std::move(chart)));
        }
    };
    chunks(tr("Mean need per competency"), [&](document::Chart &chart, int first, int rows) {
        document::ChartSeries mean { tr("Mean need"), kMeanColour, {}, {}, 0 };
        for (int i = first; i < first + rows; ++i)
            mean.values.push_back(std::round(competencies[std::size_t(i)].ratings.meanNeed() * 100) / 100);
        chart.series.push_back(std::move(mean));
        chart.valueAxis = needAxis(tr("Mean need (1 no need … 5 very high need)"));
        chart.valueLabelDecimals = 2;
    });
    chunks(tr("Distribution of the need ratings"), [&](document::Chart &chart, int first, int rows) {
        chart.kind = document::Chart::Kind::StackedPercent;
        for (int level = 1; level <= stats::kScaleSize; ++level) {
            document::ChartSeries series { in.scale.label(level), kLevelColours[level - 1], {}, {}, 0 };
            for (int i = first; i < first + rows; ++i)
                series.values.push_back(competencies[std::size_t(i)].ratings.distribution[std::size_t(level - 1)]);
            chart.series.push_back(std::move(series));
        }
        chart.valueAxis.title = tr("Share of respondents");
        chart.valueAxis.ticks = 4;
        chart.legend = true;
    });
}

void needSupplyChart(Blocks &out, const NeedsReportInput &in)
{
    out.push_back(document::pageBreak());
    out.push_back(document::heading(tr("Need against supply"), {}, 1));
    out.push_back(document::paragraph(
        tr("Each point is a competency: its mean need against the session places that cover it. Red points are unmet "
           "needs. %1")
            .arg(in.rule.description())));
    document::Chart chart;
    chart.kind = document::Chart::Kind::Scatter;
    chart.title = tr("Need against supply");
    document::ChartSeries all { tr("Competency"), kMeanColour, {}, {}, 2.3 };
    document::ChartSeries unmet { tr("Unmet need (high need, little supply)"), kUnmetColour, {}, {}, 3.6 };
    for (const stats::CompetencyStats &c : in.field.competencies) {
        const double mean = c.ratings.meanNeed();
        if (std::isnan(mean))
            continue;
        const QPointF point(c.supply, std::round(mean * 100) / 100);
        all.points.push_back(point);
        if (in.rule.isUnmet(c))
            unmet.points.push_back(point);
    }
    chart.series = { std::move(all), std::move(unmet) };
    chart.xAxis.title = tr("Supply: session places covering the competency");
    chart.valueAxis = needAxis(tr("Mean need"));
    chart.valueAxis.min = 1;
    chart.valueAxis.ticks = 4;
    chart.legend = true;
    out.push_back(document::chart(std::move(chart)));
}

void provinceChart(Blocks &out, const NeedsReportInput &in)
{
    out.push_back(document::pageBreak());
    out.push_back(document::heading(tr("Comparison of the provinces"), {}, 1));
    out.push_back(document::paragraph(
        tr("Mean need over all competencies of the field, per province of the teachers. Provinces with fewer than %1 "
           "respondents are suppressed and not shown.")
            .arg(stats::kMinGroupRespondents)));
    // Provinces that are shown, highest mean need first.
    std::vector<std::pair<QString, double>> shown;
    for (const stats::GroupStats &g : in.provinces.groups) {
        const double mean = g.overall.meanNeed();
        if (!g.suppressed && !std::isnan(mean))
            shown.emplace_back(g.name, std::round(mean * 100) / 100);
    }
    std::stable_sort(shown.begin(), shown.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    document::Chart chart;
    chart.title = tr("Mean need per province");
    document::ChartSeries mean { tr("Mean need"), kGroupColour, {}, {}, 0 };
    for (const auto &[name, value] : shown) {
        chart.categories << name;
        mean.values.push_back(value);
    }
    chart.series.push_back(std::move(mean));
    chart.valueAxis = needAxis(tr("Mean need (1 no need … 5 very high need)"));
    chart.valueLabelDecimals = 2;
    out.push_back(document::chart(std::move(chart)));
}

void competencyTable(Blocks &out, const NeedsReportInput &in)
{
    out.push_back(document::pageBreak());
    out.push_back(document::heading(tr("All competencies"), {}, 1));
    const stats::LikertScale &s = in.scale;
    std::vector<TableColumn> cols { { tr("Code"), 7.5 }, { tr("Competency"), 33.5 }, { tr("Resp."), 6.5, true },
        { tr("N/A"), 5, true }, { tr("Mean"), 6.5, true }, { tr("High %"), 8, true } };
    for (int level = 1; level <= stats::kScaleSize; ++level)
        cols.push_back({ QString::number(level), 5, true });
    cols.push_back({ tr("Places"), 8, true });
    document::Block table = document::table(cols);
    for (const stats::CompetencyStats &c : in.field.competencies) {
        QStringList row { c.code, c.displayTitle(), count(c.ratings.respondents()), count(c.ratings.notApplicable),
            num(c.ratings.meanNeed(), 2), num(c.ratings.highNeedShare() * 100, 1) };
        for (int v : c.ratings.distribution)
            row << count(v);
        row << count(c.supply);
        table.table.rows.push_back(row);
        table.table.emphasised.push_back(in.rule.isUnmet(c));
    }
    out.push_back(std::move(table));
    QStringList legend;
    for (int level = 1; level <= stats::kScaleSize; ++level)
        legend << s.label(level);
    out.push_back(document::paragraph(
        tr("Columns 1–5: number of teachers per need level (%1). N/A: \"not applicable\". Places: session places covering "
           "the competency. Unmet needs in bold.")
            .arg(legend.join(QStringLiteral(", ")))));
}

void unmetTable(Blocks &out, const NeedsReportInput &in, const std::vector<const stats::CompetencyStats *> &unmet)
{
    out.push_back(document::heading(tr("Unmet needs"), {}, 1));
    out.push_back(document::paragraph(in.rule.description()));
    if (unmet.empty()) {
        out.push_back(document::paragraph(tr("No competency is an unmet need under this rule.")));
        return;
    }
    document::Block table = document::table({ { tr("Code"), 8 }, { tr("Competency"), 52 }, { tr("Mean"), 8, true },
        { tr("High need (teachers)"), 12, true }, { tr("Places"), 9, true }, { tr("Coverage %"), 11, true } });
    for (const stats::CompetencyStats *c : unmet)
        table.table.rows.push_back({ c->code, c->displayTitle(), num(c->ratings.meanNeed(), 2), count(c->ratings.highNeedCount()),
            count(c->supply), num(stats::UnmetNeedRule::coverage(*c) * 100, 1) });
    out.push_back(std::move(table));
}

void groupTable(Blocks &out, const stats::Breakdown &b)
{
    const bool provinces = b.kind == stats::Breakdown::Kind::Province;
    out.push_back(document::heading(provinces ? tr("By province") : tr("By centre")));
    document::Block table = document::table({ { provinces ? tr("Province") : tr("Centre"), 38 }, { tr("Teachers"), 14, true },
        { tr("Respondents"), 16, true }, { tr("Mean"), 10, true }, { tr("High %"), 10, true }, { tr("Note"), 12 } });
    for (const stats::GroupStats &g : b.groups)
        table.table.rows.push_back({ g.name, count(g.teachers), g.suppressed ? QString() : count(g.respondents),
            g.suppressed ? QString() : num(g.overall.meanNeed(), 2),
            g.suppressed ? QString() : num(g.overall.highNeedShare() * 100, 1), g.suppressed ? tr("suppressed") : QString() });
    out.push_back(std::move(table));
}

} // namespace

Expected<NeedsReportInput> collectNeedsReport(QSqlDatabase db, const QString &code, stats::Scope scope)
{
    NeedsReportInput in;
    auto field = stats::computeFieldStats(db, code, scope);
    if (!field)
        return field.error();
    in.field = field.value();
    stats::FieldStats whole = in.field;
    if (scope.kind != stats::Scope::Kind::All) {
        auto all = stats::computeFieldStats(db, code);
        if (!all)
            return all.error();
        whole = all.value();
    }
    auto provinces = stats::computeBreakdown(db, whole, stats::Breakdown::Kind::Province);
    if (!provinces)
        return provinces.error();
    auto centres = stats::computeBreakdown(db, whole, stats::Breakdown::Kind::Centre);
    if (!centres)
        return centres.error();
    in.provinces = provinces.value();
    in.centres = centres.value();
    in.scale = stats::LikertScale::stored();
    in.date = QDate::currentDate();
    return in;
}

Document needsReportDocument(const NeedsReportInput &in)
{
    std::vector<const stats::CompetencyStats *> unmet;
    for (const stats::CompetencyStats &c : in.field.competencies)
        if (in.rule.isUnmet(c))
            unmet.push_back(&c);

    Document doc;
    doc.title = tr("Needs analysis report: %1 %2").arg(in.field.code, in.field.displayName());
    doc.date = in.date;
    doc.footerNote = doc.title;
    doc.pageHeader = false;
    doc.marginMm = 18;
    Blocks &out = doc.last().blocks;
    titlePage(out, in);
    summary(out, in, unmet);
    if (in.field.round > 0 && !in.field.suppressed) {
        competencyCharts(out, in);
        needSupplyChart(out, in);
        provinceChart(out, in);
        competencyTable(out, in);
        unmetTable(out, in, unmet);
    }
    out.push_back(document::heading(tr("Comparison by province and centre"), {}, 1));
    out.push_back(document::paragraph(
        tr("Mean need and share of high need over all competencies of the field. Groups with fewer than %1 respondents "
           "are suppressed: their values are not shown, to protect anonymity.")
            .arg(stats::kMinGroupRespondents)));
    groupTable(out, in.provinces);
    groupTable(out, in.centres);
    return doc;
}

Status writeNeedsReport(const NeedsReportInput &in, const QString &path)
{
    const auto pages = document::writePdf(needsReportDocument(in), path);
    if (!pages)
        return pages.error();
    return {};
}

} // namespace kopru::report
