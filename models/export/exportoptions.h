// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

namespace kopru::exporting {

// What is exported (the positional word of `kopru-cli export`).
enum class Kind { Plan, Schedule, Needs, Unplaced };
// The file format (`--format`).
enum class Format { Csv, Xlsx, Pdf, Ics };

// Which part of the data goes into the file; 0 / empty = no restriction.
struct ExportScope
{
    QString fieldCode; // pilot field code, case-insensitive
    int centreId = 0;
    int partnerId = 0;
};

struct ExportRequest
{
    Kind kind = Kind::Plan;
    Format format = Format::Csv;
    ExportScope scope;
    bool anonymize = false;
    QString outPath;
};

std::optional<Kind> kindFromName(const QString &name);
std::optional<Format> formatFromName(const QString &name);
QString kindName(Kind kind); // "plan", "schedule", "needs"
QString formatName(Format format); // "csv", "xlsx", "pdf", "ics"
// File name suffix without the dot.
QString formatSuffix(Format format);

// Whether `kind` can be written as `format` (needs has no calendar form).
bool isSupported(Kind kind, Format format);

} // namespace kopru::exporting
