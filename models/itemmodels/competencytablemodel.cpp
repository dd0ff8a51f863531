// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/competencytablemodel.h"

#include "models/db/sql.h"

namespace kopru {

namespace {

std::vector<ColumnSpec> competencyColumns()
{
    return {
        { QT_TRANSLATE_NOOP("EntityColumns", "Field"), "field_id", ValueKind::Field, true },
        { QT_TRANSLATE_NOOP("EntityColumns", "Code"), "code", ValueKind::Text, true },
        { QT_TRANSLATE_NOOP("EntityColumns", "Turkish title"), "title_tr", ValueKind::Text, true },
        { QT_TRANSLATE_NOOP("EntityColumns", "English title"), "title_en", ValueKind::Text },
        { QT_TRANSLATE_NOOP("EntityColumns", "Unit"), "unit", ValueKind::Text },
        { QT_TRANSLATE_NOOP("EntityColumns", "Ratings"), "ratings", ValueKind::ReadOnly },
    };
}

} // namespace

CompetencyTableModel::CompetencyTableModel(QObject *parent)
    : EntityTableModel(QStringLiteral("competency"), competencyColumns(), parent)
{ }

QString CompetencyTableModel::selectSql() const
{
    // The rating count comes from one grouped pass, not a query per row.
    return QStringLiteral("SELECT id, field_id, code, title_tr, title_en, unit, ratings FROM competency "
                          "LEFT JOIN (SELECT competency_id, count(*) AS ratings FROM need_rating GROUP BY competency_id) r "
                          "ON r.competency_id = id");
}

QString CompetencyTableModel::rowProblem(int row, int column, const QVariant &value) const
{
    if (row < 0)
        return {}; // the database's UNIQUE (field_id, code) guards new rows
    if (column == Code || column == Field) {
        const int field = column == Field ? value.toInt() : rawValue(row, Field).toInt();
        const QString code = column == Code ? value.toString() : rawValue(row, Code).toString();
        for (int r = 0; r < rowCount(); ++r)
            if (r != row && rawValue(r, Field).toInt() == field && rawValue(r, Code).toString() == code)
                return tr("the code %1 is already used in this field").arg(code);
    }
    if (column == Field) {
        const int id = idAt(row);
        auto n = Sql::scalar(database(),
            QStringLiteral("SELECT (SELECT count(*) FROM need_rating WHERE competency_id = ?) + "
                           "(SELECT count(*) FROM session_competency WHERE competency_id = ?)"),
            { id, id });
        if (n && n.value().toInt() > 0)
            return tr("the competency is rated or covered by sessions in its current field");
    }
    return {};
}

QString CompetencyTableModel::describe(int row) const
{
    return rawValue(row, Code).toString() + QLatin1Char(' ') + rawValue(row, TitleTr).toString();
}

} // namespace kopru
