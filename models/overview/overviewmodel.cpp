// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/overview/overviewmodel.h"

#include "models/db/sql.h"
#include "models/db/sqldialect.h"

#include <QHash>
#include <QLocale>
#include <QSqlQuery>

namespace kopru {

namespace {

// Partners that can train in a field: a session or a competency there.
constexpr auto kPartnerField
    = "SELECT partner_id, field_id FROM training_session "
      "UNION SELECT pc.partner_id, c.field_id FROM partner_competency pc JOIN competency c ON c.id = pc.competency_id";

// Statements per grouping, each "SELECT key, count" (key NULL → 0).
struct Queries
{
    QString rows; // key, name, coordination
    QString counts[OverviewModel::ColumnCount - OverviewModel::Teachers];
};

Queries fieldQueries(SqlDialect::Backend backend, bool turkish)
{
    const QString name = turkish ? QStringLiteral("name_tr") : QStringLiteral("name_en");
    return { QStringLiteral("SELECT f.id, f.code, f.%1, (SELECT %2 FROM "
                            "(SELECT c.name FROM centre_field cf JOIN centre c ON c.id = cf.centre_id "
                            "WHERE cf.field_id = f.id ORDER BY c.id) c) FROM field f ORDER BY f.id")
                 .arg(name, SqlDialect::groupConcat(backend, QStringLiteral("c.name"), QStringLiteral("'; '"))),
        { QStringLiteral("SELECT field_id, count(*) FROM teacher GROUP BY field_id"),
            QStringLiteral("SELECT t.field_id, count(*) FROM teacher t WHERE EXISTS (SELECT 1 FROM need_rating r "
                           "WHERE r.teacher_id = t.id AND r.need IS NOT NULL) GROUP BY t.field_id"),
            QStringLiteral("SELECT field_id, count(DISTINCT partner_id) FROM (%1) pf GROUP BY field_id")
                .arg(QLatin1String(kPartnerField)),
            QStringLiteral("SELECT field_id, sum(capacity) FROM training_session GROUP BY field_id"),
            QStringLiteral("SELECT s.field_id, count(*) FROM placement p JOIN training_session s ON s.id = p.session_id "
                           "WHERE p.status <> 'cancelled' GROUP BY s.field_id") } };
}

Queries centreQueries()
{
    return { QStringLiteral(
                 "SELECT c.id, CAST(c.id AS TEXT), c.name, p.name FROM centre c JOIN province p ON p.id = c.province_id "
                 "ORDER BY c.id"),
        { QStringLiteral("SELECT coalesce(centre_id, 0), count(*) FROM teacher GROUP BY 1"),
            QStringLiteral("SELECT coalesce(t.centre_id, 0), count(*) FROM teacher t WHERE EXISTS (SELECT 1 FROM need_rating r "
                           "WHERE r.teacher_id = t.id AND r.need IS NOT NULL) GROUP BY 1"),
            QStringLiteral("SELECT cf.centre_id, count(DISTINCT pf.partner_id) FROM centre_field cf "
                           "JOIN (%1) pf ON pf.field_id = cf.field_id GROUP BY cf.centre_id")
                .arg(QLatin1String(kPartnerField)),
            QStringLiteral("SELECT cf.centre_id, sum(s.capacity) FROM centre_field cf "
                           "JOIN training_session s ON s.field_id = cf.field_id GROUP BY cf.centre_id"),
            QStringLiteral("SELECT coalesce(t.centre_id, 0), count(*) FROM placement p JOIN teacher t ON t.id = p.teacher_id "
                           "WHERE p.status <> 'cancelled' GROUP BY 1") } };
}

Expected<QHash<int, int>> countsByKey(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (Status s = Sql::prepare(q, sql); !s)
        return s.error();
    if (Status s = Sql::run(q); !s)
        return s.error();
    QHash<int, int> counts;
    while (q.next())
        counts.insert(q.value(0).toInt(), q.value(1).toInt());
    return counts;
}

Expected<int> count(const QSqlDatabase &db, const QString &sql)
{
    auto v = Sql::scalar(db, sql);
    if (!v)
        return v.error();
    return v.value().toInt();
}

} // namespace

OverviewModel::OverviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void OverviewModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_totals = {};
    endResetModel();
}

