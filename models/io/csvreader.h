// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/io/sourcetable.h"
#include "models/io/textencoding.h"

#include <QByteArray>

class QIODevice;

namespace kopru {

// Reads CSV per RFC 4180, leniently where real files differ: quoted fields,
// doubled quotes, line breaks inside quotes, CRLF/LF/CR line ends, a BOM,
// a last line without a line end, records of different lengths. A quote in
// the middle of an unquoted field is kept as a character. Refused with
// file:line:column: a quoted field that never ends, text after a closing
// quote, a cell with control characters or bytes invalid in the encoding,
// and anything beyond InputLimits (record length, cell length, columns,
// rows, cells). Records that are completely empty are dropped.
//
// A file is read in pieces (streamed): the bytes are never all in memory,
// only the table that is being built.
class CsvReader
{
public:
    struct Options
    {
        Encoding encoding = Encoding::Auto;
        QChar delimiter; // null: detect among ';' ',' tab
        QString fileName; // used in messages and SourceTable::file
    };
    struct Result
    {
        SourceTable table;
        Encoding encoding = Encoding::Utf8; // the encoding used
        QChar delimiter; // the separator used
    };

    // Reads from the start of a seekable device (a QFile, a QBuffer); with
    // Encoding::Auto and no byte-order mark the device is read twice (see
    // TextEncoding::Utf8Census).
    static Expected<Result> read(QIODevice &device, const Options &options);
    static Expected<Result> read(const QByteArray &bytes, const Options &options);
    // Parses already-decoded text with a known delimiter.
    static Expected<SourceTable> parse(const QString &text, QChar delimiter, const QString &fileName);
    // The separator among ';' ',' tab that splits the first records most
    // consistently into more than one field (';' when nothing fits).
    static QChar detectDelimiter(const QString &text);
};

} // namespace kopru
