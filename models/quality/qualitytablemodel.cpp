// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/quality/qualitytablemodel.h"

#include "models/domain/turkishtext.h"
#include "models/quality/qualityformat.h"

#include <cmath>

namespace kopru::quality {

namespace {

QVariant rounded(double v, int decimals)
{
    if (std::isnan(v))
        return {};
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

const QString kDash = QStringLiteral("–");

} // namespace

QualityTableModel::QualityTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

Status QualityTableModel::reload(const QSqlDatabase &db, Grouping grouping)
{
    if (!db.isValid()) {
        clear();
        return {};
    }
    auto computed = computeQualityIndicators(db, grouping);
    if (!computed) {
        clear();
        return computed.error();
    }
    beginResetModel();
    m_indicators = std::move(computed.value());
    m_info = indicatorInfo();
    m_loaded = true;
    endResetModel();
    return {};
}

void QualityTableModel::clear()
{
    beginResetModel();
    m_indicators = QualityIndicators {};
    m_loaded = false;
    endResetModel();
}

const GroupFigures &QualityTableModel::figures(int row) const
{
    return row <= 0 ? m_indicators.total : m_indicators.groups[std::size_t(row - 1)];
}

QString QualityTableModel::indicatorOf(int column)
{
    switch (column) {
    case Surveyed:
    case Placed:
    case Participation:
        return QStringLiteral("participation");
    case Completed:
    case Cancelled:
    case Completion:
        return QStringLiteral("completion_rate");
    case Hours:
        return QStringLiteral("hours_delivered");
    case Illness:
    case Withdrew:
    case PartnerCancelled:
    case OtherReason:
    case NotRecorded:
        return QStringLiteral("dropout_reasons");
    case TrainingMean:
        return QStringLiteral("satisfaction_training");
    case TeacherMean:
        return QStringLiteral("satisfaction_teacher");
    case NeedChange:
    case NeedChangeCi:
        return QStringLiteral("need_reduction");
    case PartnersActive:
        return QStringLiteral("partners_active");
    case RepeatRate:
        return QStringLiteral("partner_repeat_rate");
    case Coverage:
        return QStringLiteral("high_need_coverage");
    default:
        return {};
    }
}

int QualityTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_loaded ? 0 : 1 + int(m_indicators.groups.size());
}

int QualityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QualityTableModel::value(const GroupFigures &g, int column) const
{
    switch (column) {
    case Surveyed:
        return g.surveyed;
    case Placed:
        return g.placed;
    case Participation:
        return rounded(g.participationRate() * 100.0, 1);
    case Completed:
        return g.completed;
    case Cancelled:
        return g.cancelled;
    case Completion:
        return rounded(g.completionRate() * 100.0, 1);
    case Hours:
        return rounded(g.hoursRate() * 100.0, 1);
    case Illness:
    case Withdrew:
    case PartnerCancelled:
    case OtherReason:
    case NotRecorded: {
        const auto it = g.dropoutReasons.find(dropoutReasonKeys().at(column - Illness));
        return it == g.dropoutReasons.end() ? 0 : it->second;
    }
    case TrainingMean:
        return rounded(g.training.mean(), 2);
    case TeacherMean:
        return rounded(g.teacher.mean(), 2);
    case NeedChange:
        return rounded(g.needChange.change, 2);
    case PartnersActive:
        return g.partnersActive;
    case RepeatRate:
        return rounded(g.repeatRate() * 100.0, 1);
    case Coverage:
        return rounded(g.coverageRate() * 100.0, 1);
    default:
        return {};
    }
}

QString QualityTableModel::text(const GroupFigures &g, int column) const
{
    switch (column) {
    case Name:
        return g.key == QLatin1String("total") ? tr("Whole programme") : g.displayName();
    case Participation:
    case Completion:
    case Hours:
    case RepeatRate:
    case Coverage: {
        const QVariant v = value(g, column);
        return v.isValid() ? formatFixed(v.toDouble(), 1) : kDash;
    }
    case TrainingMean:
    case TeacherMean: {
        const QVariant v = value(g, column);
        return v.isValid() ? formatFixed(v.toDouble(), 2) : kDash;
    }
    case NeedChange:
        return std::isnan(g.needChange.change) ? kDash : formatSigned(g.needChange.change);
    case NeedChangeCi:
        return std::isnan(g.needChange.ciLow) ? kDash : formatInterval(g.needChange);
    default:
        return QLocale().toString(value(g, column).toInt());
    }
}

QString QualityTableModel::cellToolTip(const GroupFigures &g, int column) const
{
    const QLocale locale;
    switch (column) {
    case Participation:
        return tr("%1 of %2 surveyed teachers placed").arg(locale.toString(g.placed), locale.toString(g.surveyed));
    case Completion:
        return tr("%1 completed of %2 placements that ended")
            .arg(locale.toString(g.completed), locale.toString(g.completed + g.cancelled));
    case Hours:
        return tr("%1 of %2 planned hours attended")
            .arg(locale.toString(g.hoursDelivered, 'f', 0), locale.toString(g.hoursPlanned, 'f', 0));
    case TrainingMean:
        return tr("%n answer(s) from %1 placement(s)", nullptr, g.training.answers).arg(g.training.respondents);
    case TeacherMean:
        return tr("%n answer(s) from %1 placement(s)", nullptr, g.teacher.answers).arg(g.teacher.respondents);
    case NeedChange:
    case NeedChangeCi:
        if (std::isnan(g.needChange.change))
            return tr("No teacher of the group answered survey round 2");
        return tr("Mean need %1 → %2 (%3)")
            .arg(formatFixed(g.needChange.before, 2), formatFixed(g.needChange.after, 2), formatChangeMethod(g.needChange));
    case RepeatRate:
        return tr("%1 of %2 active partners trained in two or more sessions")
            .arg(locale.toString(g.partnersRepeat), locale.toString(g.partnersActive));
    case Coverage:
        return tr("%1 of %2 high needs covered").arg(locale.toString(g.highNeedsCovered), locale.toString(g.highNeeds));
    default:
        return {};
    }
}

QVariant QualityTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GroupFigures &g = figures(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return text(g, column);
    case Qt::EditRole:
    case SortRole:
        if (column == Name)
            return role == SortRole && index.row() == 0 ? QString() : text(g, column); // the programme first
        if (column == NeedChangeCi)
            return rounded(g.needChange.ciLow, 2);
        return value(g, column);
    case Qt::ToolTipRole:
        return cellToolTip(g, column);
    case Qt::TextAlignmentRole:
        return column == Name ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case SearchKeyRole:
        return column == Name ? QVariant(TurkishText::searchKey(text(g, column))) : QVariant();
    case KeyRole:
        return g.key;
    default:
        return {};
    }
}

