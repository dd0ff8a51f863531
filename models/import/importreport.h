// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/import/importkind.h"
#include "models/import/scalemapping.h"

#include <QHash>
#include <QList>
#include <functional>

namespace kopru {

// What an import did or, in a dry run, would do. For teachers, partners,
// sessions and competencies a "row" is a row of the file; for needs it is
// one rating (teacher × competency). Skipped rows hold exactly what the
// database already has.
struct ImportReport
{
    ImportKind kind = ImportKind::Teachers;
    QString file;
    bool dryRun = false;
    bool committed = false;
    bool cancelled = false;
    int inserted = 0;
    int updated = 0;
    int skipped = 0;
    // Each refusal refuses the whole file. A file of junk can hold millions:
    // `errors` keeps the first kMaxErrors (in file order), errorCount counts
    // them all.
    static constexpr int kMaxErrors = 1000;
    QList<Error> errors;
    int errorCount = 0;
    QList<Error> notices; // informative (ignored columns, …)
    // The file's header: errors name their column by its text (columnName).
    QStringList header;

    void refuse(Error error)
    {
        if (errors.size() < kMaxErrors)
            errors << std::move(error);
        ++errorCount;
    }
    bool ok() const { return errorCount == 0 && !cancelled; }
    // The header text of the error's column as in the file ("İl"), or its
    // number when the header has no text there; empty when no column is known.
    QString columnName(const Error &error) const;
    // "file:line:column: İl: reason" (the column's header after the position).
    QString describe(const Error &error) const;
    // Errors and notices in line, then column order (stable).
    void sort();
    // One translated line: "teachers: 3 inserted, 1 updated, 0 skipped".
    QString summary() const;
};

// How to run an import.
struct ImportOptions
{
    bool dryRun = false;
    // Column index → target, replacing the automatic mapping (see ColumnMapping).
    QHash<int, QString> overrides;
    // Needs: the survey's own answer labels (docs/import.md, "Need levels").
    ScaleMapping scale;
    // Needs: the survey round the file answers, 1 (the needs survey) or 2
    // (after the training); 0 = not chosen: each row's round column, else 1.
    // A round column that says otherwise than a chosen round is refused.
    int round = 0;
    // Called while writing with (done, total); return false to cancel (the
    // transaction is rolled back). May be called from a worker thread.
    std::function<bool(int done, int total)> progress;
    // Called once when everything is written in the import's transaction,
    // right before it commits (not for dry runs, refused files or failed
    // writes); an error rolls the transaction back: nothing changed. kopru-cli
    // waits here for the backup it started in parallel with the validation
    // and the writing (the backup reads the last committed state: the state
    // before the import, docs/data-safety.md).
    std::function<Status()> beforeCommit;
};

} // namespace kopru
