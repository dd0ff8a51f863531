// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/import/importreport.h"

#include <QSet>
#include <QSqlDatabase>
#include <QStringList>
#include <QVariantList>
#include <functional>
#include <vector>

namespace kopru {

// The rows an import will write into one table, decided before anything is
// written: each row inserts a record, updates one (id > 0) or is skipped
// because the database already holds the same values.
struct TablePlan
{
    enum class Action { Insert, Update, Skip };
    struct Row
    {
        int line = 0;
        qint64 id = 0; // existing record, 0 = new
        QVariantList values; // one per column
        bool hasLinks = false;
        QSet<qint64> links; // e.g. the competencies of a partner
        Action action = Action::Insert;
        std::vector<bool> changed; // per column, set by classify() for an update
    };

    QString table;
    QStringList columns; // written columns (fixed names, never from the file)
    // Optional link table replaced per row: linkTable(linkOwner, linkTarget).
    QString linkTable, linkOwner, linkTarget;
    // Optional records to create first (schools of teachers): a value -k in
    // column `parentColumn` stands for the id of parents[k - 1].
    QString parentTable;
    QStringList parentColumns;
    std::vector<QVariantList> parents;
    int parentColumn = -1;
    std::vector<Row> rows;
    // Name-based global ids (GlobalId) of new records and new parents, from
    // their written values; unset: the column DEFAULT makes a random one.
    std::function<QString(const QVariantList &values)> globalId, parentGlobalId;

    // Compares the rows with what the database holds and sets each action and
    // the report's counts.
    Status classify(QSqlDatabase db, ImportReport &report);
    // Writes the rows (inside the caller's transaction). `done` is advanced per
    // row; returns false from the progress callback cancels with an error.
    Status write(QSqlDatabase db, const std::function<bool()> &tick);
};

} // namespace kopru
