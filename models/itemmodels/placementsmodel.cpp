// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/placementsmodel.h"

#include "models/db/sql.h"
#include "models/editing/changenotifier.h"
#include "models/editing/valuecheck.h"
#include "models/itemmodels/roles.h"
#include "models/planning/planreason.h"

#include <QDate>
#include <QLocale>
#include <QSqlQuery>

namespace kopru {

PlacementsModel::PlacementsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    const auto reloadFor = [this](const QString &table) {
        if (m_db.isOpen() && m_teacherId > 0
            && (table == QLatin1String("placement") || table == QLatin1String("training_session")
                || table == QLatin1String("partner")))
            (void)load(m_db, m_teacherId);
    };
    connect(ChangeNotifier::instance(), &ChangeNotifier::tableChanged, this, reloadFor);
    connect(ChangeNotifier::instance(), &ChangeNotifier::rowsChanged, this,
        [reloadFor](const QString &table, const QList<int> &) { reloadFor(table); });
}

kopru::Status PlacementsModel::load(QSqlDatabase db, int teacherId)
{
    m_db = db;
    m_teacherId = teacherId;
    std::vector<Row> rows;
    kopru::Status status;
    if (m_db.isOpen() && teacherId > 0) {
        QSqlQuery q(m_db);
        status = Sql::prepare(q,
            QStringLiteral(
                "SELECT p.id, pa.name, pr.name, s.start_date, s.end_date, p.status, p.locked, p.score, p.reason "
                "FROM placement p JOIN training_session s ON s.id = p.session_id JOIN partner pa ON pa.id = s.partner_id "
                "JOIN province pr ON pr.id = pa.province_id WHERE p.teacher_id = ? ORDER BY s.start_date"));
        if (status)
            status = Sql::run(q, { teacherId });
        while (status && q.next())
            rows.push_back({ q.value(0).toInt(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                q.value(4).toString(), q.value(5).toString(), q.value(8).toString(), q.value(6).toBool(), q.value(7) });
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    return status;
}

int PlacementsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}
int PlacementsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PlacementsModel::statusName(const QString &status)
{
    if (status == QLatin1String("proposed"))
        return tr("proposed");
    if (status == QLatin1String("confirmed"))
        return tr("confirmed");
    if (status == QLatin1String("completed"))
        return tr("completed");
    if (status == QLatin1String("cancelled"))
        return tr("cancelled");
    return status;
}

QVariant PlacementsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const auto date
        = [](const QString &iso) { return QDate::fromString(iso, Qt::ISODate).toString(ValueCheck::dateDisplayFormat()); };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Partner:
            return row.partner;
        case Province:
            return row.province;
        case Start:
            return date(row.start);
        case End:
            return date(row.end);
        case Status:
            return statusName(row.status);
        case Locked:
            return row.locked ? tr("locked") : QString();
        case Score:
            return row.score.isNull() ? QString() : QLocale().toString(row.score.toDouble(), 'f', 1);
        case Reason:
            return PlanReason::render(row.reason);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == Reason || index.column() == Partner ? data(index, Qt::DisplayRole) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Score ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case IdRole:
        return row.id;
    default:
        return {};
    }
}

QVariant PlacementsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Partner:
        return tr("Partner");
    case Province:
        return tr("Province");
    case Start:
        return tr("Start");
    case End:
        return tr("End");
    case Status:
        return tr("Status");
    case Locked:
        return tr("Locked");
    case Score:
        return tr("Score");
    case Reason:
        return tr("Why");
    default:
        return {};
    }
}

} // namespace kopru
