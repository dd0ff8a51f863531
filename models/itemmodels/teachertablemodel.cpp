// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/teachertablemodel.h"

#include "models/db/serveraccess.h"
#include "models/db/sql.h"

namespace kopru {

namespace {

std::vector<ColumnSpec> teacherColumns()
{
    return {
        { QT_TRANSLATE_NOOP("EntityColumns", "National ID"), "national_id", ValueKind::NationalId, true },
        { QT_TRANSLATE_NOOP("EntityColumns", "Last name"), "last_name", ValueKind::Text, true },
        { QT_TRANSLATE_NOOP("EntityColumns", "First name"), "first_name", ValueKind::Text, true },
        { QT_TRANSLATE_NOOP("EntityColumns", "Field"), "field_id", ValueKind::Field, true },
        { QT_TRANSLATE_NOOP("EntityColumns", "Branch"), "branch", ValueKind::Text },
        { QT_TRANSLATE_NOOP("EntityColumns", "School"), "school_id", ValueKind::School },
        { QT_TRANSLATE_NOOP("EntityColumns", "Province"), "province_id", ValueKind::Province, true },
        { QT_TRANSLATE_NOOP("EntityColumns", "Centre"), "centre_id", ValueKind::Centre },
        { QT_TRANSLATE_NOOP("EntityColumns", "E-mail"), "email", ValueKind::Email },
        { QT_TRANSLATE_NOOP("EntityColumns", "Phone"), "phone", ValueKind::Phone },
        { QT_TRANSLATE_NOOP("EntityColumns", "Experience (years)"), "experience_years", ValueKind::Integer, false, 0, 60 },
        { QT_TRANSLATE_NOOP("EntityColumns", "Available from"), "available_from", ValueKind::Date },
        { QT_TRANSLATE_NOOP("EntityColumns", "Available to"), "available_to", ValueKind::Date },
        { QT_TRANSLATE_NOOP("EntityColumns", "Notes"), "notes", ValueKind::Text },
    };
}

} // namespace

TeacherTableModel::TeacherTableModel(QObject *parent)
    : EntityTableModel(QStringLiteral("teacher"), teacherColumns(), parent)
{ }

QString TeacherTableModel::selectSql() const
{
    QStringList columns { QStringLiteral("id"), QStringLiteral("national_id"), QStringLiteral("last_name"),
        QStringLiteral("first_name"), QStringLiteral("field_id"), QStringLiteral("branch"), QStringLiteral("school_id"),
        QStringLiteral("province_id"), QStringLiteral("centre_id"), QStringLiteral("email"), QStringLiteral("phone"),
        QStringLiteral("experience_years"), QStringLiteral("available_from"), QStringLiteral("available_to"),
        QStringLiteral("notes") };
    // A server role that may not read some columns (a viewer: national ID,
    // e-mail, phone) sees them empty. When the server cannot say, every
    // column is asked for and the load reports the server's reason.
    if (auto hidden = ServerAccess::hiddenColumns(database(), QStringLiteral("teacher")))
        for (QString &column : columns)
            if (hidden->contains(column))
                column = QStringLiteral("NULL AS ") + column;
    return QStringLiteral("SELECT %1 FROM teacher").arg(columns.join(QStringLiteral(", ")));
}

QString TeacherTableModel::rowProblem(int row, int column, const QVariant &value) const
{
    if (row < 0 && column != NationalId)
        return {};
    switch (column) {
    case NationalId:
        for (int r = 0; r < rowCount(); ++r)
            if (r != row && rawValue(r, NationalId).toString() == value.toString())
                return tr("another teacher (%1) has this national ID").arg(describe(r));
        return {};
    case AvailableFrom:
    case AvailableTo: {
        const QString from = column == AvailableFrom ? value.toString() : rawValue(row, AvailableFrom).toString();
        const QString to = column == AvailableTo ? value.toString() : rawValue(row, AvailableTo).toString();
        if (!from.isEmpty() && !to.isEmpty() && to < from)
            return tr("the availability ends before it starts");
        return {};
    }
    case Field: {
        const int id = idAt(row);
        auto n = Sql::scalar(database(),
            QStringLiteral("SELECT (SELECT count(*) FROM need_rating WHERE teacher_id = ?) + "
                           "(SELECT count(*) FROM placement WHERE teacher_id = ?)"),
            { id, id });
        if (n && n.value().toInt() > 0)
            return tr("the teacher has need ratings or placements in the current field");
        return {};
    }
    default:
        return {};
    }
}

QString TeacherTableModel::describe(int row) const
{
    return rawValue(row, FirstName).toString() + QLatin1Char(' ') + rawValue(row, LastName).toString();
}

} // namespace kopru
