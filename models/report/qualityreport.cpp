// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/report/qualityreport.h"

#include "models/document/pdfwriter.h"
#include "models/exchange/databaserole.h"
#include "models/export/xlsxexport.h"
#include "models/quality/qualityformat.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace kopru::report {

using document::Document;
using quality::GroupFigures;

namespace {

constexpr int kTopCompetencies = 15;
const QColor kCurrentColour(0x1f, 0x5f, 0x9f);
const QColor kPreviousColour(0xa6, 0xbd, 0xd7);
const QColor kPartnerColour(0x3a, 0x7d, 0x44);
const QColor kDropoutColour(0xd7, 0x19, 0x1c);

QString tr(const char *s, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("kopru::report", s, disambiguation, n);
}

using Blocks = std::vector<document::Block>;

// How an indicator's headline figure is written and compared.
enum class Kind { Percent, Mean, Count, Change };

struct Headline
{
    double value = std::nan("");
    Kind kind = Kind::Count;
};

// The one figure of indicator `id` the summary compares between periods.
Headline headline(const GroupFigures &g, const QString &id)
{
    if (id == QLatin1String("participation"))
        return { g.participationRate(), Kind::Percent };
    if (id == QLatin1String("completion_rate"))
        return { g.completionRate(), Kind::Percent };
    if (id == QLatin1String("hours_delivered"))
        return { g.hoursRate(), Kind::Percent };
    if (id == QLatin1String("dropout_reasons"))
        return { double(g.cancelled), Kind::Count };
    if (id == QLatin1String("satisfaction_training"))
        return { g.training.mean(), Kind::Mean };
    if (id == QLatin1String("satisfaction_teacher"))
        return { g.teacher.mean(), Kind::Mean };
    if (id == QLatin1String("need_reduction"))
        return { g.needChange.change, Kind::Change };
    if (id == QLatin1String("partners_active"))
        return { double(g.partnersActive), Kind::Count };
    if (id == QLatin1String("partner_repeat_rate"))
        return { g.repeatRate(), Kind::Percent };
    return { g.coverageRate(), Kind::Percent };
}

QString dash()
{
    return QStringLiteral("—");
}

QString valueText(const Headline &h)
{
    if (std::isnan(h.value))
        return dash();
    switch (h.kind) {
    case Kind::Percent:
        return quality::formatPercent(h.value);
    case Kind::Mean:
        return quality::formatFixed(h.value, 2);
    case Kind::Change:
        return quality::formatSigned(h.value);
    case Kind::Count:
        break;
    }
    return QLocale().toString(qlonglong(std::llround(h.value)));
}

// The change from `before` to `now`: an arrow and the signed difference
// (percentage points for rates); "—" when either is missing.
QString changeText(const Headline &now, const Headline &before, bool previousHasData)
{
    if (!previousHasData || std::isnan(now.value) || std::isnan(before.value))
        return dash();
    const double d = now.kind == Kind::Percent ? (now.value - before.value) * 100 : now.value - before.value;
    const int decimals = now.kind == Kind::Count ? 0 : now.kind == Kind::Percent ? 1 : 2;
    const double rounded = std::round(d * std::pow(10, decimals)) / std::pow(10, decimals);
    const QString arrow = rounded > 0 ? QStringLiteral("▲") : rounded < 0 ? QStringLiteral("▼") : QStringLiteral("=");
    QString number = QLocale().toString(std::abs(rounded), 'f', decimals);
    number.prepend(rounded > 0 ? QStringLiteral("+") : rounded < 0 ? QStringLiteral("−") : QString());
    if (now.kind == Kind::Percent)
        return tr("%1 %2 pp").arg(arrow, number);
    return QStringLiteral("%1 %2").arg(arrow, number);
}

QString eqavetText(const QString &code)
{
    return code.isEmpty() ? dash() : tr("EQAVET %1").arg(code);
}

QString count(int n)
{
    return QLocale().toString(n);
}

QString periodLine(const quality::Period &p)
{
    return p.displayName() == p.code() ? p.code() : QStringLiteral("%1 (%2)").arg(p.code(), p.displayName());
}

void titlePage(Blocks &out, const QualityReportInput &in)
{
    using document::TextStyle;
    out.push_back(document::spacer(40));
    out.push_back(document::paragraph(tr("Quality Advisory Board report"), TextStyle::Title));
    out.push_back(document::spacer(6));
    out.push_back(document::paragraph(tr("On-the-job training of vocational teachers with industry partners, Sectoral "
                                         "Excellence Centres"),
        TextStyle::Subtitle));
    out.push_back(document::spacer(10));
    out.push_back(document::paragraph(tr("Period: %1").arg(periodLine(in.period)), TextStyle::Lead));
    out.push_back(document::paragraph(tr("Compared with: %1").arg(periodLine(in.period.previous())), TextStyle::Lead));
    out.push_back(document::paragraph(tr("Centres: %1").arg(in.scope), TextStyle::Lead));
    out.push_back(document::spacer(6));
    const GroupFigures &t = in.byCentre.total;
    out.push_back(document::paragraph(
        tr("Placements in the period's sessions: %1 completed, %2 cancelled").arg(count(t.completed), count(t.cancelled)),
        TextStyle::Lead));
    out.push_back(document::paragraph(tr("Date: %1").arg(QLocale().toString(in.date, QLocale::LongFormat)), TextStyle::Lead));
    out.push_back(document::spacer(50));
    out.push_back(document::paragraph(tr("Indicators as defined in the EQAVET reference framework where one corresponds. "
                                         "Prepared with Köprü %1.")
                                          .arg(QStringLiteral(KOPRU_VERSION)),
        TextStyle::Small));
}

void summary(Blocks &out, const QualityReportInput &in)
{
    out.push_back(document::pageBreak());
    out.push_back(document::heading(tr("Summary of the indicators"), {}, 1));
    const bool previous = hasPreviousData(in);
    out.push_back(document::paragraph(
        tr("The period counts the placements whose training session starts in it. Participation compares the teachers "
           "placed in the period with all teachers who answered the needs survey; the need change and the high needs "
           "covered count the teachers placed in the period.")
        + QLatin1Char(' ')
        + (previous ? tr("Change: this period against %1; rates in percentage points (pp).").arg(in.period.previous().code())
                    : tr("The previous period %1 has no placements: nothing to compare with (—).")
                          .arg(in.period.previous().code()))));
    document::Block table = document::table({ { tr("Indicator"), 17 }, { tr("This period"), 10, true },
        { tr("Previous"), 10, true }, { tr("Change"), 11, true }, { tr("Definition"), 38 }, { tr("EQAVET"), 11 } });
    for (const quality::IndicatorInfo &info : quality::indicatorInfo()) {
        const Headline now = headline(in.byCentre.total, info.id);
        const Headline before = headline(in.previous.total, info.id);
        table.table.rows.push_back({ info.name, valueText(now), previous ? valueText(before) : dash(),
            changeText(now, before, previous), info.definition, eqavetText(info.eqavet) });
    }
    out.push_back(std::move(table));
    QStringList reasons;
    for (const QString &key : quality::dropoutReasonKeys())
        if (const int n = in.byCentre.total.dropoutReasons.at(key); n > 0)
            reasons << QStringLiteral("%1 %2").arg(quality::dropoutReasonName(key), count(n));
    if (!reasons.isEmpty())
        out.push_back(document::paragraph(tr("Drop-out reasons in the period: %1.").arg(reasons.join(QStringLiteral(", ")))));
}

// The groups that have placements in the period or the one before.
std::vector<const GroupFigures *> activeGroups(const quality::QualityIndicators &q)
{
    std::vector<const GroupFigures *> groups;
    for (const GroupFigures &g : q.groups)
        if (g.completed + g.cancelled > 0)
            groups.push_back(&g);
    return groups;
}

const GroupFigures *findGroup(const quality::QualityIndicators &q, const QString &key)
{
    for (const GroupFigures &g : q.groups)
        if (g.key == key)
            return &g;
    return nullptr;
}

double rounded(double v, int decimals)
{
    const double f = std::pow(10, decimals);
    return std::isnan(v) ? v : std::round(v * f) / f;
}

void charts(Blocks &out, const QualityReportInput &in)
{
    const bool previous = hasPreviousData(in);
    const std::vector<const GroupFigures *> groups = activeGroups(in.byCentre);
    out.push_back(document::pageBreak());
    if (groups.empty()) {
        out.push_back(document::heading(tr("Charts"), {}, 1));
        out.push_back(document::paragraph(
            tr("No placement of a session that starts in %1 has ended yet: there is nothing to chart.").arg(in.period.code())));
        return;
    }
    out.push_back(document::heading(tr("Completion rate per centre"), {}, 1));
    out.push_back(document::paragraph(tr("Completed placements as a share of the placements that ended, per centre of the "
                                         "teacher; centres without ended placements in the period are not shown.")));
    {
        document::Chart chart;
        document::ChartSeries now { in.period.code(), kCurrentColour, {}, {}, 0 };
        document::ChartSeries before { in.period.previous().code(), kPreviousColour, {}, {}, 0 };
        for (const GroupFigures *g : groups) {
            chart.categories << g->displayName();
            now.values.push_back(rounded(g->completionRate() * 100, 1));
            const GroupFigures *p = findGroup(in.previous, g->key);
            before.values.push_back(p ? rounded(p->completionRate() * 100, 1) : std::nan(""));
        }
        chart.series.push_back(std::move(now));
        if (previous) {
            chart.series.push_back(std::move(before));
            chart.legend = true;
        }
        chart.valueAxis.title = tr("Completion rate");
        chart.valueAxis.min = 0;
        chart.valueAxis.max = 100;
        chart.valueAxis.ticks = 5;
        chart.valueAxis.suffix = QStringLiteral(" %");
        chart.valueLabelDecimals = 1;
        out.push_back(document::chart(std::move(chart)));
    }

    out.push_back(document::heading(tr("Drop-out reasons"), {}, 1));
    {
        document::Chart chart;
        document::ChartSeries now { in.period.code(), kDropoutColour, {}, {}, 0 };
        document::ChartSeries before { in.period.previous().code(), kPreviousColour, {}, {}, 0 };
        for (const QString &key : quality::dropoutReasonKeys()) {
            chart.categories << quality::dropoutReasonName(key);
            now.values.push_back(in.byCentre.total.dropoutReasons.at(key));
            before.values.push_back(in.previous.total.dropoutReasons.at(key));
        }
        chart.series.push_back(std::move(now));
        if (previous) {
            chart.series.push_back(std::move(before));
            chart.legend = true;
        }
        chart.valueAxis.title = tr("Cancelled placements");
        chart.valueLabelDecimals = 0;
        out.push_back(document::chart(std::move(chart)));
    }
    out.push_back(document::pageBreak());
    out.push_back(document::heading(tr("Satisfaction per centre"), {}, 1));
    out.push_back(document::paragraph(tr("Mean answer (1 = strongly disagree … 5 = strongly agree) of the teachers' "
                                         "evaluation of their training and of the partners' evaluation of the teachers.")));
    {
        document::Chart chart;
        document::ChartSeries training { tr("Teachers' satisfaction"), kCurrentColour, {}, {}, 0 };
        document::ChartSeries teacher { tr("Partners' evaluation of the teachers"), kPartnerColour, {}, {}, 0 };
        chart.categories << tr("All centres");
        training.values.push_back(rounded(in.byCentre.total.training.mean(), 2));
        teacher.values.push_back(rounded(in.byCentre.total.teacher.mean(), 2));
        for (const GroupFigures *g : groups) {
            chart.categories << g->displayName();
            training.values.push_back(rounded(g->training.mean(), 2));
            teacher.values.push_back(rounded(g->teacher.mean(), 2));
        }
        chart.series = { std::move(training), std::move(teacher) };
        chart.legend = true;
        chart.valueAxis.title = tr("Mean answer");
        chart.valueAxis.min = 0;
        chart.valueAxis.max = 5;
        chart.valueAxis.ticks = 5;
        chart.valueLabelDecimals = 2;
        out.push_back(document::chart(std::move(chart)));
    }
}

// Two tables of a row per group and the total (bold): participation and
// completion; satisfaction, needs and partners.
void groupTables(Blocks &out, const QString &groupHeader, const quality::QualityIndicators &q)
{
    document::Block first = document::table({ { groupHeader, 38 }, { tr("Surveyed"), 9, true }, { tr("Placed"), 9, true },
        { tr("Participation %"), 10, true }, { tr("Completed"), 9, true }, { tr("Cancelled"), 9, true },
        { tr("Completion %"), 10, true }, { tr("Hours delivered %"), 10, true } });
    document::Block second = document::table({ { groupHeader, 38 }, { tr("Teachers' satisfaction"), 10, true },
        { tr("Partners' evaluation"), 10, true }, { tr("Need change"), 10, true }, { tr("Partners active"), 9, true },
        { tr("Partner repeat %"), 9, true }, { tr("High needs covered %"), 10, true } });
    auto add = [&](const GroupFigures &g, bool total) {
        first.table.rows.push_back({ g.displayName(), count(g.surveyed), count(g.placed),
            quality::formatFixed(g.participationRate() * 100, 1), count(g.completed), count(g.cancelled),
            quality::formatFixed(g.completionRate() * 100, 1), quality::formatFixed(g.hoursRate() * 100, 1) });
        second.table.rows.push_back({ g.displayName(), quality::formatFixed(g.training.mean(), 2),
            quality::formatFixed(g.teacher.mean(), 2), quality::formatSigned(g.needChange.change), count(g.partnersActive),
            quality::formatFixed(g.repeatRate() * 100, 1), quality::formatFixed(g.coverageRate() * 100, 1) });
        first.table.emphasised.push_back(total);
        second.table.emphasised.push_back(total);
    };
    for (const GroupFigures &g : q.groups)
        add(g, false);
    add(q.total, true);
    out.push_back(document::heading(tr("Participation and completion")));
    out.push_back(std::move(first));
    out.push_back(document::heading(tr("Satisfaction, needs and partners")));
    out.push_back(std::move(second));
    out.push_back(document::paragraph(
        tr("Rates in per cent; satisfaction: mean answer 1–5; need change: round 1 to round 2 (negative: the need fell); "
           "\"-\": no data.")));
}

void groupSections(Blocks &out, const QualityReportInput &in)
{
    out.push_back(document::pageBreak());
    out.push_back(document::heading(tr("Indicators per centre"), {}, 1));
    groupTables(out, tr("Centre"), in.byCentre);
    out.push_back(document::pageBreak());
    out.push_back(document::heading(tr("Indicators per pilot field"), {}, 1));
    groupTables(out, tr("Field"), in.byField);
}

// The competencies whose need fell most (most negative change first).
std::vector<const quality::CompetencyChange *> topChanges(const GroupFigures &g)
{
    std::vector<const quality::CompetencyChange *> changes;
    for (const quality::CompetencyChange &c : g.competencyChanges)
        if (!std::isnan(c.change.change))
            changes.push_back(&c);
    std::stable_sort(changes.begin(), changes.end(), [](const quality::CompetencyChange *a, const quality::CompetencyChange *b) {
        return a->change.change < b->change.change;
    });
    if (changes.size() > std::size_t(kTopCompetencies))
        changes.resize(std::size_t(kTopCompetencies));
    return changes;
}

void competencyChanges(Blocks &out, const QualityReportInput &in)
{
    const std::vector<const quality::CompetencyChange *> top = topChanges(in.byCentre.total);
    if (top.empty())
        return;
    out.push_back(document::pageBreak());
    out.push_back(document::heading(tr("Need change per competency"), {}, 1));
    out.push_back(document::paragraph(tr("The %n competency(ies) whose mean need (1–5) fell most between survey round 1 and "
                                         "round 2, among the teachers placed in the period; negative: the need fell.",
        nullptr, int(top.size()))));
    document::Block table = document::table({ { tr("Code"), 9 }, { tr("Competency"), 35 }, { tr("Round 1"), 8, true },
        { tr("Round 2"), 8, true }, { tr("Change"), 8, true }, { tr("95% interval"), 15, true }, { tr("n"), 17, true } });
    for (const quality::CompetencyChange *c : top)
        table.table.rows.push_back({ c->code, c->displayTitle(), quality::formatFixed(c->change.before, 2),
            quality::formatFixed(c->change.after, 2), quality::formatSigned(c->change.change), quality::formatInterval(c->change),
            quality::formatChangeMethod(c->change) });
    out.push_back(std::move(table));
}

// Spreadsheet columns of a grouping sheet, and a group's row of numbers.
std::vector<exporting::TableColumn> groupColumns(const QString &groupHeader)
{
    using exporting::ColumnType;
    std::vector<exporting::TableColumn> columns { { tr("Key"), ColumnType::Text, 8 }, { groupHeader, ColumnType::Text, 30 },
        { tr("Surveyed"), ColumnType::Integer, 10 }, { tr("Placed"), ColumnType::Integer, 10 },
        { tr("Participation"), ColumnType::Percent, 12 }, { tr("Completed"), ColumnType::Integer, 10 },
        { tr("Cancelled"), ColumnType::Integer, 10 }, { tr("Completion rate"), ColumnType::Percent, 12 },
        { tr("Hours planned"), ColumnType::Decimal, 12 }, { tr("Hours attended"), ColumnType::Decimal, 12 },
        { tr("Hours delivered"), ColumnType::Percent, 12 } };
    for (const QString &key : quality::dropoutReasonKeys())
        columns.push_back({ tr("Cancelled: %1").arg(quality::dropoutReasonName(key)), ColumnType::Integer, 12 });
    const std::vector<exporting::TableColumn> rest { { tr("Teachers' satisfaction"), ColumnType::Decimal, 12 },
        { tr("Respondents (teachers)"), ColumnType::Integer, 12 },
        { tr("Partners' evaluation of the teachers"), ColumnType::Decimal, 12 },
        { tr("Respondents (partners)"), ColumnType::Integer, 12 }, { tr("Need change"), ColumnType::Decimal, 10 },
        { tr("Need change: 95% low"), ColumnType::Decimal, 10 }, { tr("Need change: 95% high"), ColumnType::Decimal, 10 },
        { tr("Need change: n"), ColumnType::Integer, 10 }, { tr("Partners active"), ColumnType::Integer, 10 },
        { tr("Partner repeat rate"), ColumnType::Percent, 12 }, { tr("High needs"), ColumnType::Integer, 10 },
        { tr("High needs covered"), ColumnType::Percent, 12 } };
    columns.insert(columns.end(), rest.begin(), rest.end());
    return columns;
}

QVariantList groupRow(const GroupFigures &g)
{
    QVariantList row { g.key, g.displayName(), g.surveyed, g.placed, g.participationRate(), g.completed, g.cancelled,
        g.completionRate(), g.hoursPlanned, g.hoursDelivered, g.hoursRate() };
    for (const QString &key : quality::dropoutReasonKeys())
        row << g.dropoutReasons.at(key);
    row << g.training.mean() << g.training.respondents << g.teacher.mean() << g.teacher.respondents << g.needChange.change
        << g.needChange.ciLow << g.needChange.ciHigh << (g.needChange.paired ? g.needChange.n : g.needChange.nBefore)
        << g.partnersActive << g.repeatRate() << g.highNeeds << g.coverageRate();
    return row;
}

exporting::TableSheet groupSheet(const QString &name, const QString &title, const quality::QualityIndicators &q)
{
    exporting::TableSheet sheet { name, title, {}, groupColumns(name) };
    for (const GroupFigures &g : q.groups)
        sheet.rows.push_back(groupRow(g));
    sheet.rows.push_back(groupRow(q.total));
    return sheet;
}

} // namespace

