// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace kopru {

// What a file holds.
enum class ImportKind { Teachers, Partners, Sessions, Competencies, Needs, Attendance, Evaluations };

// A column the importer understands, with the header spellings it recognises
// (compared with TurkishText::looseKey: case, diacritics, spaces and
// punctuation ignored).
struct ImportTarget
{
    const char *key; // stable: "national_id", "province", …
    const char *title; // English source text, translated with context "ImportTarget"
    bool required;
    std::vector<const char *> aliases; // loose keys
};

namespace ImportKinds {

// "teachers", "partners", "sessions", "competencies", "needs", "attendance",
// "evaluations".
QString name(ImportKind kind);
bool fromName(const QString &name, ImportKind *kind);
// Translated plural noun ("Teachers").
QString title(ImportKind kind);
const std::vector<ImportKind> &all();

// The columns of a kind, in the order the exporter writes them.
const std::vector<ImportTarget> &targets(ImportKind kind);
const ImportTarget *target(ImportKind kind, const QString &key);
// Translated column title.
QString targetTitle(const ImportTarget &target);

} // namespace ImportKinds
} // namespace kopru
