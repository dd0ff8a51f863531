// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

// Custom item roles and value kinds shared by Köprü's item models, proxies and
// delegates. Kept in one header so that views and models agree on them.
namespace kopru {

enum ItemRole {
    IdRole = Qt::UserRole + 1, // database id of the row (int)
    SortRole, // value to sort by: number, ISO date or text
    SearchKeyRole, // Turkish-folded text of the whole row (TurkishText::searchKey)
    FieldIdRole, // pilot field id of the row
    ProvinceIdRole, // province id of the row
    CentreIdRole, // centre id of the row (invalid when none)
    ValueKindRole, // ValueKind of the column (int)
    ChoicesRole, // for lookup columns: QVariantList of QVariantList{id, name}
    MinimumRole, // smallest allowed number of a numeric column
    MaximumRole, // largest allowed number of a numeric column
    RequiredRole, // bool: the column must not be left empty
    TeacherIdRole, // teacher id of the row (placements, candidates…)
    SessionIdRole, // training session id of the row
    StatusRole, // placement status: "proposed", "confirmed", "completed", "cancelled"
    LockedRole, // bool: the placement is locked

    // Roles that only one model defines start here, so that they can never
    // clash with the shared roles above.
    FirstModelRole = Qt::UserRole + 100,
};

// What a column holds; decides validation, display and the editor.
enum class ValueKind {
    Text, // free text (may be empty unless the column is required)
    Integer, // whole number within [minimum, maximum]
    Date, // ISO date stored, dd.MM.yyyy shown
    NationalId, // TC Kimlik No (NationalId::problem)
    Email,
    Phone, // Turkish phone number, stored as text with leading zero
    Province, // id into province
    Field, // id into field
    Centre, // id into centre (may be empty)
    School, // id into school, shown by name (not edited in tables)
    Bool, // 0/1, shown as a check box
    Rating, // 1–5 or NULL ("not applicable")
    ReadOnly, // computed or joined, never edited
};

} // namespace kopru