Expected<QualityReportInput> collectQualityReport(QSqlDatabase db, const quality::Period &period)
{
    QualityReportInput in;
    in.period = period;
    auto byCentre = quality::computeQualityIndicators(db, quality::Grouping::Centre, period);
    if (!byCentre)
        return byCentre.error();
    auto byField = quality::computeQualityIndicators(db, quality::Grouping::Field, period);
    if (!byField)
        return byField.error();
    auto previous = quality::computeQualityIndicators(db, quality::Grouping::Centre, period.previous());
    if (!previous)
        return previous.error();
    auto role = DatabaseRole::read(db);
    if (!role)
        return role.error();
    in.byCentre = std::move(byCentre.value());
    in.byField = std::move(byField.value());
    in.previous = std::move(previous.value());
    in.scope = role->isNational() ? tr("all centres (the national office's database)") : role->displayName(db);
    in.date = QDate::currentDate();
    return in;
}

bool hasPreviousData(const QualityReportInput &in)
{
    const GroupFigures &p = in.previous.total;
    return p.completed + p.cancelled > 0 || p.placed > 0;
}

Document qualityReportDocument(const QualityReportInput &in)
{
    Document doc;
    doc.title = tr("Quality Advisory Board report %1").arg(in.period.code());
    doc.date = in.date;
    doc.footerNote = doc.title;
    doc.pageHeader = false;
    doc.marginMm = 16;
    Blocks &out = doc.last().blocks;
    titlePage(out, in);
    summary(out, in);
    charts(out, in);
    groupSections(out, in);
    competencyChanges(out, in);
    return doc;
}

