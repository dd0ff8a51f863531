// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/io/csvreader.h"

#include "models/io/inputlimits.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QLocale>
#include <QStringDecoder>
#include <array>
#include <functional>
#include <memory>
#include <optional>

namespace kopru {

namespace {

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)
};

constexpr qint64 kPieceBytes = 1 << 20;

// Splits text that arrives in pieces into records. Unquoted cells (nearly all
// of a survey) are copied out of the text in one piece; quoted ones in runs
// between quotes and line breaks.
class Splitter
{
public:
    Splitter(QChar delimiter, QString fileName)
        : m_sep(delimiter.unicode())
        , m_file(std::move(fileName))
    { }

    // Splits the complete records at the start of `text` and calls
    // record(line, cells) for each one (false stops). Returns how many
    // characters it consumed; the rest is the start of a record that goes on
    // in the next piece (pass it again in front of that piece). With `last`
    // everything is consumed.
    template <typename Sink> Expected<qsizetype> split(QStringView text, bool last, Sink record)
    {
        const QChar *const begin = text.data();
        const QChar *p = begin;
        const QChar *const end = begin + text.size();
        const QChar *recordStart = p;
        int line = m_line;
        int recordLine = line;
        QStringList cells;
        QString cell;
        bool anyContent = false; // the record has something (even an empty quoted field)
        int quoteLine = 0, quoteColumn = 0; // where an open quoted field started

        auto finishCell = [&]() -> Status {
            const int column = int(cells.size()) + 1;
            if (column > InputLimits::kMaxColumns)
                return Error { Text::tr("more than %1 columns").arg(InputLimits::kMaxColumns), m_file, recordLine, column };
            if (const auto problem = InputLimits::cellProblem(cell))
                return Error { *problem, m_file, recordLine, column };
            cells.append(cell);
            cell.clear();
            return {};
        };
        // Ends the record at `p`; false when the sink wants no more.
        auto finishRecord = [&]() -> Expected<bool> {
            if (p - recordStart > InputLimits::kMaxRecordChars)
                return Error { tooLong(), m_file, recordLine, 1 };
            if (Status s = finishCell(); !s)
                return s.error();
            const bool keep = anyContent || cells.size() > 1 || !cells.first().isEmpty();
            bool more = true;
            if (keep)
                more = record(recordLine, cells);
            cells.clear();
            anyContent = false;
            recordStart = p;
            recordLine = line;
            m_line = line;
            return more;
        };

        while (p < end) {
            const char16_t c = p->unicode();
            if (c == u'"' && cell.isEmpty()) {
                // Quoted field.
                quoteLine = line;
                quoteColumn = int(cells.size()) + 1;
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
                if (!closed || (p == end && !last))
                    break; // the field (or what follows it) goes on in the next piece
                quoteLine = 0;
                anyContent = true;
                if (p < end) {
                    const char16_t n = p->unicode();
                    if (n != m_sep && n != u'\n' && n != u'\r')
                        return Error { Text::tr("unexpected text after a closing quote"), m_file, recordLine,
                            int(cells.size()) + 1 };
                }
                continue;
            }
            if (c == m_sep) {
                if (Status s = finishCell(); !s)
                    return s.error();
                anyContent = true;
                ++p;
                continue;
            }
            if (c == u'\r' || c == u'\n') {
                if (c == u'\r' && p + 1 == end && !last)
                    break; // maybe CR LF across the pieces
                ++p;
                if (c == u'\r' && p < end && p->unicode() == u'\n')
                    ++p;
                ++line;
                auto more = finishRecord();
                if (!more)
                    return more.error();
                if (!more.value())
                    return qsizetype(p - begin);
                continue;
            }
            // Unquoted text up to the next separator or line break; a quote in
            // it is an ordinary character.
            const QChar *run = p;
            while (p < end && p->unicode() != m_sep && p->unicode() != u'\r' && p->unicode() != u'\n')
                ++p;
            if (!cell.isEmpty()) {
                cell.append(run, p - run);
            } else if (p - run == 1 && run->unicode() < 128) {
                // One ASCII character (a survey answer "1".."5"): one shared
                // string per character instead of an allocation per cell.
                QString &shared = m_oneCharacter[run->unicode()];
                if (shared.isNull())
                    shared = QString(*run);
                cell = shared;
            } else {
                cell = QString(run, p - run);
            }
        }
        if (!last) {
            // The record in progress goes on in the next piece.
            if (end - recordStart > InputLimits::kMaxRecordChars)
                return quoteLine > 0 ? Error { neverEnds(), m_file, quoteLine, quoteColumn }
                                     : Error { tooLong(), m_file, recordLine, 1 };
            return qsizetype(recordStart - begin);
        }
        if (quoteLine > 0)
            return Error { neverEnds(), m_file, quoteLine, quoteColumn };
        if (!cell.isEmpty() || !cells.isEmpty() || anyContent) {
            auto more = finishRecord();
            if (!more)
                return more.error();
        }
        return qsizetype(end - begin);
    }

private:
    static QString neverEnds() { return Text::tr("a quoted field starts here and never ends (a missing closing \")"); }
    static QString tooLong()
    {
        return Text::tr("the line is longer than %1 characters: this is not a table of Köprü's (or its lines are broken)")
            .arg(QLocale().toString(InputLimits::kMaxRecordChars));
    }

