// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/io/csvreader.h"
#include "models/io/sourcetable.h"

namespace kopru {

// Reads a table from a .csv/.txt or .xlsx file (recognised by its content:
// a zip archive is read as a workbook). Errors without a line mean the file
// could not be read at all; errors with a line are malformed content.
class TableReader
{
public:
    struct Options
    {
        Encoding encoding = Encoding::Auto; // CSV only
        QChar delimiter; // CSV only; null = detect
        QString sheet; // XLSX only; empty = first sheet
    };
    struct Result
    {
        SourceTable table;
        bool workbook = false;
        Encoding encoding = Encoding::Utf8; // CSV: what was used
        QChar delimiter; // CSV: what was used
        QStringList sheets; // XLSX: all sheet names
    };

    static Expected<Result> read(const QString &path, const Options &options);
    static Expected<Result> readBytes(const QByteArray &bytes, const QString &displayName, const Options &options);
    // Parses "auto", ",", ";", "tab" (also "\t", "comma", "semicolon"); false when unknown.
    static bool delimiterFromName(const QString &name, QChar *delimiter);
    static QString delimiterName(QChar delimiter);
};

} // namespace kopru
