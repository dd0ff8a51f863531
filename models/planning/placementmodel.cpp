// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/placementmodel.h"

#include "models/db/sql.h"
#include "models/domain/turkishtext.h"
#include "models/planning/planreason.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QSqlQuery>
#include <algorithm>

namespace kopru {

namespace {
QString shortDate(const QString &iso)
{
    return QDate::fromString(iso, Qt::ISODate).toString(QStringLiteral("dd.MM.yyyy"));
}

// The placements shown (every one but the cancelled), `%1` more conditions.
const QString kSelect = QStringLiteral(
    "SELECT x.id, x.teacher_id, x.session_id, s.field_id, t.first_name || ' ' || t.last_name, f.code, pr.name, p.name, "
    "s.start_date, s.end_date, x.status, x.reason, x.score, x.locked, t.province_id "
    "FROM placement x JOIN teacher t ON t.id = x.teacher_id JOIN training_session s ON s.id = x.session_id "
    "JOIN partner p ON p.id = s.partner_id JOIN field f ON f.id = t.field_id JOIN province pr ON pr.id = t.province_id "
    "WHERE x.status <> 'cancelled'%1 ORDER BY x.id");
} // namespace

PlacementModel::PlacementModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

PlacementModel::Row PlacementModel::rowFrom(const QSqlQuery &q)
{
    Row r { q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt(), q.value(3).toInt(), q.value(14).toInt(),
        q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString(), q.value(8).toString(),
        q.value(9).toString(), q.value(10).toString(), q.value(11).toString(), {}, q.value(12), q.value(13).toInt() != 0 };
    r.searchKey = TurkishText::searchKey(
        QStringList { r.teacher, r.province, r.partner, PlanReason::render(r.reason) }.join(QLatin1Char(' ')));
    return r;
}

Status PlacementModel::reload(QSqlDatabase db)
{
    std::vector<Row> rows;
    if (db.isValid()) {
        QSqlQuery q(db);
        if (Status s = Sql::prepare(q, kSelect.arg(QString())); !s)
            return s;
        if (Status s = Sql::run(q); !s)
            return s;
        while (q.next())
            rows.push_back(rowFrom(q));
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    return {};
}

Status PlacementModel::reloadRows(QSqlDatabase db, const QList<int> &placementIds)
{
    if (placementIds.isEmpty() || !db.isValid())
        return {};
    std::vector<Row> fresh;
    QVariantList ids;
    for (int id : placementIds)
        ids << id;
    if (Status s = Sql::forEachRow(db, kSelect.arg(QStringLiteral(" AND x.id IN (%1)").arg(Sql::marks(ids.size()))), ids,
            [&fresh](const QSqlQuery &q) { fresh.push_back(rowFrom(q)); });
        !s)
        return s;
    QList<int> once = placementIds;
    std::sort(once.begin(), once.end());
    once.erase(std::unique(once.begin(), once.end()), once.end());
    const auto byId = [](const Row &r, int id) { return r.id < id; };
    for (int id : once) {
        const auto now = std::find_if(fresh.begin(), fresh.end(), [id](const Row &r) { return r.id == id; });
        const auto at = std::lower_bound(m_rows.begin(), m_rows.end(), id, byId);
        const int row = int(at - m_rows.begin());
        const bool shown = at != m_rows.end() && at->id == id;
        if (shown && now != fresh.end()) {
            *at = std::move(*now);
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else if (shown) {
            beginRemoveRows({}, row, row);
            m_rows.erase(at);
            endRemoveRows();
        } else if (now != fresh.end()) {
            beginInsertRows({}, row, row);
            m_rows.insert(at, std::move(*now));
            endInsertRows();
        }
    }
    return {};
}

int PlacementModel::rowOf(int placementId) const
{
    const auto at = std::lower_bound(m_rows.cbegin(), m_rows.cend(), placementId, [](const Row &r, int id) { return r.id < id; });
    return at != m_rows.cend() && at->id == placementId ? int(at - m_rows.cbegin()) : -1;
}

int PlacementModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}
int PlacementModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PlacementModel::statusText(const QString &status)
{
    if (status == QLatin1String("proposed"))
        return tr("proposed", "placement status");
    if (status == QLatin1String("confirmed"))
        return tr("confirmed", "placement status");
    if (status == QLatin1String("completed"))
        return tr("completed", "placement status");
    if (status == QLatin1String("cancelled"))
        return tr("cancelled", "placement status");
    return status;
}

QVariant PlacementModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[std::size_t(index.row())];
    // The score as a number (to sort by); shown in the UI language's format.
    if (role == Qt::EditRole && index.column() == Score)
        return r.score.isNull() ? QVariant() : QVariant(r.score.toDouble());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Teacher:
            return r.teacher;
        case Field:
            return r.field;
        case Province:
            return r.province;
        case Partner:
            return r.partner;
        case Dates:
            return QString(shortDate(r.start) + QStringLiteral(" – ") + shortDate(r.end));
        case Score:
            return r.score.isNull() ? QVariant() : QVariant(QLocale().toString(r.score.toDouble(), 'f', 2));
        case StatusColumn:
            return statusText(r.status);
        case Locked:
            return r.locked ? tr("locked") : QString();
        case Reason:
            return PlanReason::render(r.reason);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == Reason ? QVariant(PlanReason::render(r.reason)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Score ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case SortRole:
        switch (index.column()) {
        case Score:
            return r.score.isNull() ? QVariant() : QVariant(r.score.toDouble());
        case Dates:
            return r.start; // ISO dates sort as text
        case Locked:
            return r.locked;
        default:
            return data(index, Qt::DisplayRole);
        }
    case IdRole:
        return r.id;
    case TeacherIdRole:
        return r.teacherId;
    case SessionIdRole:
        return r.sessionId;
    case FieldIdRole:
        return r.fieldId;
    case StatusRole:
        return r.status;
    case LockedRole:
        return r.locked;
    case SearchKeyRole:
        return r.searchKey;
    case ProvinceIdRole:
        return r.provinceId;
    default:
        return {};
    }
}

QVariant PlacementModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    case Partner:
        return tr("Partner");
    case Dates:
        return tr("Session dates");
    case Score:
        return tr("Score");
    case StatusColumn:
        return tr("Status");
    case Locked:
        return tr("Lock");
    case Reason:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace kopru
