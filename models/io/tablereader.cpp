// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/io/tablereader.h"

#include "models/io/inputlimits.h"
#include "models/io/xlsxreader.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>

namespace kopru {

namespace {

// Reads CSV from `device` (a file, streamed; or bytes in memory).
Expected<TableReader::Result> readCsv(QIODevice &device, const QString &displayName, const TableReader::Options &options)
{
    CsvReader::Options csv;
    csv.encoding = options.encoding;
    csv.delimiter = options.delimiter;
    csv.fileName = displayName;
    auto read = CsvReader::read(device, csv);
    if (!read)
        return read.error();
    TableReader::Result result;
    result.table = std::move(read.value().table);
    result.encoding = read.value().encoding;
    result.delimiter = read.value().delimiter;
    return result;
}

// The result of reading a workbook's sheet.
Expected<TableReader::Result> workbook(Expected<SourceTable> table, QStringList sheets)
{
    if (!table)
        return table.error();
    TableReader::Result result;
    result.workbook = true;
    result.table = std::move(table.value());
    result.sheets = std::move(sheets);
    return result;
}

} // namespace

Expected<TableReader::Result> TableReader::readBytes(const QByteArray &bytes, const QString &displayName, const Options &options)
{
    if (bytes.size() > InputLimits::kMaxFileBytes)
        return Error { QCoreApplication::translate("TableReader", "the file is too large: split it into smaller files"),
            displayName, 0, 0 };
    if (bytes.startsWith("PK\x03\x04")) {
        QStringList sheets;
        auto table = XlsxReader::readBytes(bytes, options.sheet, displayName, &sheets);
        return workbook(std::move(table), sheets);
    }
    QByteArray shared = bytes;
    QBuffer buffer(&shared);
    return readCsv(buffer, displayName, options);
}

Expected<TableReader::Result> TableReader::read(const QString &path, const Options &options)
{
    // A pipe, a device (/dev/zero) or a huge file is refused before reading.
    if (Status s = InputLimits::checkFile(path); !s)
        return s.error();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error { QCoreApplication::translate("TableReader", "cannot open the file: %1").arg(f.errorString()), path, 0, 0 };
    if (f.peek(4) == QByteArrayLiteral("PK\x03\x04")) {
        f.close();
        QStringList sheets;
        auto table = XlsxReader::read(path, options.sheet, path, &sheets); // streamed from the file
        return workbook(std::move(table), sheets);
    }
    return readCsv(f, path, options); // streamed: never the whole file in memory
}

bool TableReader::delimiterFromName(const QString &name, QChar *delimiter)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("auto") || n.isEmpty())
        *delimiter = QChar();
    else if (n == QLatin1String(",") || n == QLatin1String("comma"))
        *delimiter = QLatin1Char(',');
    else if (n == QLatin1String(";") || n == QLatin1String("semicolon"))
        *delimiter = QLatin1Char(';');
    else if (n == QLatin1String("tab") || n == QLatin1String("\\t") || name == QLatin1String("\t"))
        *delimiter = QLatin1Char('\t');
    else
        return false;
    return true;
}

QString TableReader::delimiterName(QChar delimiter)
{
    if (delimiter.isNull())
        return QStringLiteral("auto");
    if (delimiter == QLatin1Char('\t'))
        return QStringLiteral("tab");
    return QString(delimiter);
}

} // namespace kopru
