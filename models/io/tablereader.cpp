// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/tablereader.h"

#include "io/xlsxreader.h"

#include <QCoreApplication>
#include <QFile>

namespace kopru {

Expected<TableReader::Result> TableReader::readBytes(const QByteArray &bytes, const QString &displayName, const Options &options)
{
    Result result;
    if (bytes.startsWith("PK\x03\x04")) {
        result.workbook = true;
        auto table = XlsxReader::readBytes(bytes, options.sheet, displayName);
        if (!table)
            return table.error();
        result.table = std::move(table.value());
        if (auto sheets = XlsxReader::sheetNamesBytes(bytes, displayName))
            result.sheets = sheets.value();
        return result;
    }
    CsvReader::Options csv;
    csv.encoding = options.encoding;
    csv.delimiter = options.delimiter;
    csv.fileName = displayName;
    auto read = CsvReader::read(bytes, csv);
    if (!read)
        return read.error();
    result.table = std::move(read.value().table);
    result.encoding = read.value().encoding;
    result.delimiter = read.value().delimiter;
    return result;
}

Expected<TableReader::Result> TableReader::read(const QString &path, const Options &options)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QCoreApplication::translate("TableReader", "cannot open the file: %1").arg(f.errorString()), path, 0, 0};
    const QByteArray bytes = f.readAll();
    return readBytes(bytes, path, options);
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
