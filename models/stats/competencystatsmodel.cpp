// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/stats/competencystatsmodel.h"

#include <cmath>

namespace kopru::stats {

namespace {

QVariant rounded(double v, int decimals)
{
    if (std::isnan(v))
        return {};
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

} // namespace

CompetencyStatsModel::CompetencyStatsModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_scale(LikertScale::defaults())
{ }

void CompetencyStatsModel::setStats(const FieldStats &stats)
{
    beginResetModel();
    m_stats = stats;
    endResetModel();
}

void CompetencyStatsModel::setScale(const LikertScale &scale)
{
    m_scale = scale;
    emit headerDataChanged(Qt::Horizontal, Need1, Need5);
}

void CompetencyStatsModel::setRule(const UnmetNeedRule &rule)
{
    beginResetModel();
    m_rule = rule;
    endResetModel();
}

int CompetencyStatsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_stats.competencies.size());
}

int CompetencyStatsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CompetencyStatsModel::chartLabel(const CompetencyStats &c, int maxChars)
{
    QString label = c.code + QLatin1Char(' ') + c.displayTitle();
    if (label.size() > maxChars)
        label = label.left(maxChars - 1).trimmed() + QChar(0x2026);
    return label;
}

QVariant CompetencyStatsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CompetencyStats &c = m_stats.competencies[std::size_t(index.row())];
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (col) {
        case Code:
            return c.code;
        case Title:
            return c.displayTitle();
        case Respondents:
            return c.ratings.respondents();
        case NotApplicable:
            return c.ratings.notApplicable;
        case MeanNeed:
            return rounded(c.ratings.meanNeed(), 2);
        case HighNeedShare:
            return rounded(c.ratings.highNeedShare() * 100.0, 1);
        case Need1:
        case Need2:
        case Need3:
        case Need4:
        case Need5:
            return c.ratings.distribution[std::size_t(col - Need1)];
        case Supply:
            return c.supply;
        case Coverage:
            return rounded(UnmetNeedRule::coverage(c) * 100.0, 1);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (col == Title || col == Code)
            return QString(c.titleTr + (c.titleEn.isEmpty() ? QString() : QString(QStringLiteral("\n") + c.titleEn)));
        if (c.suppressed)
            return tr("Fewer than %1 respondents: values withheld to protect anonymity").arg(kMinGroupRespondents);
        if (col == Coverage)
            return tr("Session places per 100 teachers with high need");
        return {};
    case Qt::TextAlignmentRole:
        return col == Code || col == Title ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                           : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case ChartLabelRole:
        return chartLabel(c);
    case UnmetRole:
        return m_rule.isUnmet(c);
    case CompetencyIdRole:
        return c.id;
    default:
        return {};
    }
}

QVariant CompetencyStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Respondents:
            return tr("Teachers who rated the competency 1–5");
        case NotApplicable:
            return tr("Teachers who answered \"not applicable\"");
        case HighNeedShare:
            return tr("Share of respondents with need 4 or 5");
        case Supply:
            return tr("Places in training sessions covering the competency");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Code:
        return tr("Code");
    case Title:
        return tr("Competency");
    case Respondents:
        return tr("Respondents");
    case NotApplicable:
        return tr("Not applicable");
    case MeanNeed:
        return tr("Mean need");
    case HighNeedShare:
        return tr("High need %");
    case Need1:
    case Need2:
    case Need3:
    case Need4:
    case Need5:
        return m_scale.label(section - Need1 + 1);
    case Supply:
        return tr("Supply (places)");
    case Coverage:
        return tr("Coverage %");
    default:
        return {};
    }
}

} // namespace kopru::stats
