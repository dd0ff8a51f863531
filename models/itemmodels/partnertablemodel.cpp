// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/partnertablemodel.h"

#include "models/db/sql.h"

#include <QLocale>

namespace kopru {

namespace {

std::vector<ColumnSpec> partnerColumns()
{
    return {
        { QT_TRANSLATE_NOOP("EntityColumns", "Company"), "name", ValueKind::Text, true },
        { QT_TRANSLATE_NOOP("EntityColumns", "Sector"), "sector", ValueKind::Text },
        { QT_TRANSLATE_NOOP("EntityColumns", "Province"), "province_id", ValueKind::Province, true },
        { QT_TRANSLATE_NOOP("EntityColumns", "District"), "district", ValueKind::Text },
        { QT_TRANSLATE_NOOP("EntityColumns", "Address"), "address", ValueKind::Text },
        { QT_TRANSLATE_NOOP("EntityColumns", "Contact person"), "contact_person", ValueKind::Text },
        { QT_TRANSLATE_NOOP("EntityColumns", "Phone"), "phone", ValueKind::Phone },
        { QT_TRANSLATE_NOOP("EntityColumns", "E-mail"), "email", ValueKind::Email },
        { QT_TRANSLATE_NOOP("EntityColumns", "Protocol date"), "protocol_date", ValueKind::Date },
        { QT_TRANSLATE_NOOP("EntityColumns", "Active"), "active", ValueKind::Bool },
        { QT_TRANSLATE_NOOP("EntityColumns", "Sessions"), "sessions", ValueKind::ReadOnly },
        { QT_TRANSLATE_NOOP("EntityColumns", "Places"), "places", ValueKind::ReadOnly },
    };
}

std::vector<ColumnSpec> sessionColumns()
{
    return {
        { QT_TRANSLATE_NOOP("EntityColumns", "Field"), "field_id", ValueKind::Field, true },
        { QT_TRANSLATE_NOOP("EntityColumns", "Start"), "start_date", ValueKind::Date, true },
        { QT_TRANSLATE_NOOP("EntityColumns", "End"), "end_date", ValueKind::Date, true },
        { QT_TRANSLATE_NOOP("EntityColumns", "Hours"), "hours", ValueKind::Integer, true, 1, 2000 },
        { QT_TRANSLATE_NOOP("EntityColumns", "Capacity"), "capacity", ValueKind::Integer, true, 1, 500 },
        { QT_TRANSLATE_NOOP("EntityColumns", "Placed"), "placed", ValueKind::ReadOnly },
        { QT_TRANSLATE_NOOP("EntityColumns", "Competencies"), "covered", ValueKind::ReadOnly },
    };
}

} // namespace

PartnerTableModel::PartnerTableModel(QObject *parent)
    : EntityTableModel(QStringLiteral("partner"), partnerColumns(), parent)
{ }

QString PartnerTableModel::selectSql() const
{
    return QStringLiteral("SELECT id, name, sector, province_id, district, address, contact_person, phone, email, "
                          "protocol_date, active, coalesce(sessions, 0), coalesce(places, 0) FROM partner "
                          "LEFT JOIN (SELECT partner_id, count(*) AS sessions, sum(capacity) AS places "
                          "FROM training_session GROUP BY partner_id) s ON s.partner_id = id");
}

SessionTableModel::SessionTableModel(QObject *parent)
    : EntityTableModel(QStringLiteral("training_session"), sessionColumns(), parent)
{ }

QString SessionTableModel::selectSql() const
{
    return QStringLiteral("SELECT id, field_id, start_date, end_date, hours, capacity, "
                          "(SELECT count(*) FROM placement WHERE session_id = id AND status <> 'cancelled'), "
                          "(SELECT count(*) FROM session_competency WHERE session_id = id) FROM training_session");
}

QString SessionTableModel::rowProblem(int row, int column, const QVariant &value) const
{
    if (row < 0)
        return {}; // new sessions: the database checks end >= start
    switch (column) {
    case Start:
    case End: {
        const QString from = column == Start ? value.toString() : rawValue(row, Start).toString();
        const QString to = column == End ? value.toString() : rawValue(row, End).toString();
        if (to < from)
            return tr("the session ends before it starts");
        return {};
    }
    case Capacity:
        if (value.toInt() < rawValue(row, Placed).toInt())
            return tr("%n teacher(s) are already placed in this session", nullptr, rawValue(row, Placed).toInt());
        return {};
    case Field:
        if (rawValue(row, Placed).toInt() > 0 || rawValue(row, Competencies).toInt() > 0)
            return tr("the session has placements or covered competencies in its current field");
        return {};
    default:
        return {};
    }
}

QString SessionTableModel::describe(int row) const
{
    return tr("session of %1").arg(displayText(row, Start));
}

} // namespace kopru