exporting::TableDocument qualityReportTables(const QualityReportInput &in)
{
    using exporting::ColumnType;
    exporting::TableDocument doc;
    doc.title = tr("Quality Advisory Board report %1").arg(in.period.code());
    doc.notes = { tr("Period: %1").arg(periodLine(in.period)), tr("Compared with: %1").arg(periodLine(in.period.previous())),
        tr("Centres: %1").arg(in.scope), tr("Date: %1").arg(QLocale().toString(in.date, QLocale::ShortFormat)) };
    // The summary: one row per indicator, the figures as numbers (rates as shares).
    doc.columns = { { tr("Indicator"), ColumnType::Text, 34 }, { tr("Id"), ColumnType::Text, 22 },
        { tr("This period"), ColumnType::Decimal, 12 }, { tr("Previous"), ColumnType::Decimal, 12 },
        { tr("Change"), ColumnType::Decimal, 12 }, { tr("Unit"), ColumnType::Text, 12 }, { tr("EQAVET"), ColumnType::Text, 9 },
        { tr("Definition"), ColumnType::Text, 80 } };
    exporting::TableSheet summary { tr("Summary"), tr("Summary of the indicators"), {}, {} };
    const bool previous = hasPreviousData(in);
    for (const quality::IndicatorInfo &info : quality::indicatorInfo()) {
        const Headline now = headline(in.byCentre.total, info.id);
        const Headline before = headline(in.previous.total, info.id);
        const QVariant beforeValue = previous ? QVariant(before.value) : QVariant();
        const QVariant change = previous ? QVariant(now.value - before.value) : QVariant();
        const QString unit = now.kind == Kind::Percent ? tr("share") : now.kind == Kind::Count ? tr("count") : tr("mean (1-5)");
        summary.rows.push_back({ info.name, info.id, now.value, beforeValue, change, unit, info.eqavet, info.definition });
    }
    doc.sheets.push_back(std::move(summary));
    doc.sheets.push_back(groupSheet(tr("Centre"), tr("Indicators per centre"), in.byCentre));
    doc.sheets.push_back(groupSheet(tr("Field"), tr("Indicators per pilot field"), in.byField));
    return doc;
}

Status writeQualityReportPdf(const QualityReportInput &in, const QString &path)
{
    const auto pages = document::writePdf(qualityReportDocument(in), path);
    if (!pages)
        return pages.error();
    return {};
}

Status writeQualityReportXlsx(const QualityReportInput &in, const QString &path)
{
    return exporting::writeXlsx(qualityReportTables(in), path);
}

} // namespace kopru::report