    char16_t m_sep;
    QString m_file;
    int m_line = 1;
    std::array<QString, 128> m_oneCharacter;
};

// Decodes a file piece by piece. UTF-8 pieces are cut at sequence
// boundaries, so that a letter split between two pieces is decoded whole;
// invalid bytes become U+FFFD, which the reader then refuses at their cell.
class PieceDecoder
{
public:
    explicit PieceDecoder(Encoding encoding)
        : m_encoding(encoding)
    {
        switch (encoding) {
        case Encoding::Utf8:
            m_decoder = std::make_unique<QStringDecoder>(
                QStringConverter::Utf8, QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom);
            break;
        case Encoding::Utf16LE:
            m_decoder = std::make_unique<QStringDecoder>(QStringConverter::Utf16LE);
            break;
        case Encoding::Utf16BE:
            m_decoder = std::make_unique<QStringDecoder>(QStringConverter::Utf16BE);
            break;
        case Encoding::Windows1254:
        case Encoding::Iso8859_9:
        case Encoding::Auto:
            break;
        }
    }

    QString decode(QByteArray piece, bool last)
    {
        if (m_first) {
            m_first = false;
            // The byte-order mark of the chosen encoding is not text.
            if (m_encoding == Encoding::Utf8 && piece.startsWith("\xEF\xBB\xBF"))
                piece.remove(0, 3);
        }
        switch (m_encoding) {
        case Encoding::Utf8: {
            piece.prepend(m_carry);
            m_carry.clear();
            if (!last) {
                // Keep a sequence cut by the end of the piece for the next one.
                qsizetype cut = piece.size();
                for (qsizetype back = 1; back <= 3 && back <= piece.size(); ++back) {
                    const auto b = static_cast<unsigned char>(piece.at(piece.size() - back));
                    if (b < 0x80 || b >= 0xC0) {
                        const int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                        if (need > back)
                            cut = piece.size() - back;
                        break;
                    }
                }
                m_carry = piece.mid(cut);
                piece.truncate(cut);
            }
            return m_decoder->decode(piece);
        }
        case Encoding::Utf16LE:
        case Encoding::Utf16BE:
            return m_decoder->decode(piece);
        case Encoding::Iso8859_9:
            return TextEncoding::decodeIso8859_9(piece);
        case Encoding::Windows1254:
        case Encoding::Auto:
            break;
        }
        return TextEncoding::decodeWindows1254(piece);
    }

private:
    Encoding m_encoding;
    std::unique_ptr<QStringDecoder> m_decoder;
    QByteArray m_carry;
    bool m_first = true;
};

Error readError(QIODevice &device, const QString &fileName)
{
    return Error { Text::tr("cannot read the file: %1").arg(device.errorString()), fileName, 0, 0 };
}

// The table a file's records make: the first record is the header. Refuses
// tables beyond InputLimits.
struct TableBuilder
{
    SourceTable &table;
    std::optional<Error> error;
    qint64 cells = 0;
    bool header = true;

