// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/io/sourcetable.h"

#include <QStringList>

namespace kopru {

// Reads the cell values of an .xlsx workbook (Office Open XML) with the
// system minizip (io/zipreader.h) and QXmlStreamReader: shared strings (rich
// text runs joined), inline strings, formula results, booleans, numbers and
// dates.
// Numbers come back as text the way a person would type them: whole numbers
// without exponent or decimals (1.0000000146E10 → "10000000146"), others with
// up to 15 significant digits. Cells with a date format become ISO dates
// ("2027-06-14", with " hh:mm:ss" when there is a time), counting serials
// from 1899-12-30 with Excel's phantom 1900-02-29 (serial 60) respected, or
// from 1904-01-01 in 1904-based workbooks. Text cells are never converted,
// so national IDs and phones typed as text keep their leading zeros.
class XlsxReader
{
public:
    // The sheet names in workbook order. Errors name the file.
    static Expected<QStringList> sheetNames(const QString &path);
    static Expected<QStringList> sheetNamesBytes(const QByteArray &bytes, const QString &displayName);
    // Reads one sheet (empty name: the first). `displayName` is used in
    // messages (default: the path); `sheetNames` (optional) receives all
    // sheet names. The file is read through QFile and its sheet parsed while
    // it is unpacked, never loaded whole.
    static Expected<SourceTable> read(
        const QString &path, const QString &sheet = {}, const QString &displayName = {}, QStringList *sheetNames = nullptr);
    // Same, from bytes in memory (used by the fuzz target and tests).
    static Expected<SourceTable> readBytes(
        const QByteArray &bytes, const QString &sheet, const QString &displayName, QStringList *sheetNames = nullptr);

    // Excel serial day number → ISO date text (empty when out of range).
    static QString serialToIso(double serial, bool base1904);
    // A number as a person would type it (see above).
    static QString numberText(double value);
    // Whether a number format code shows a date or time.
    static bool isDateFormat(int numFmtId, const QString &formatCode);
};

} // namespace kopru
