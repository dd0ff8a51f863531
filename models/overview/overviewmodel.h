// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/itemmodels/roles.h"

#include <QAbstractTableModel>
#include <QSqlDatabase>
#include <vector>

namespace kopru {

// Counts of the programme per pilot field or per centre, for the overview
// page: teachers, teachers surveyed (at least one need rating that is not
// "not applicable"), partners, session places and teachers placed (placements
// not cancelled). Read-only; reload() replaces everything at once.
//
// By field: every count belongs to the field. Partners of a field are those
// offering a session or a competency in it.
// By centre: teachers, surveyed and placed follow the teacher's centre;
// partners and places are those of the fields the centre coordinates (a field
// shared by two centres counts at both). Teachers without a centre form a last
// row of their own.
class OverviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewModel)
public:
    enum class Grouping { ByField, ByCentre };
    enum Column { Name, Coordination, Teachers, Surveyed, Partners, Places, Placed, ColumnCount };
    // KeyRole: field code or centre id. Sorting reads kopru::SortRole.
    enum Role { KeyRole = FirstModelRole };

    struct Totals
    {
        int teachers = 0, surveyed = 0, partners = 0, places = 0, placed = 0;
    };

    explicit OverviewModel(QObject *parent = nullptr);

    // Names in this language ("tr" or "en"); default: the default QLocale's.
    void setNameLanguage(const QString &language) { m_language = language; }
    // Loads the counts from `db` (an invalid db empties the model).
    Status reload(const QSqlDatabase &db, Grouping grouping);
    void clear();

    Grouping grouping() const { return m_grouping; }
    // Whole-database figures (not the sum of the rows: by centre, shared fields count twice).
    const Totals &totals() const { return m_totals; }
    // Row of a field code (by field) or a centre id as text (by centre); -1 if none.
    int rowOfKey(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString key, name, coordination;
        int counts[ColumnCount - Teachers] = {};
    };

    QString m_language;
    Grouping m_grouping = Grouping::ByField;
    std::vector<Row> m_rows;
    Totals m_totals;
};

} // namespace kopru
