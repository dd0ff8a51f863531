// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/ratingsmodel.h"

#include "models/db/sql.h"
#include "models/editing/changenotifier.h"
#include "models/editing/setratingcommand.h"
#include "models/itemmodels/lookups.h"
#include "models/itemmodels/roles.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>
#include <QSqlQuery>
#include <algorithm>

namespace kopru {

RatingsModel::RatingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    ChangeNotifier *n = ChangeNotifier::instance();
    connect(n, &ChangeNotifier::rowsChanged, this, [this](const QString &table, const QList<int> &ids) {
        if ((table == QLatin1String("need_rating") && ids.contains(m_teacherId))
            || (table == QLatin1String("teacher") && ids.contains(m_teacherId)) || table == QLatin1String("competency"))
            reload();
    });
    connect(n, &ChangeNotifier::tableChanged, this, [this](const QString &table) {
        if (table == QLatin1String("need_rating") || table == QLatin1String("competency"))
            reload();
    });
}

Status RatingsModel::load(QSqlDatabase db, int teacherId)
{
    m_db = db;
    m_teacherId = teacherId;
    std::vector<Row> rows;
    Status status;
    if (m_db.isOpen() && teacherId > 0) {
        QSqlQuery q(m_db);
        status = Sql::prepare(q,
            QStringLiteral(
                "SELECT c.id, c.code, c.title_tr, c.title_en, r.teacher_id IS NOT NULL, r.need, r.proficiency, r.version "
                "FROM competency c LEFT JOIN need_rating r ON r.competency_id = c.id AND r.teacher_id = ? AND r.round = 1 "
                "WHERE c.field_id = (SELECT field_id FROM teacher WHERE id = ?) ORDER BY c.code"));
        if (status)
            status = Sql::run(q, { teacherId, teacherId });
        const bool turkish = Lookups::turkishUi();
        while (status && q.next()) {
            Row row;
            row.competencyId = q.value(0).toInt();
            row.code = q.value(1).toString();
            const QString en = q.value(3).toString();
            row.title = turkish || en.isEmpty() ? q.value(2).toString() : en;
            row.rated = q.value(4).toBool();
            row.need = q.value(5);
            row.proficiency = q.value(6);
            row.version = q.value(7);
            rows.push_back(std::move(row));
        }
    }
    const bool sameRows = !m_rows.empty() && rows.size() == m_rows.size()
        && std::equal(rows.begin(), rows.end(), m_rows.begin(),
            [](const Row &a, const Row &b) { return a.competencyId == b.competencyId; });
    if (sameRows) { // an edit: keep the view's current index
        m_rows = std::move(rows);
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return status;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    return status;
}

void RatingsModel::reload()
{
    if (m_db.isOpen() && m_teacherId > 0)
        (void)load(m_db, m_teacherId);
}

RatingsModel::Summary RatingsModel::summary() const
{
    Summary s;
    double sum = 0;
    for (const Row &row : m_rows) {
        if (!row.rated)
            continue;
        if (row.need.isNull()) {
            ++s.notApplicable;
        } else {
            ++s.rated;
            sum += row.need.toInt();
        }
    }
    s.meanNeed = s.rated > 0 ? sum / s.rated : 0;
    return s;
}

int RatingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}
int RatingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RatingsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const int c = index.column();
    const bool ratingColumn = c == Need || c == Proficiency;
    const QVariant &value = c == Need ? row.need : row.proficiency;
    switch (role) {
    case Qt::DisplayRole:
        if (c == Code)
            return row.code;
        if (c == Title)
            return row.title;
        if (!row.rated)
            return c == Need ? tr("not rated") : QString();
        if (value.isNull())
            return c == Need ? tr("not applicable") : QString();
        return QLocale().toString(value.toInt());
    case Qt::EditRole:
        if (ratingColumn)
            return value.isNull() ? 0 : value.toInt();
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        return ratingColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (ratingColumn && value.isNull())
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case Qt::ToolTipRole:
        if (c == Need)
            return tr("Need for training: 1 none … 5 very high; 0 = not applicable");
        if (c == Proficiency)
            return tr("Current proficiency: 1 none … 5 expert; 0 = not given");
        return row.title;
    case IdRole:
        return row.competencyId;
    case SortRole:
        return ratingColumn ? (value.isNull() ? QVariant() : QVariant(value.toInt())) : data(index, Qt::DisplayRole);
    case ValueKindRole:
        return int(ratingColumn ? ValueKind::Rating : ValueKind::ReadOnly);
    case MinimumRole:
        return 0;
    case MaximumRole:
        return 5;
    default:
        return {};
    }
}

QVariant RatingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Code:
        return tr("Code");
    case Title:
        return tr("Competency");
    case Need:
        return tr("Need");
    case Proficiency:
        return tr("Proficiency");
    default:
        return {};
    }
}

Qt::ItemFlags RatingsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (index.column() == Need || index.column() == Proficiency)
        f |= Qt::ItemIsEditable;
    return f;
}

bool RatingsModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !m_db.isOpen() || (index.column() != Need && index.column() != Proficiency))
        return false;
    const Row &row = m_rows[std::size_t(index.row())];
    QVariant newValue;
    if (!value.isNull() && !(value.userType() == QMetaType::QString && value.toString().isEmpty())) {
        bool ok = false;
        const int v = value.toInt(&ok);
        if (!ok || v < 0 || v > 5) {
            emit editRefused(tr("A rating is 1 to 5, or 0 for \"not applicable\"; \"%1\" refused.").arg(value.toString()));
            return false;
        }
        if (v > 0)
            newValue = v;
    }
    const bool need = index.column() == Need;
    const QVariant old = need ? row.need : row.proficiency;
    if (row.rated && old == newValue && old.isNull() == newValue.isNull())
        return true;
    auto command = std::make_unique<SetRatingCommand>(m_db, m_teacherId, row.competencyId,
        need ? SetRatingCommand::Column::Need : SetRatingCommand::Column::Proficiency, row.rated, old, newValue,
        need ? tr("Change need for %1").arg(row.code) : tr("Change proficiency for %1").arg(row.code),
        row.rated ? row.version : QVariant(), need ? tr("Need for %1").arg(row.code) : tr("Proficiency for %1").arg(row.code));
    if (Status s = DbCommand::run(m_undoStack, std::move(command)); !s) {
        emit editRefused(s.message());
        return false;
    }
    return true;
}

} // namespace kopru
