// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/planning/candidatemodel.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"
#include "models/planning/planinstance.h"
#include "models/planning/planreason.h"

#include <QColor>
#include <QDate>
#include <QLocale>
#include <QSqlQuery>
#include <algorithm>

namespace kopru {

CandidateModel::CandidateModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

kopru::Status CandidateModel::load(QSqlDatabase db, int teacherId, int currentSessionId)
{
    std::vector<Row> rows;
    QSqlQuery q(db);
    if (kopru::Status s = Sql::prepare(q,
            QStringLiteral(
                "SELECT s.id, p.name, pr.name, s.start_date, s.end_date, "
                "s.capacity - (SELECT count(*) FROM placement x WHERE x.session_id = s.id AND x.status <> 'cancelled' AND "
                "x.teacher_id <> t.id), "
                "(SELECT coalesce(sum(%1), 0) FROM session_competency sc JOIN need_rating r ON r.competency_id = "
                "sc.competency_id "
                " AND r.teacher_id = t.id AND r.round = (SELECT max(round) FROM need_rating r2 WHERE r2.teacher_id = t.id "
                " AND r2.competency_id = r.competency_id) WHERE sc.session_id = s.id), "
                "(s.start_date >= coalesce(t.available_from, s.start_date) AND s.end_date <= coalesce(t.available_to, "
                "s.end_date)), "
                "t.province_id, p.province_id "
                "FROM teacher t JOIN training_session s ON s.field_id = t.field_id JOIN partner p ON p.id = s.partner_id "
                "JOIN province pr ON pr.id = p.province_id WHERE t.id = ? AND s.id <> ? AND p.active = 1")
                .arg(SqlDialect::greater(SqlDialect::backendOf(db), QStringLiteral("r.need - 1"), QStringLiteral("0"))));
        !s)
        return s;
    if (kopru::Status s = Sql::run(q, { teacherId, currentSessionId }); !s)
        return s;
    while (q.next()) {
        const int km = PlanInstance::roundedKm(q.value(8).toInt(), q.value(9).toInt());
        rows.push_back({ q.value(0).toInt(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toInt(), PlanReason::score(q.value(6).toInt(), km), q.value(7).toInt() != 0, km });
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        const bool fitsA = a.available && a.placesLeft > 0, fitsB = b.available && b.placesLeft > 0;
        if (fitsA != fitsB)
            return fitsA;
        return a.score > b.score;
    });
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    return {};
}

int CandidateModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}
int CandidateModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CandidateModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[std::size_t(index.row())];
    const auto date
        = [](const QString &iso) { return QDate::fromString(iso, Qt::ISODate).toString(QStringLiteral("dd.MM.yyyy")); };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Partner:
            return r.partner;
        case Province:
            return r.km == 0 ? r.province : tr("%1 (%2 km)").arg(r.province).arg(r.km);
        case Dates:
            return QString(date(r.start) + QStringLiteral(" – ") + date(r.end));
        case PlacesLeft:
            return r.placesLeft;
        case Score:
            return QLocale().toString(r.score, 'f', 2);
        case Note:
            if (!r.available)
                return tr("outside availability");
            if (r.placesLeft <= 0)
                return tr("full");
            return QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (!r.available)
            return tr("The session's dates are outside the teacher's availability: moving here is a conflict");
        if (r.placesLeft <= 0)
            return tr("The session is full: moving here puts it over capacity");
        return {};
    case Qt::ForegroundRole:
        return r.available && r.placesLeft > 0 ? QVariant() : QVariant(QColor(0xb0, 0x20, 0x20));
    case Qt::TextAlignmentRole:
        return index.column() == PlacesLeft || index.column() == Score ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case SessionIdRole:
        return r.sessionId;
    case FitsRole:
        return r.available && r.placesLeft > 0;
    default:
        return {};
    }
}

QVariant CandidateModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Partner:
        return tr("Partner");
    case Province:
        return tr("Province");
    case Dates:
        return tr("Session dates");
    case PlacesLeft:
        return tr("Places left");
    case Score:
        return tr("Score");
    case Note:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace kopru
