// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace kopru {

// What travels in a package and how each package table maps to the local
// database (docs/exchange.md, "What travels in which direction"). The packer,
// the applier, the content digest and the review list all read this one
// description, so a table is added in one place.

// A column of a package table.
struct PackageColumn
{
    QString name; // in the package
    QString local; // the local column
    QString refTable; // empty, or the table whose local id `local` holds: the package holds its uid instead
    bool isRef() const { return !refTable.isEmpty(); }
};

// Who owns a package table's rows.
enum class OwnerRule {
    National, // the national office (the table has no owner column)
    RowOwner, // owner_centre_id of the row (NULL = national)
    TeacherCentre, // the teacher's centre (centre_id; NULL = national)
};

struct TravellingTable
{
    QString name; // in the package
    QString local; // the local table
    std::vector<PackageColumn> key; // the global key: {uid} or natural columns
    std::vector<PackageColumn> content; // everything else that travels
    OwnerRule owner = OwnerRule::National;
    QString version = QStringLiteral("version");
    QString modifiedAt, modifiedBy; // empty when the table keeps none
    bool insertable = true; // false: only updates a row another table made (teacher_record)

    bool keyedByUid() const { return key.size() == 1 && key.front().name == QLatin1String("uid"); }
    // Package columns in order: key, content, [owner_centre_id], version, [modified_at, modified_by].
    QStringList packageColumns() const;
    // The package's CREATE TABLE statement; `prefix` names where ("pkg." or "temp.held_").
    QString createStatement(const QString &prefix) const;
};

// A list that travels with its parent and is replaced as a whole when the
// parent is applied (a partner's competencies).
struct TravellingList
{
    QString name; // in the package = the local table
    QString parent; // the parent's package/local table
    QString parentColumn; // local column holding the parent's id
    QString target; // the listed table
    QString targetColumn; // local column holding the listed record's id
    QString parentKey() const { return parent + QStringLiteral("_uid"); }
    QString targetKey() const { return target + QStringLiteral("_uid"); }
    QString createStatement(const QString &prefix) const;
};

namespace TravellingTables {

// In the order rows are applied (parents first). Packing fills them in reverse
// order so that parents referenced by children can be added.
const std::vector<TravellingTable> &tables();
const std::vector<TravellingList> &lists();
// nullptr when there is none.
const TravellingTable *table(const QString &name);

// Whether a local table's rows have a global id column `uid`.
bool hasGlobalId(const QString &localTable);

// The CREATE TABLE statements of a package's tables (data, lists, tombstones,
// manifest), each name preceded by `prefix` ("pkg." for an attached package).
QStringList packageSchema(const QString &prefix);

// Package tables in the order of the content digest: every data table, list
// and the tombstones, each with the columns that order its rows.
struct DigestTable
{
    QString name;
    QStringList columns;
    QStringList orderBy;
};
std::vector<DigestTable> digestTables();

} // namespace TravellingTables

} // namespace kopru
