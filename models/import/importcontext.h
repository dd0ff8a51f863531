// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/import/columnmapping.h"
#include "models/import/importlookups.h"
#include "models/import/importreport.h"
#include "models/import/tableplan.h"
#include "models/io/sourcetable.h"

#include <QCoreApplication>
#include <QDate>
#include <QSet>
#include <QSqlDatabase>
#include <optional>

namespace kopru {

// What the planners of each kind share: the table, the mapping, the lookups
// and the report that collects every refusal with its position.
struct ImportContext
{
    QSqlDatabase db;
    const SourceTable &table;
    const ColumnMapping &mapping;
    const ImportLookups &lookups;
    ImportReport &report;

    int column(const char *key) const { return mapping.columnOf(QLatin1String(key)); }
    bool has(const char *key) const { return column(key) >= 0; }
    QString cell(const SourceRow &row, const char *key) const
    {
        const int c = column(key);
        return c < 0 ? QString() : row.cell(c);
    }
    // A refusal at the cell of `key` (or the row when the column is unknown).
    void error(const SourceRow &row, const char *key, const QString &message) const { errorAt(row, column(key), message); }
    void errorAt(const SourceRow &row, int columnIndex, const QString &message) const
    {
        report.refuse(Error { message, table.file, row.line, columnIndex + 1 });
    }
    // A required text value, or an error.
    std::optional<QString> required(const SourceRow &row, const char *key, const QString &what) const;
};

// The import's messages: ImportText::tr("…") (context "Import"), which lupdate reads.
class ImportText
{
    Q_DECLARE_TR_FUNCTIONS(Import)
};
bool isImportableEmail(const QString &email);
// An ISO date of a cell as the user writes it: dd.MM.yyyy.
inline QString shownDate(const QVariant &isoDate)
{
    const QDate d = QDate::fromString(isoDate.toString(), Qt::ISODate);
    return d.isValid() ? d.toString(QStringLiteral("dd.MM.yyyy")) : isoDate.toString();
}
// Competency codes separated by , ; | or spaces → ids; errors for unknown or
// ambiguous codes and for codes outside `fieldId` (when not 0).
std::optional<QSet<qint64>> competencyList(const ImportContext &ctx, const SourceRow &row, int fieldId);

// One planner per kind (each in its own file).
Status planTeachers(ImportContext &ctx, TablePlan &plan);
Status planPartners(ImportContext &ctx, TablePlan &plan);
Status planSessions(ImportContext &ctx, TablePlan &plan);
Status planCompetencies(ImportContext &ctx, TablePlan &plan);
// Needs write their own rows (composite key): planned, classified and
// written by NeedsPlan.
class NeedsPlan;

} // namespace kopru
