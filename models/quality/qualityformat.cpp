// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/quality/qualityformat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <cmath>

namespace kopru::quality {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(QualityFormat)
};

QJsonValue number(double v)
{
    return std::isnan(v) ? QJsonValue(QJsonValue::Null) : QJsonValue(v);
}

QJsonObject satisfactionJson(const Satisfaction &s)
{
    return QJsonObject { { QStringLiteral("respondents"), s.respondents }, { QStringLiteral("answers"), s.answers },
        { QStringLiteral("mean"), number(s.mean()) } };
}

QJsonObject groupJson(const GroupFigures &g)
{
    QJsonObject reasons;
    for (const auto &[key, count] : g.dropoutReasons)
        reasons.insert(key, count);
    QJsonArray competencies;
    for (const CompetencyChange &c : g.competencyChanges) {
        QJsonObject o = toJson(c.change);
        o.insert(QStringLiteral("code"), c.code);
        o.insert(QStringLiteral("title"), c.titleTr);
        competencies.append(o);
    }
    return QJsonObject {
        { QStringLiteral("key"), g.key },
        { QStringLiteral("name"), g.nameTr },
        { QStringLiteral("participation"),
            QJsonObject { { QStringLiteral("surveyed"), g.surveyed }, { QStringLiteral("placed"), g.placed },
                { QStringLiteral("rate"), number(g.participationRate()) } } },
        { QStringLiteral("completion_rate"),
            QJsonObject { { QStringLiteral("completed"), g.completed }, { QStringLiteral("cancelled"), g.cancelled },
                { QStringLiteral("rate"), number(g.completionRate()) } } },
        { QStringLiteral("hours_delivered"),
            QJsonObject { { QStringLiteral("planned"), g.hoursPlanned }, { QStringLiteral("delivered"), g.hoursDelivered },
                { QStringLiteral("rate"), number(g.hoursRate()) } } },
        { QStringLiteral("dropout_reasons"), reasons },
        { QStringLiteral("satisfaction_training"), satisfactionJson(g.training) },
        { QStringLiteral("satisfaction_teacher"), satisfactionJson(g.teacher) },
        { QStringLiteral("need_reduction"),
            QJsonObject {
                { QStringLiteral("overall"), toJson(g.needChange) }, { QStringLiteral("competencies"), competencies } } },
        { QStringLiteral("partners_active"), g.partnersActive },
        { QStringLiteral("partner_repeat_rate"),
            QJsonObject { { QStringLiteral("active"), g.partnersActive }, { QStringLiteral("repeat"), g.partnersRepeat },
                { QStringLiteral("rate"), number(g.repeatRate()) } } },
        { QStringLiteral("high_need_coverage"),
            QJsonObject { { QStringLiteral("high_needs"), g.highNeeds }, { QStringLiteral("covered"), g.highNeedsCovered },
                { QStringLiteral("rate"), number(g.coverageRate()) } } },
    };
}

// Rows of cells as columns padded to their widest cell; `numeric` columns right-aligned.
QString aligned(const std::vector<QStringList> &rows, const std::vector<bool> &numeric)
{
    std::vector<int> widths(rows.front().size(), 0);
    for (const QStringList &row : rows)
        for (int i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], int(row[i].size()));
    QString out;
    for (size_t r = 0; r < rows.size(); ++r) {
        QString line;
        for (int i = 0; i < rows[r].size(); ++i) {
            if (i > 0)
                line += QStringLiteral("  ");
            line += numeric[i] ? rows[r][i].rightJustified(widths[i]) : rows[r][i].leftJustified(widths[i]);
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        out += line + QLatin1Char('\n');
        if (r == 0)
            out += QString(line.size(), QLatin1Char('-')) + QLatin1Char('\n');
    }
    return out;
}

