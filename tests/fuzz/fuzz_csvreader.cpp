// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes through encoding detection, separator
// detection and the CSV parser must give a table or an Error, never a crash.
#include "models/io/csvreader.h"

#include <QByteArray>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), int(size));
    kopru::CsvReader::Options options;
    options.fileName = QStringLiteral("fuzz.csv");
    auto result = kopru::CsvReader::read(bytes, options);
    if (result) {
        // Positions must be sane: lines ascend, every row has a line.
        int last = result->table.headerLine;
        for (const kopru::SourceRow &row : result->table.rows) {
            if (row.line <= last)
                __builtin_trap();
            last = row.line;
        }
    } else if (result.error().line < 1 || result.error().column < 1) {
        __builtin_trap(); // malformed CSV is always reported with a position
    }
    // The other encodings too.
    for (kopru::Encoding e : { kopru::Encoding::Windows1254, kopru::Encoding::Iso8859_9, kopru::Encoding::Utf16LE }) {
        options.encoding = e;
        (void)kopru::CsvReader::read(bytes, options);
    }
    return 0;
}
