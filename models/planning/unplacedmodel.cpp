// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/unplacedmodel.h"

#include "models/domain/turkishtext.h"

namespace kopru {

UnplacedModel::UnplacedModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

Status UnplacedModel::load(QSqlDatabase db, const PlanScope &scope)
{
    std::vector<UnplacedTeacher> rows;
    Status status;
    if (db.isOpen()) {
        auto loaded = Unplaced::load(db, scope);
        if (loaded)
            rows = std::move(loaded.value());
        else
            status = loaded.error();
    }
    std::vector<QString> keys;
    keys.reserve(rows.size());
    for (const UnplacedTeacher &t : rows)
        keys.push_back(TurkishText::searchKey(
            QStringList { t.name, t.fieldCode, t.province, Unplaced::reasonText(t.reason) }.join(QLatin1Char(' '))));
    beginResetModel();
    m_rows = std::move(rows);
    m_searchKeys = std::move(keys);
    endResetModel();
    return status;
}

int UnplacedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UnplacedModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UnplacedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UnplacedTeacher &t = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case Teacher:
            return t.name;
        case Field:
            return t.fieldCode;
        case Province:
            return t.province;
        case Reason:
            return Unplaced::reasonText(t.reason);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() != Reason)
            return {};
        return QString(tr("%1\n%n session(s) in the field", nullptr, t.sessionsInField).arg(Unplaced::reasonText(t.reason))
            + QLatin1Char('\n') + tr("%n within the teacher's available dates", nullptr, t.sessionsThatFit));
    case SearchKeyRole:
        return m_searchKeys[std::size_t(index.row())];
    case IdRole:
    case TeacherIdRole:
        return t.teacherId;
    case ReasonRole:
        return int(t.reason);
    default:
        return {};
    }
}

QVariant UnplacedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Teacher:
        return tr("Teacher");
    case Field:
        return tr("Field");
    case Province:
        return tr("Province");
    case Reason:
        return tr("Why not placed");
    default:
        return {};
    }
}

} // namespace kopru
