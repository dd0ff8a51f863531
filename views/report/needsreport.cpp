// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/report/needsreport.h"

#include "models/stats/competencystatsmodel.h"
#include "models/stats/flagfiltermodel.h"
#include "models/stats/groupstatsmodel.h"
#include "views/charts/needcharts.h"
#include "views/report/pdfdocument.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace kopru::report {

using stats::CompetencyStatsModel;
using stats::GroupStatsModel;

namespace {

constexpr int kBarsPerChartPage = 30;
constexpr int kChartWidth = 680; // logical pixels across the text width: readable label sizes

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

void titlePage(PdfDocument &doc, const NeedsReportInput &in)
{
    const stats::FieldStats &f = in.field;
    doc.vspace(45);
    doc.titleLine(tr("Needs analysis report"), 26, true);
    doc.vspace(6);
    doc.titleLine(QStringLiteral("%1 – %2").arg(f.code, f.displayName()), 18, true);
    if (f.displayName() != f.nameTr)
        doc.titleLine(f.nameTr, 13, false);
    doc.vspace(10);
    doc.titleLine(f.centres.isEmpty() ? tr("No centre coordinates this field.")
                                      : tr("Sectoral Excellence Centre(s): %1").arg(f.centres.join(QStringLiteral(", "))),
        12, false);
    doc.titleLine(scopeText(f), 12, false);
    doc.vspace(10);
    doc.titleLine(
        tr("%1 teachers, %2 respondents, survey round %3").arg(count(f.teachers), count(f.respondents)).arg(f.round), 12, false);
    doc.titleLine(tr("Date: %1").arg(QLocale().toString(in.date, QLocale::LongFormat)), 12, false);
    doc.vspace(60);
    doc.titleLine(tr("Prepared with Köprü %1").arg(QStringLiteral(KOPRU_VERSION)), 9, false);
}

void summary(PdfDocument &doc, const NeedsReportInput &in, const std::vector<const stats::CompetencyStats *> &unmet)
{
    const stats::FieldStats &f = in.field;
    doc.newPage();
    doc.heading(tr("Summary"));
    if (f.round == 0) {
        doc.paragraph(tr("No need ratings have been recorded for this field yet."));
        return;
    }
    if (f.suppressed) {
        doc.paragraph(tr("Fewer than %1 teachers answered in this selection: the values are suppressed to protect anonymity.")
                          .arg(stats::kMinGroupRespondents));
        return;
    }
    const stats::RatingCounts all = f.overall();
    const int ratings = all.respondents() + all.notApplicable;
    doc.paragraph(
        tr("%1 of the field's %2 teachers answered the needs survey (%3 %). They rated %4 competencies on a scale from "
           "1 (no need) to 5 (very high need), or answered \"not applicable\".")
            .arg(count(f.respondents), count(f.teachers), num(f.teachers ? 100.0 * f.respondents / f.teachers : std::nan(""), 1))
            .arg(f.competencies.size()));
    doc.paragraph(
        tr("Mean need over all ratings: %1. Share of ratings with high need (4 or 5): %2 %. \"Not applicable\": %3 of %4 "
           "answers (%5 %).")
            .arg(num(all.meanNeed(), 2), num(all.highNeedShare() * 100, 1), count(all.notApplicable), count(ratings),
                num(ratings ? 100.0 * all.notApplicable / ratings : std::nan(""), 1)));
    QStringList top;
    for (std::size_t i = 0; i < f.competencies.size() && i < 5; ++i)
        top << QStringLiteral("%1 %2 (%3)")
                   .arg(f.competencies[i].code, f.competencies[i].displayTitle(), num(f.competencies[i].ratings.meanNeed(), 2));
    doc.paragraph(tr("Highest needs: %1.").arg(top.join(QStringLiteral("; "))));
    int places = 0, uncovered = 0;
    for (const stats::CompetencyStats &c : f.competencies) {
        places = std::max(places, c.supply);
        uncovered += c.supply == 0;
    }
    doc.paragraph(tr("%1 competencies are not covered by any training session. %2").arg(uncovered).arg(in.rule.description()));
    doc.paragraph(unmet.empty() ? tr("No competency is an unmet need under this rule.")
                                : tr("%n competency(ies) are unmet needs; they are listed in the section \"Unmet needs\".",
                                    nullptr, int(unmet.size())));
    int suppressedProvinces = 0;
    for (const stats::GroupStats &g : in.provinces.groups)
        suppressedProvinces += g.suppressed;
    doc.paragraph(
        tr("Teachers of %1 provinces answered; %2 provinces with fewer than %3 respondents are suppressed in the comparison "
           "to protect anonymity.")
            .arg(in.provinces.groups.size())
            .arg(suppressedProvinces)
            .arg(stats::kMinGroupRespondents));
}

void charts(PdfDocument &doc, const NeedsReportInput &in, CompetencyStatsModel &model, QAbstractItemModel &unmet,
    QAbstractItemModel &provinces)
{
    const int n = model.rowCount();
    const int pages = std::max(1, (n + kBarsPerChartPage - 1) / kBarsPerChartPage);
    const int perPage = (n + pages - 1) / std::max(1, pages);
    auto chunks = [&](auto factory, const QString &title) {
        for (int p = 0; p < pages; ++p) {
            doc.newPage();
            doc.heading(pages > 1 ? tr("%1 (part %2 of %3)").arg(title).arg(p + 1).arg(pages) : title);
            const int rows = std::min(perPage, n - p * perPage);
            doc.chart(factory(p * perPage, rows), QSize(kChartWidth, charts::barChartHeight(rows)));
        }
    };
    chunks([&](int first, int rows) { return charts::createMeanNeedChart(&model, first, rows); }, tr("Mean need per competency"));
    chunks([&](int first, int rows) { return charts::createLikertChart(&model, first, rows); },
        tr("Distribution of the need ratings"));

    doc.newPage();
    doc.heading(tr("Need against supply"));
    doc.paragraph(tr("Each point is a competency: its mean need against the session places that cover it. Red points are unmet "
                     "needs. %1")
                      .arg(in.rule.description()));
    doc.chart(charts::createNeedSupplyChart(&model, &unmet), QSize(kChartWidth, 620), 150);

    doc.newPage();
    doc.heading(tr("Comparison of the provinces"));
    doc.paragraph(tr("Mean need over all competencies of the field, per province of the teachers. Provinces with fewer than %1 "
                     "respondents are suppressed and not shown.")
                      .arg(stats::kMinGroupRespondents));
    const int shown = provinces.rowCount();
    doc.chart(charts::createGroupChart(&provinces, tr("Mean need per province")),
        QSize(kChartWidth, charts::barChartHeight(std::max(shown, 4))), 200);
}

void competencyTable(PdfDocument &doc, const NeedsReportInput &in)
{
    doc.newPage();
    doc.heading(tr("All competencies"));
    const stats::LikertScale &s = in.scale;
    std::vector<PdfDocument::Column> cols { { tr("Code"), 0.075 }, { tr("Competency"), 0.345, Qt::AlignLeft, true },
        { tr("Resp."), 0.065, Qt::AlignRight }, { tr("N/A"), 0.05, Qt::AlignRight }, { tr("Mean"), 0.065, Qt::AlignRight },
        { tr("High %"), 0.07, Qt::AlignRight } };
    for (int level = 1; level <= stats::kScaleSize; ++level)
        cols.push_back({ QString::number(level), 0.05, Qt::AlignRight });
    cols.push_back({ tr("Places"), 0.08, Qt::AlignRight });
    std::vector<QStringList> rows;
    std::vector<bool> strong;
    for (const stats::CompetencyStats &c : in.field.competencies) {
        QStringList row { c.code, c.displayTitle(), count(c.ratings.respondents()), count(c.ratings.notApplicable),
            num(c.ratings.meanNeed(), 2), num(c.ratings.highNeedShare() * 100, 1) };
        for (int v : c.ratings.distribution)
            row << count(v);
        row << count(c.supply);
        rows.push_back(row);
        strong.push_back(in.rule.isUnmet(c));
    }
    doc.table(cols, rows, strong);
    QStringList legend;
    for (int level = 1; level <= stats::kScaleSize; ++level)
        legend << s.label(level);
    doc.paragraph(
        tr("Columns 1–5: number of teachers per need level (%1). N/A: \"not applicable\". Places: session places covering "
           "the competency. Unmet needs in bold.")
            .arg(legend.join(QStringLiteral(", "))));
}

void unmetTable(PdfDocument &doc, const NeedsReportInput &in, const std::vector<const stats::CompetencyStats *> &unmet)
{
    doc.heading(tr("Unmet needs"));
    doc.paragraph(in.rule.description());
    if (unmet.empty()) {
        doc.paragraph(tr("No competency is an unmet need under this rule."));
        return;
    }
    std::vector<QStringList> rows;
    for (const stats::CompetencyStats *c : unmet)
        rows.push_back({ c->code, c->displayTitle(), num(c->ratings.meanNeed(), 2), count(c->ratings.highNeedCount()),
            count(c->supply), num(stats::UnmetNeedRule::coverage(*c) * 100, 1) });
    doc.table({ { tr("Code"), 0.08 }, { tr("Competency"), 0.52, Qt::AlignLeft, true }, { tr("Mean"), 0.08, Qt::AlignRight },
                  { tr("High need (teachers)"), 0.12, Qt::AlignRight }, { tr("Places"), 0.09, Qt::AlignRight },
                  { tr("Coverage %"), 0.11, Qt::AlignRight } },
        rows);
}

void groupTable(PdfDocument &doc, const stats::Breakdown &b)
{
    doc.subheading(b.kind == stats::Breakdown::Kind::Province ? tr("By province") : tr("By centre"));
    std::vector<QStringList> rows;
    for (const stats::GroupStats &g : b.groups)
        rows.push_back({ g.name, count(g.teachers), g.suppressed ? QString() : count(g.respondents),
            g.suppressed ? QString() : num(g.overall.meanNeed(), 2),
            g.suppressed ? QString() : num(g.overall.highNeedShare() * 100, 1), g.suppressed ? tr("suppressed") : QString() });
    doc.table({ { b.kind == stats::Breakdown::Kind::Province ? tr("Province") : tr("Centre"), 0.40 },
                  { tr("Teachers"), 0.12, Qt::AlignRight }, { tr("Respondents"), 0.16, Qt::AlignRight },
                  { tr("Mean"), 0.1, Qt::AlignRight }, { tr("High %"), 0.1, Qt::AlignRight }, { tr("Note"), 0.12 } },
        rows);
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

Status writeNeedsReport(const NeedsReportInput &in, const QString &path)
{
    CompetencyStatsModel model;
    model.setScale(in.scale);
    model.setRule(in.rule);
    model.setStats(in.field);
    stats::FlagFilterModel unmetModel(CompetencyStatsModel::UnmetRole, true);
    unmetModel.setSourceModel(&model);
    GroupStatsModel provinceModel;
    provinceModel.setBreakdown(in.provinces);
    stats::FlagFilterModel shownProvinces(GroupStatsModel::SuppressedRole, false);
    shownProvinces.setSourceModel(&provinceModel);
    shownProvinces.setSortRole(Qt::EditRole);
    shownProvinces.sort(GroupStatsModel::MeanNeed, Qt::DescendingOrder);

    std::vector<const stats::CompetencyStats *> unmet;
    for (const stats::CompetencyStats &c : in.field.competencies)
        if (in.rule.isUnmet(c))
            unmet.push_back(&c);

    PdfDocument doc(path, tr("Needs analysis report: %1 %2").arg(in.field.code, in.field.displayName()));
    if (Status s = doc.begin(); !s)
        return s;
    titlePage(doc, in);
    summary(doc, in, unmet);
    if (in.field.round > 0 && !in.field.suppressed) {
        charts(doc, in, model, unmetModel, shownProvinces);
        competencyTable(doc, in);
        unmetTable(doc, in, unmet);
    }
    doc.heading(tr("Comparison by province and centre"));
    doc.paragraph(tr("Mean need and share of high need over all competencies of the field. Groups with fewer than %1 respondents "
                     "are suppressed: their values are not shown, to protect anonymity.")
                      .arg(stats::kMinGroupRespondents));
    groupTable(doc, in.provinces);
    groupTable(doc, in.centres);
    return doc.finish();
}

} // namespace kopru::report