QVariant QualityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::ToolTipRole) {
        const QString id = indicatorOf(section);
        const std::vector<IndicatorInfo> info = m_info.empty() ? indicatorInfo() : m_info;
        for (const IndicatorInfo &i : info) {
            if (i.id != id)
                continue;
            QString tip = QStringLiteral("%1: %2").arg(i.name, i.definition);
            if (!i.eqavet.isEmpty())
                tip += QLatin1Char('\n') + tr("EQAVET indicator %1").arg(i.eqavet);
            return tip;
        }
        return section == Name ? tr("The whole programme, then each group") : QVariant();
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        switch (m_indicators.grouping) {
        case Grouping::Centre:
            return tr("Centre");
        case Grouping::Field:
            return tr("Pilot field");
        case Grouping::Province:
            return tr("Province");
        case Grouping::Total:
            break;
        }
        return tr("Group");
    case Surveyed:
        return tr("Surveyed");
    case Placed:
        return tr("Placed");
    case Participation:
        return tr("Participation %");
    case Completed:
        return tr("Completed");
    case Cancelled:
        return tr("Cancelled");
    case Completion:
        return tr("Completion %");
    case Hours:
        return tr("Hours delivered %");
    case Illness:
    case Withdrew:
    case PartnerCancelled:
    case OtherReason:
    case NotRecorded:
        return tr("Drop-out: %1").arg(dropoutReasonName(dropoutReasonKeys().at(section - Illness)));
    case TrainingMean:
        return tr("Teachers' satisfaction");
    case TeacherMean:
        return tr("Partners' evaluation");
    case NeedChange:
        return tr("Need change");
    case NeedChangeCi:
        return tr("95 % CI");
    case PartnersActive:
        return tr("Partners active");
    case RepeatRate:
        return tr("Partner repeat %");
    case Coverage:
        return tr("High needs covered %");
    default:
        return {};
    }
}

} // namespace kopru::quality