    bool operator()(int line, const QStringList &record)
    {
        if (header) {
            table.headerLine = line;
            table.header = record;
            header = false;
            return true;
        }
        cells += record.size();
        if (table.rows.size() >= std::size_t(InputLimits::kMaxRows) || cells > InputLimits::kMaxCells) {
            error = Error { Text::tr("the table is too large (more than %1 rows or %2 cells): split it into smaller files")
                                .arg(QLocale().toString(InputLimits::kMaxRows), QLocale().toString(InputLimits::kMaxCells)),
                table.file, line, 1 };
            return false;
        }
        table.rows.emplace_back(line, record);
        return true;
    }
};

} // namespace

QChar CsvReader::detectDelimiter(const QString &text)
{
    const std::array<QChar, 3> candidates { QLatin1Char(';'), QLatin1Char(','), QLatin1Char('\t') };
    // Look at the first records only: enough to decide, cheap on big files.
    const QString sample = text.left(64 * 1024);
    int bestScore = -1;
    QChar best = candidates[0];
    for (QChar d : candidates) {
        std::vector<int> widths;
        Splitter splitter(d, QString());
        (void)splitter.split(sample, sample.size() < 64 * 1024, [&](int, const QStringList &cells) {
            widths.push_back(int(cells.size()));
            return widths.size() < 30;
        });
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
    TableBuilder builder { table, {}, 0, true };
    Splitter splitter(delimiter, fileName);
    auto consumed = splitter.split(text, true, std::ref(builder));
    if (!consumed)
        return consumed.error();
    if (builder.error)
        return *builder.error;
    return table;
}

Expected<CsvReader::Result> CsvReader::read(QIODevice &device, const Options &options)
{
    Result result;
    if (!device.isOpen() && !device.open(QIODevice::ReadOnly))
        return readError(device, options.fileName);
    if (!device.seek(0))
        return readError(device, options.fileName);
    const QByteArray head = device.peek(4);
    if (head.startsWith("\xEF\xBB\xBF"))
        result.encoding = Encoding::Utf8;
    else if (head.startsWith("\xFF\xFE"))
        result.encoding = Encoding::Utf16LE;
    else if (head.startsWith("\xFE\xFF"))
        result.encoding = Encoding::Utf16BE;
    else
        result.encoding = Encoding::Auto;
    if (options.encoding != Encoding::Auto) {
        result.encoding = options.encoding;
    } else if (result.encoding == Encoding::Auto) {
        // No byte-order mark: one pass over the bytes tells UTF-8 from Windows-1254.
        TextEncoding::Utf8Census census;
        while (!device.atEnd()) {
            const QByteArray piece = device.read(kPieceBytes);
            if (piece.isEmpty())
                return readError(device, options.fileName);
            census.add(piece.constData(), piece.size());
        }
        census.finish();
        result.encoding = census.verdict();
        if (!device.seek(0))
            return readError(device, options.fileName);
    }

    PieceDecoder decoder(result.encoding);
    SourceTable &table = result.table;
    table.file = options.fileName;
    TableBuilder builder { table, {}, 0, true };
    std::optional<Splitter> splitter;
    QString pending;
    bool stopped = false;
    do {
        const QByteArray piece = device.read(kPieceBytes);
        if (piece.isEmpty() && !device.atEnd())
            return readError(device, options.fileName);
        const bool last = device.atEnd();
        pending += decoder.decode(piece, last);
        if (!splitter) {
            if (pending.startsWith(QChar(0xFEFF)))
                pending.remove(0, 1); // a UTF-8 BOM read with an explicitly chosen encoding
            result.delimiter = options.delimiter.isNull() ? detectDelimiter(pending) : options.delimiter;
            splitter.emplace(result.delimiter, options.fileName);
        }
        auto consumed = splitter->split(pending, last, std::ref(builder));
        if (!consumed)
            return consumed.error();
        if (builder.error)
            return *builder.error;
        pending.remove(0, consumed.value());
        stopped = last;
    } while (!stopped);
    return result;
}

Expected<CsvReader::Result> CsvReader::read(const QByteArray &bytes, const Options &options)
{
    QByteArray copy = bytes; // shared, not copied
    QBuffer buffer(&copy);
    if (!buffer.open(QIODevice::ReadOnly))
        return readError(buffer, options.fileName);
    return read(buffer, options);
}

} // namespace kopru
