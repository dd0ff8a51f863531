// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/placementmodel.h"

#include "models/db/sql.h"
#include "models/domain/turkishtext.h"
#include "models/planning/planreason.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QSqlQuery>

namespace kopru {

namespace {
QString shortDate(const QString &iso)
{
    return QDate::fromString(iso, Qt::ISODate).toString(QStringLiteral("dd.MM.yyyy"));
}
} // namespace

PlacementModel::PlacementModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

Status PlacementModel::reload(QSqlDatabase db)
{
    std::vector<Row> rows;
    if (db.isValid()) {
        QSqlQuery q(db);
        if (Status s = Sql::prepare(q,
                QStringLiteral(
                    "SELECT x.id, x.teacher_id, x.session_id, s.field_id, t.first_name || ' ' || t.last_name, f.code, pr.name, "
                    "p.name, "
                    "s.start_date, s.end_date, x.status, x.reason, x.score, x.locked, t.province_id "
                    "FROM placement x JOIN teacher t ON t.id = x.teacher_id JOIN training_session s ON s.id = x.session_id "
                    "JOIN partner p ON p.id = s.partner_id JOIN field f ON f.id = t.field_id JOIN province pr ON pr.id = "
                    "t.province_id "
                    "WHERE x.status <> 'cancelled' ORDER BY x.id"));
            !s)
            return s;
        if (Status s = Sql::run(q); !s)
            return s;
        while (q.next()) {
            Row r { q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt(), q.value(3).toInt(), q.value(14).toInt(),
                q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString(), q.value(8).toString(),
                q.value(9).toString(), q.value(10).toString(), q.value(11).toString(), {}, q.value(12),
                q.value(13).toInt() != 0 };
            r.searchKey = TurkishText::searchKey(
                QStringList { r.teacher, r.province, r.partner, PlanReason::render(r.reason) }.join(QLatin1Char(' ')));
            rows.push_back(std::move(r));
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    return {};
}

int PlacementModel::rowOf(int placementId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == placementId)
            return int(i);
    return -1;
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
