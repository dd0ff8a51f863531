// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "io/sourcetable.h"
#include "io/textencoding.h"

#include <QByteArray>

namespace kopru {

// Reads CSV per RFC 4180, leniently where real files differ: quoted fields,
// doubled quotes, line breaks inside quotes, CRLF/LF/CR line ends, a BOM,
// a last line without a line end, records of different lengths. A quote in
// the middle of an unquoted field is kept as a character. Refused with
// file:line:column: a quoted field that never ends, and text after a closing
// quote. Records that are completely empty are dropped.
class CsvReader
{
public:
    struct Options
    {
        Encoding encoding = Encoding::Auto;
        QChar delimiter;        // null: detect among ';' ',' tab
        QString fileName;       // used in messages and SourceTable::file
    };
    struct Result
    {
        SourceTable table;
        Encoding encoding = Encoding::Utf8; // the encoding used
        QChar delimiter;                    // the separator used
    };

    static Expected<Result> read(const QByteArray &bytes, const Options &options);
    // Parses already-decoded text with a known delimiter.
    static Expected<SourceTable> parse(const QString &text, QChar delimiter, const QString &fileName);
    // The separator among ';' ',' tab that splits the first records most
    // consistently into more than one field (';' when nothing fits).
    static QChar detectDelimiter(const QString &text);
};

} // namespace kopru
