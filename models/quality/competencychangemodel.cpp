// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/quality/competencychangemodel.h"

#include "models/domain/turkishtext.h"
#include "models/quality/qualityformat.h"

#include <cmath>

namespace kopru::quality {

namespace {

QVariant rounded(double v)
{
    return std::isnan(v) ? QVariant() : QVariant(std::round(v * 100.0) / 100.0);
}

} // namespace

CompetencyChangeModel::CompetencyChangeModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void CompetencyChangeModel::setGroup(const GroupFigures &group)
{
    beginResetModel();
    m_rows = group.competencyChanges;
    m_groupName = group.displayName();
    endResetModel();
}

void CompetencyChangeModel::setChanges(const std::vector<CompetencyChange> &changes, const QString &name)
{
    beginResetModel();
    m_rows = changes;
    m_groupName = name;
    endResetModel();
}

void CompetencyChangeModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_groupName.clear();
    endResetModel();
}

int CompetencyChangeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CompetencyChangeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CompetencyChangeModel::value(const CompetencyChange &c, int column) const
{
    switch (column) {
    case Code:
        return c.code;
    case Competency:
        return c.displayTitle();
    case Before:
        return rounded(c.change.before);
    case After:
        return rounded(c.change.after);
    case Change:
        return rounded(c.change.change);
    case CiLow:
        return rounded(c.change.ciLow);
    case CiHigh:
        return rounded(c.change.ciHigh);
    case Answers:
        return c.change.paired ? c.change.n : c.change.nBefore + c.change.nAfter;
    case Method:
        return c.change.paired ? tr("paired") : tr("independent");
    default:
        return {};
    }
}

QVariant CompetencyChangeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CompetencyChange &c = m_rows[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: {
        const QVariant v = value(c, column);
        switch (column) {
        case Before:
        case After:
            return v.isValid() ? formatFixed(v.toDouble(), 2) : QStringLiteral("–");
        case Change:
        case CiLow:
        case CiHigh:
            return v.isValid() ? formatSigned(v.toDouble()) : QStringLiteral("–");
        case Answers:
            return QLocale().toString(v.toInt());
        default:
            return v;
        }
    }
    case Qt::EditRole:
    case SortRole:
        return value(c, column);
    case Qt::ToolTipRole:
        if (column == Code || column == Competency)
            return QString(c.titleTr + (c.titleEn.isEmpty() ? QString() : QStringLiteral("\n") + c.titleEn));
        if (column == Answers || column == Method)
            return formatChangeMethod(c.change);
        return {};
    case Qt::TextAlignmentRole:
        return column == Code || column == Competency || column == Method ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                                          : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case SearchKeyRole:
        if (column != Code)
            return {};
        return TurkishText::searchKey(QString(c.code + QLatin1Char(' ') + c.titleTr + QLatin1Char(' ') + c.titleEn));
    case IdRole:
        return c.competencyId;
    default:
        return {};
    }
}

QVariant CompetencyChangeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Before:
            return tr("Mean need (1-5) in survey round 1 (paired: of the teachers who answered both rounds)");
        case After:
            return tr("Mean need (1-5) in survey round 2");
        case Change:
            return tr("After minus before; negative: the need fell");
        case CiLow:
        case CiHigh:
            return tr("95 % confidence interval of the change (Student's t on the differences when paired, Welch's "
                      "otherwise)");
        case Answers:
            return tr("Teachers who answered both rounds (paired), or answers of round 1 plus round 2 (independent)");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Code:
        return tr("Code");
    case Competency:
        return tr("Competency");
    case Before:
        return tr("Before");
    case After:
        return tr("After");
    case Change:
        return tr("Change");
    case CiLow:
        return tr("95 % CI low");
    case CiHigh:
        return tr("95 % CI high");
    case Answers:
        return tr("n");
    case Method:
        return tr("Method");
    default:
        return {};
    }
}

} // namespace kopru::quality