QString totalText(const GroupFigures &g)
{
    std::vector<QStringList> rows { { Text::tr("Indicator"), Text::tr("Value"), Text::tr("Counts"), Text::tr("EQAVET") } };
    QStringList reasons;
    for (const QString &key : dropoutReasonKeys())
        reasons << QStringLiteral("%1 %2").arg(dropoutReasonName(key)).arg(g.dropoutReasons.at(key));
    const std::map<QString, QStringList> cells {
        { QStringLiteral("participation"),
            { formatPercent(g.participationRate()), QStringLiteral("%1 / %2").arg(g.placed).arg(g.surveyed) } },
        { QStringLiteral("completion_rate"),
            { formatPercent(g.completionRate()), QStringLiteral("%1 / %2").arg(g.completed).arg(g.completed + g.cancelled) } },
        { QStringLiteral("hours_delivered"),
            { formatPercent(g.hoursRate()),
                Text::tr("%1 / %2 h")
                    .arg(QLocale().toString(g.hoursDelivered, 'f', 0), QLocale().toString(g.hoursPlanned, 'f', 0)) } },
        { QStringLiteral("dropout_reasons"), { QString::number(g.cancelled), reasons.join(QStringLiteral(", ")) } },
        { QStringLiteral("satisfaction_training"),
            { formatFixed(g.training.mean(), 2),
                Text::tr("%1 respondents, %2 answers").arg(g.training.respondents).arg(g.training.answers) } },
        { QStringLiteral("satisfaction_teacher"),
            { formatFixed(g.teacher.mean(), 2),
                Text::tr("%1 respondents, %2 answers").arg(g.teacher.respondents).arg(g.teacher.answers) } },
        { QStringLiteral("need_reduction"),
            { formatSigned(g.needChange.change),
                formatInterval(g.needChange) + QStringLiteral(" ") + formatChangeMethod(g.needChange) } },
        { QStringLiteral("partners_active"), { QString::number(g.partnersActive), QString() } },
        { QStringLiteral("partner_repeat_rate"),
            { formatPercent(g.repeatRate()), QStringLiteral("%1 / %2").arg(g.partnersRepeat).arg(g.partnersActive) } },
        { QStringLiteral("high_need_coverage"),
            { formatPercent(g.coverageRate()), QStringLiteral("%1 / %2").arg(g.highNeedsCovered).arg(g.highNeeds) } },
    };
    for (const IndicatorInfo &info : indicatorInfo()) {
        const QStringList c = cells.at(info.id);
        rows.push_back({ info.name, c[0], c[1], info.eqavet.isEmpty() ? QStringLiteral("-") : info.eqavet });
    }
    QString out = aligned(rows, { false, true, false, false });
    if (!g.competencyChanges.empty()) {
        out += QLatin1Char('\n') + Text::tr("Need change per competency, round 1 to round 2") + QLatin1Char('\n');
        out += competencyChangeTable(g.competencyChanges);
    }
    return out;
}

QString groupsText(const QualityIndicators &indicators)
{
    const QString groupHead = indicators.grouping == Grouping::Centre ? Text::tr("Centre")
        : indicators.grouping == Grouping::Field                      ? Text::tr("Field")
                                                                      : Text::tr("Province");
    std::vector<QStringList> rows { { groupHead, Text::tr("Surveyed"), Text::tr("Placed"), Text::tr("Completed"),
        Text::tr("Hours"), Text::tr("Cancelled"), Text::tr("Sat. T"), Text::tr("Sat. P"), Text::tr("Need +/-"),
        Text::tr("Partners"), Text::tr("Repeat"), Text::tr("High needs") } };
    auto row = [](const GroupFigures &g) {
        return QStringList { g.displayName(), QString::number(g.surveyed), formatPercent(g.participationRate()),
            formatPercent(g.completionRate()), formatPercent(g.hoursRate()), QString::number(g.cancelled),
            formatFixed(g.training.mean(), 2), formatFixed(g.teacher.mean(), 2), formatSigned(g.needChange.change),
            QString::number(g.partnersActive), formatPercent(g.repeatRate()), formatPercent(g.coverageRate()) };
    };
    for (const GroupFigures &g : indicators.groups)
        rows.push_back(row(g));
    rows.push_back(row(indicators.total));
    std::vector<bool> numeric(rows.front().size(), true);
    numeric[0] = false;
    QString out = aligned(rows, numeric);
    out += QLatin1Char('\n')
        + Text::tr("Placed: participation; Sat. T: teachers' satisfaction; Sat. P: partners' evaluation of "
                   "the teachers; Need +/-: change of the mean need from round 1 to round 2.")
        + QLatin1Char('\n');
    return out;
}

} // namespace