Status OverviewModel::reload(const QSqlDatabase &db, Grouping grouping)
{
    if (!db.isValid() || !db.isOpen()) {
        clear();
        return {};
    }
    const QString language = m_language.isEmpty()
        ? (QLocale().language() == QLocale::Turkish ? QStringLiteral("tr") : QStringLiteral("en"))
        : m_language;
    const Queries queries = grouping == Grouping::ByField
        ? fieldQueries(SqlDialect::backendOf(db), language == QLatin1String("tr"))
        : centreQueries();

    // Gather everything first so that a failure leaves the model as it was.
    std::vector<QHash<int, int>> counts;
    for (const QString &sql : queries.counts) {
        auto c = countsByKey(db, sql);
        if (!c)
            return c.error();
        counts.push_back(std::move(c.value()));
    }
    std::vector<Row> rows;
    std::vector<int> ids;
    {
        QSqlQuery q(db);
        if (Status s = Sql::prepare(q, queries.rows); !s)
            return s;
        if (Status s = Sql::run(q); !s)
            return s;
        while (q.next()) {
            ids.push_back(q.value(0).toInt());
            rows.push_back(Row { q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), {} });
        }
    }
    // Teachers without a centre (none in well-kept data) get a row of their own.
    if (grouping == Grouping::ByCentre && (counts[0].value(0) > 0 || counts[4].value(0) > 0)) {
        ids.push_back(0);
        rows.push_back(Row { QStringLiteral("0"), tr("(no centre)"), QString(), {} });
    }
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < counts.size(); ++c)
            rows[r].counts[c] = counts[c].value(ids[r]);

    // Teachers, surveyed and placed partition into the rows in both groupings
    // (every teacher has one field and one centre or none): sum them. Partners
    // and places are counted over the whole database.
    Totals totals;
    for (const Row &row : rows) {
        totals.teachers += row.counts[Teachers - Teachers];
        totals.surveyed += row.counts[Surveyed - Teachers];
        totals.placed += row.counts[Placed - Teachers];
    }
    const std::pair<int *, QString> totalQueries[] = {
        { &totals.partners, QStringLiteral("SELECT count(*) FROM partner") },
        { &totals.places, QStringLiteral("SELECT coalesce(sum(capacity), 0) FROM training_session") },
    };
    for (const auto &[target, sql] : totalQueries) {
        auto v = count(db, sql);
        if (!v)
            return v.error();
        *target = v.value();
    }

    beginResetModel();
    m_grouping = grouping;
    m_rows = std::move(rows);
    m_totals = totals;
    endResetModel();
    return {};
}

int OverviewModel::rowOfKey(const QString &key) const
{
    for (std::size_t r = 0; r < m_rows.size(); ++r)
        if (m_rows[r].key.compare(key, Qt::CaseInsensitive) == 0)
            return int(r);
    return -1;
}

int OverviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OverviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OverviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        if (column == Name)
            return row.name;
        if (column == Coordination)
            return row.coordination;
        return row.counts[column - Teachers];
    case Qt::ToolTipRole:
        if (column == Name && m_grouping == Grouping::ByField)
            return row.key;
        if (column == Coordination)
            return row.coordination;
        return {};
    case Qt::TextAlignmentRole:
        return column >= Teachers ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case KeyRole:
        return row.key;
    default:
        return {};
    }
}

QVariant OverviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    const bool byField = m_grouping == Grouping::ByField;
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Name:
            return byField ? tr("Pilot field") : tr("Centre");
        case Coordination:
            return byField ? tr("Centres") : tr("Province");
        case Teachers:
            return tr("Teachers");
        case Surveyed:
            return tr("Surveyed");
        case Partners:
            return tr("Partners");
        case Places:
            return tr("Session places");
        case Placed:
            return tr("Placed");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Surveyed:
            return tr("Teachers with at least one need rating other than \"not applicable\"");
        case Partners:
            return byField ? tr("Partners offering a session or a competency in the field")
                           : tr("Partners offering a session or a competency in a field the centre coordinates");
        case Places:
            return byField ? tr("Sum of the capacities of the field's training sessions")
                           : tr("Sum of the capacities of the sessions in the fields the centre coordinates");
        case Placed:
            return tr("Placements that are not cancelled");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return section >= Teachers ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    return {};
}

} // namespace kopru
