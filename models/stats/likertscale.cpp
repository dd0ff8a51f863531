// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/stats/likertscale.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSettings>
#include <cmath>
#include <limits>

namespace kopru::stats {

namespace {
const char kSettingsKey[] = "needs/scaleLabels";
}

LikertScale LikertScale::defaults()
{
    return LikertScale { { QCoreApplication::translate("LikertScale", "1 no need"),
        QCoreApplication::translate("LikertScale", "2 low need"), QCoreApplication::translate("LikertScale", "3 moderate need"),
        QCoreApplication::translate("LikertScale", "4 high need"),
        QCoreApplication::translate("LikertScale", "5 very high need") } };
}

LikertScale LikertScale::stored()
{
    LikertScale scale = defaults();
    const QStringList saved = QSettings().value(QLatin1String(kSettingsKey)).toStringList();
    for (int i = 0; i < kScaleSize && i < saved.size(); ++i)
        if (!saved.at(i).trimmed().isEmpty())
            scale.labels[std::size_t(i)] = saved.at(i).trimmed();
    return scale;
}

void LikertScale::store() const
{
    QStringList list;
    for (const QString &l : labels)
        list << l;
    QSettings().setValue(QLatin1String(kSettingsKey), list);
}

QString LikertScale::label(int level) const
{
    if (level < 1 || level > kScaleSize)
        return notApplicableLabel();
    return labels[std::size_t(level - 1)];
}

QString LikertScale::notApplicableLabel() const
{
    return QCoreApplication::translate("LikertScale", "not applicable");
}

double UnmetNeedRule::coverage(const CompetencyStats &c)
{
    const int high = c.ratings.highNeedCount();
    return high == 0 ? std::numeric_limits<double>::quiet_NaN() : double(c.supply) / high;
}

bool UnmetNeedRule::isUnmet(const CompetencyStats &c) const
{
    const double mean = c.ratings.meanNeed();
    const double cov = coverage(c);
    return !std::isnan(mean) && mean >= minMeanNeed && !std::isnan(cov) && cov < maxCoverage;
}

QString UnmetNeedRule::description() const
{
    const QLocale locale;
    return QCoreApplication::translate("UnmetNeedRule",
        "Unmet need: mean need at least %1 and session places for fewer than %2% of the "
        "teachers with high need (4 or 5).")
        .arg(locale.toString(minMeanNeed, 'f', 1), locale.toString(maxCoverage * 100, 'f', 0));
}

} // namespace kopru::stats