QJsonObject toJson(const NeedChange &c)
{
    return QJsonObject { { QStringLiteral("paired"), c.paired }, { QStringLiteral("n"), c.n },
        { QStringLiteral("n_before"), c.nBefore }, { QStringLiteral("n_after"), c.nAfter },
        { QStringLiteral("before"), number(c.before) }, { QStringLiteral("after"), number(c.after) },
        { QStringLiteral("change"), number(c.change) }, { QStringLiteral("ci_low"), number(c.ciLow) },
        { QStringLiteral("ci_high"), number(c.ciHigh) } };
}

QString competencyChangeTable(const std::vector<CompetencyChange> &changes)
{
    std::vector<QStringList> table { { Text::tr("Code"), Text::tr("Competency"), Text::tr("Before"), Text::tr("After"),
        Text::tr("Change"), Text::tr("95% CI"), Text::tr("Teachers") } };
    for (const CompetencyChange &c : changes) {
        QString title = c.displayTitle();
        if (title.size() > 50)
            title = title.left(49) + QChar(0x2026);
        table.push_back({ c.code, title, formatFixed(c.change.before, 2), formatFixed(c.change.after, 2),
            formatSigned(c.change.change), formatInterval(c.change), formatChangeMethod(c.change) });
    }
    return aligned(table, { false, false, true, true, true, false, false });
}

QString formatFixed(double v, int decimals)
{
    return std::isnan(v) ? QStringLiteral("-") : QLocale().toString(v, 'f', decimals);
}

QString formatPercent(double share)
{
    return std::isnan(share) ? QStringLiteral("-") : Text::tr("%1 %").arg(QLocale().toString(share * 100.0, 'f', 1));
}

QString formatSigned(double v)
{
    if (std::isnan(v))
        return QStringLiteral("-");
    return (v > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(v, 'f', 2);
}

QString formatInterval(const NeedChange &c)
{
    if (std::isnan(c.ciLow))
        return QStringLiteral("-");
    return QStringLiteral("[%1; %2]").arg(formatSigned(c.ciLow), formatSigned(c.ciHigh));
}

QString dropoutReasonName(const QString &key)
{
    if (key == QLatin1String("illness"))
        return Text::tr("illness");
    if (key == QLatin1String("withdrew"))
        return Text::tr("withdrew");
    if (key == QLatin1String("partner_cancelled"))
        return Text::tr("partner cancelled");
    if (key == QLatin1String("other"))
        return Text::tr("other");
    return Text::tr("not recorded");
}

QString formatChangeMethod(const NeedChange &c)
{
    return c.paired ? Text::tr("paired, n = %1").arg(c.n) : Text::tr("independent, n = %1 + %2").arg(c.nBefore).arg(c.nAfter);
}

QJsonObject toJson(const QualityIndicators &indicators)
{
    QJsonArray info;
    for (const IndicatorInfo &i : indicatorInfo())
        info.append(QJsonObject { { QStringLiteral("id"), i.id }, { QStringLiteral("name"), i.name },
            { QStringLiteral("definition"), i.definition },
            { QStringLiteral("eqavet"), i.eqavet.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(i.eqavet) } });
    QJsonArray groups;
    for (const GroupFigures &g : indicators.groups)
        groups.append(groupJson(g));
    return QJsonObject { { QStringLiteral("by"), groupingName(indicators.grouping) }, { QStringLiteral("indicators"), info },
        { QStringLiteral("total"), groupJson(indicators.total) }, { QStringLiteral("groups"), groups } };
}

QString toTextTable(const QualityIndicators &indicators)
{
    const QString title = indicators.grouping == Grouping::Centre ? Text::tr("Quality indicators per centre")
        : indicators.grouping == Grouping::Field                  ? Text::tr("Quality indicators per field")
        : indicators.grouping == Grouping::Province               ? Text::tr("Quality indicators per province")
                                                                  : Text::tr("Quality indicators");
    QString out = title + QLatin1Char('\n');
    out += indicators.grouping == Grouping::Total ? totalText(indicators.total) : groupsText(indicators);
    return out;
}

} // namespace kopru::quality
