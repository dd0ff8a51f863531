// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/sessioncompetencymodel.h"

#include "models/db/sql.h"
#include "models/editing/changenotifier.h"
#include "models/editing/setratingcommand.h"
#include "models/itemmodels/lookups.h"
#include "models/itemmodels/roles.h"

#include <QSqlQuery>
#include <algorithm>

namespace kopru {

SessionCompetencyModel::SessionCompetencyModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    const auto reloadFor = [this](const QString &table) {
        if (m_db.isOpen() && m_sessionId > 0
            && (table == QLatin1String("session_competency") || table == QLatin1String("training_session")
                || table == QLatin1String("competency")))
            (void)load(m_db, m_sessionId);
    };
    connect(ChangeNotifier::instance(), &ChangeNotifier::tableChanged, this, reloadFor);
    connect(ChangeNotifier::instance(), &ChangeNotifier::rowsChanged, this,
        [reloadFor](const QString &table, const QList<int> &) { reloadFor(table); });
}

Status SessionCompetencyModel::load(QSqlDatabase db, int sessionId)
{
    m_db = db;
    m_sessionId = sessionId;
    std::vector<Row> rows;
    Status status;
    if (m_db.isOpen() && sessionId > 0) {
        QSqlQuery q(m_db);
        status = Sql::prepare(q,
            QStringLiteral("SELECT c.id, c.code, c.title_tr, c.title_en, sc.session_id IS NOT NULL FROM competency c "
                           "LEFT JOIN session_competency sc ON sc.competency_id = c.id AND sc.session_id = ? "
                           "WHERE c.field_id = (SELECT field_id FROM training_session WHERE id = ?) ORDER BY c.code"));
        if (status)
            status = Sql::run(q, { sessionId, sessionId });
        const bool turkish = Lookups::turkishUi();
        while (status && q.next()) {
            const QString en = q.value(3).toString();
            rows.push_back({ q.value(0).toInt(), q.value(1).toString(), turkish || en.isEmpty() ? q.value(2).toString() : en,
                q.value(4).toBool() });
        }
    }
    const bool sameRows = !m_rows.empty() && rows.size() == m_rows.size()
        && std::equal(rows.begin(), rows.end(), m_rows.begin(),
            [](const Row &a, const Row &b) { return a.competencyId == b.competencyId; });
    if (sameRows) {
        m_rows = std::move(rows);
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return status;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    return status;
}

int SessionCompetencyModel::coveredCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const Row &r) { return r.covered; }));
}

int SessionCompetencyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}
int SessionCompetencyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionCompetencyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return index.column() == Code ? row.code : row.title;
    case Qt::ToolTipRole:
        return row.title;
    case Qt::CheckStateRole:
        if (index.column() == Code)
            return row.covered ? Qt::Checked : Qt::Unchecked;
        return {};
    case IdRole:
        return row.competencyId;
    case SortRole:
        return index.column() == Code ? row.code : row.title;
    default:
        return {};
    }
}

QVariant SessionCompetencyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == Code ? tr("Covered") : tr("Competency");
}

Qt::ItemFlags SessionCompetencyModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (index.column() == Code)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

bool SessionCompetencyModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::CheckStateRole || index.column() != Code || !m_db.isOpen())
        return false;
    const Row &row = m_rows[std::size_t(index.row())];
    const bool covered = value.toInt() == Qt::Checked;
    if (covered == row.covered)
        return true;
    auto command = std::make_unique<SetCoverageCommand>(m_db, m_sessionId, row.competencyId, covered,
        covered ? tr("Cover %1 in the session").arg(row.code) : tr("Remove %1 from the session").arg(row.code), row.code);
    if (Status s = DbCommand::run(m_undoStack, std::move(command)); !s) {
        emit editRefused(s.message());
        return false;
    }
    return true;
}

} // namespace kopru
