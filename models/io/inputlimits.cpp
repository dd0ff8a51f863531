// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/io/inputlimits.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

namespace kopru::InputLimits {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(InputLimits)
};

} // namespace

Status checkFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error { Text::tr("the file does not exist"), path, 0, 0 };
    if (info.isDir())
        return Error { Text::tr("this is a folder, not a file"), path, 0, 0 };
    if (!info.isFile())
        return Error { Text::tr(
                           "this is not a regular file (a pipe, a device or a socket); save the table as a .csv or .xlsx file"),
            path, 0, 0 };
    if (!info.isReadable())
        return Error { Text::tr("the file cannot be read (no permission)"), path, 0, 0 };
    if (info.size() > kMaxFileBytes)
        return Error { Text::tr("the file is too large (%1; Köprü reads tables of up to %2): split it into smaller files")
                           .arg(QLocale().formattedDataSize(info.size(), 1), QLocale().formattedDataSize(kMaxFileBytes, 0)),
            path, 0, 0 };
    return {};
}

std::optional<QString> cellProblem(QStringView cell)
{
    if (cell.size() > kMaxCellChars)
        return Text::tr("the cell holds %1 characters; a cell may hold at most %2").arg(cell.size()).arg(kMaxCellChars);
    for (const QChar ch : cell) {
        const char16_t c = ch.unicode();
        if (c >= 0x20 && c < 0x7F)
            continue; // printable ASCII, nearly everything
        if (c == u'\t' || c == u'\n' || c == u'\r')
            continue;
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
            return Text::tr("the cell holds the control character U+%1, which no name or value contains (is the file damaged?)")
                .arg(QStringLiteral("%1").arg(int(c), 4, 16, QLatin1Char('0')).toUpper());
        if (c == 0xFFFD)
            return Text::tr("the cell holds bytes that are not valid in the file's encoding: the file mixes encodings; "
                            "save it again as UTF-8, or choose the encoding it was written in");
    }
    return std::nullopt;
}

} // namespace kopru::InputLimits
