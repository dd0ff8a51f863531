// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/import/columnmapping.h"
#include "models/import/importkind.h"
#include "models/import/scalemapping.h"
#include "models/io/tablereader.h"

#include <QHash>
#include <QString>

namespace kopru {

class Database;

// What the pages of the import wizard decide together.
struct ImportSetup
{
    Database *db = nullptr;
    ImportKind kind = ImportKind::Teachers;
    QString file;
    TableReader::Options read;
    TableReader::Result preview; // the file as last read with `read`
    bool readOk = false;
    QString readError;
    ColumnMapping mapping; // chosen on the mapping page
    QList<ScaleLabel> labels; // needs: the answer labels of the mapped columns
    ScaleMapping scale; // needs: chosen on the scale page (empty when not shown)
    int round = 1; // needs: the survey round of the file (1 or 2), chosen on the file page
    bool committed = false;

    // Re-reads the file with the current options.
    void reload();
    // Every column's target as overrides for the importer.
    QHash<int, QString> overrides() const;
    // Whether the file has answer labels the parser does not know.
    bool needsScale() const { return kind == ImportKind::Needs && ScaleLabels::anyUnknown(labels); }
};

// Remembered column choices per kind (QSettings): header → target.
namespace RememberedMapping {
QString target(ImportKind kind, const QString &header, bool *known);
void store(ImportKind kind, const QString &header, const QString &target);
} // namespace RememberedMapping

// The survey round last chosen for a needs file (QSettings), 1 or 2.
namespace RememberedRound {
int round();
void store(int round);
} // namespace RememberedRound

// Remembered label assignments (QSettings), keyed by the set of labels (in
// any order, case and spacing folded as ScaleMapping matches them).
namespace RememberedScale {
ScaleMapping mapping(const QList<ScaleLabel> &labels);
void store(const QList<ScaleLabel> &labels, const ScaleMapping &mapping);
} // namespace RememberedScale

} // namespace kopru
