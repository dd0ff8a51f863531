// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvreader.h"

#include <QCoreApplication>

#include <array>

namespace kopru {

namespace {

// Splits `text` into records; calls `record(line, cells)` for each one and
// stops early when it returns false. Returns an Error for malformed input.
// Unquoted cells (nearly all of a survey) are copied out of `text` in one
// piece; quoted ones in runs between quotes and line breaks.
template<typename Sink>
Status split(const QString &text, QChar delimiter, const QString &fileName, Sink record)
{
    const QChar *p = text.constData();
    const QChar *const end = p + text.size();
    const char16_t sep = delimiter.unicode();
    int line = 1;
    int recordLine = 1;
    QStringList cells;
    QString cell;
    std::array<QString, 128> oneCharacter;
    bool anyContent = false; // the record has something (even an empty quoted field)

    auto finishCell = [&] {
        cells.append(cell);
        cell.clear();
    };
    auto finishRecord = [&]() -> bool {
        finishCell();
        bool keep = anyContent || cells.size() > 1 || !cells.first().isEmpty();
        bool more = true;
        if (keep)
            more = record(recordLine, cells);
        cells.clear();
        anyContent = false;
        return more;
    };

    while (p < end) {
        const char16_t c = p->unicode();
        if (c == u'"' && cell.isEmpty()) {
            // Quoted field.
            const int startLine = line;
            const int startColumn = int(cells.size()) + 1;
            ++p;
            bool closed = false;
            while (p < end) {
                // The run up to the next quote or line break, as it is.
                const QChar *run = p;
                while (p < end && p->unicode() != u'"' && p->unicode() != u'\r' && p->unicode() != u'\n')
                    ++p;
                if (p != run)
                    cell.append(run, p - run);
                if (p == end)
                    break;
                const char16_t q = p->unicode();
                if (q == u'"') {
                    if (p + 1 < end && p[1].unicode() == u'"') {
                        cell += QLatin1Char('"');
                        p += 2;
                        continue;
                    }
                    ++p;
                    closed = true;
                    break;
                }
                // CRLF and lone CR inside quotes become LF.
                cell += QLatin1Char('\n');
                ++line;
                ++p;
                if (q == u'\r' && p < end && p->unicode() == u'\n')
                    ++p;
            }
            if (!closed)
                return Error{QCoreApplication::translate("CsvReader", "a quoted field starts here and never ends (a missing closing \")"),
                             fileName, startLine, startColumn};
            anyContent = true;
            if (p < end) {
                const char16_t n = p->unicode();
                if (n != sep && n != u'\n' && n != u'\r')
                    return Error{QCoreApplication::translate("CsvReader", "unexpected text after a closing quote"), fileName,
                                 recordLine, int(cells.size()) + 1};
            }
            continue;
        }
        if (c == sep) {
            finishCell();
            anyContent = true;
            ++p;
            continue;
        }
        if (c == u'\r' || c == u'\n') {
            ++p;
            if (c == u'\r' && p < end && p->unicode() == u'\n')
                ++p;
            ++line;
            if (!finishRecord())
                return {};
            recordLine = line;
            continue;
        }
        // Unquoted text up to the next separator or line break; a quote in
        // it is an ordinary character.
        const QChar *run = p;
        while (p < end && p->unicode() != sep && p->unicode() != u'\r' && p->unicode() != u'\n')
            ++p;
        if (!cell.isEmpty()) {
            cell.append(run, p - run);
        } else if (p - run == 1 && run->unicode() < 128) {
            // One ASCII character (a survey answer "1".."5"): one shared
            // string per character instead of an allocation per cell.
            QString &shared = oneCharacter[run->unicode()];
            if (shared.isNull())
                shared = QString(*run);
            cell = shared;
        } else {
            cell = QString(run, p - run);
        }
    }
    if (!cell.isEmpty() || !cells.isEmpty() || anyContent)
        finishRecord();
    return {};
}

} // namespace

QChar CsvReader::detectDelimiter(const QString &text)
{
    const std::array<QChar, 3> candidates{QLatin1Char(';'), QLatin1Char(','), QLatin1Char('\t')};
    // Look at the first records only: enough to decide, cheap on big files.
    const QString sample = text.left(64 * 1024);
    int bestScore = -1;
    QChar best = candidates[0];
    for (QChar d : candidates) {
        std::vector<int> widths;
        (void)split(sample, d, QString(), [&](int, const QStringList &cells) {
            widths.push_back(int(cells.size()));
            return widths.size() < 30;
        });
        if (widths.size() > 1 && sample.size() == 64 * 1024)
            widths.pop_back(); // the last record may be cut by the sample
        if (widths.empty() || widths.front() < 2)
            continue;
        int consistent = 0;
        for (int w : widths)
            consistent += w == widths.front() ? 1 : 0;
        // Consistency first, then more columns.
        const int score = consistent * 1000 + std::min(widths.front(), 999);
        if (score > bestScore) {
            bestScore = score;
            best = d;
        }
    }
    return best;
}

Expected<SourceTable> CsvReader::parse(const QString &text, QChar delimiter, const QString &fileName)
{
    SourceTable table;
    table.file = fileName;
    bool header = true;
    const Status s = split(text, delimiter, fileName, [&](int line, const QStringList &cells) {
        if (header) {
            table.headerLine = line;
            table.header = cells;
            header = false;
        } else {
            table.rows.push_back(SourceRow{line, cells});
        }
        return true;
    });
    if (!s)
        return s.error();
    return table;
}

Expected<CsvReader::Result> CsvReader::read(const QByteArray &bytes, const Options &options)
{
    Result result;
    result.encoding = options.encoding == Encoding::Auto ? TextEncoding::detect(bytes) : options.encoding;
    QString text = TextEncoding::decode(bytes, result.encoding);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1); // a UTF-8 BOM read with an explicitly chosen encoding
    result.delimiter = options.delimiter.isNull() ? detectDelimiter(text) : options.delimiter;
    auto table = parse(text, result.delimiter, options.fileName);
    if (!table)
        return table.error();
    result.table = std::move(table.value());
    return result;
}

} // namespace kopru
