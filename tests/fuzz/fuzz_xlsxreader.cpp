// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes as an .xlsx workbook (zip + XML parts) must
// give a table or an Error, never a crash or a hang. Seed the corpus with
// tests/data/import/*.xlsx.
#include "models/io/xlsxreader.h"

#include <QByteArray>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), int(size));
    auto sheets = kopru::XlsxReader::sheetNamesBytes(bytes, QStringLiteral("fuzz.xlsx"));
    if (sheets)
        for (const QString &sheet : sheets.value())
            (void)kopru::XlsxReader::readBytes(bytes, sheet, QStringLiteral("fuzz.xlsx"));
    (void)kopru::XlsxReader::readBytes(bytes, {}, QStringLiteral("fuzz.xlsx"));
    return 0;
}
