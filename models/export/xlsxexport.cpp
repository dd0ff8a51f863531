// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/export/xlsxexport.h"

#include "models/io/privatefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <cmath>
#include <xlsxwriter.h>

namespace kopru::exporting {

namespace {

constexpr int kMaxSheetName = 31; // Excel's limit (libxlsxwriter: LXW_SHEETNAME_MAX)
constexpr int kMaxCellText = 32767; // Excel's limit per cell (libxlsxwriter refuses longer strings)
constexpr quint32 kHeaderFill = 0xDDE4EE;

// Messages of this file; lupdate records them under the macro's context.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Export)
};

// A prefix of `text` at most `n` UTF-16 units long that does not split a
// surrogate pair (so it is also at most `n` characters for libxlsxwriter,
// which counts code points).
QString leftChars(const QString &text, qsizetype n)
{
    if (text.size() <= n)
        return text;
    if (n > 0 && text.at(n - 1).isHighSurrogate())
        --n;
    return text.left(n);
}

// Characters XML 1.0 cannot carry are dropped (tab, LF and CR stay).
QString xmlSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text)
        if (c.unicode() >= 0x20 || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            out += c;
    return out;
}

// A cell's text as libxlsxwriter takes it: UTF-8, without the control
// characters XML cannot carry (libxlsxwriter would write them as _xHHHH_
// escapes), CR LF and lone CR turned into LF (a line break in a cell), and at
// most 32,767 characters (longer text is cut and ends with "…").
QByteArray cellText(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\r')) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                continue;
            out += QLatin1Char('\n');
        } else if (c.unicode() >= 0x20 || c == QLatin1Char('\t') || c == QLatin1Char('\n')) {
            out += c;
        }
    }
    if (out.size() > kMaxCellText)
        out = leftChars(out, kMaxCellText - 1) + QChar(0x2026);
    return out.toUtf8();
}

QString columnName(int index) // 0 → A, 26 → AA
{
    QString name;
    for (++index; index > 0; index = (index - 1) / 26)
        name.prepend(QChar(char16_t(u'A' + (index - 1) % 26)));
    return name;
}

QString cellRef(int row, int col)
{
    return columnName(col) + QString::number(row + 1);
}

QString lxwMessage(lxw_error error)
{
    return QString::fromUtf8(lxw_strerror(error));
}

// The cell formats of the workbook (owned by it).
struct Formats
{
    lxw_format *title = nullptr;
    lxw_format *note = nullptr;
    lxw_format *header = nullptr;
    lxw_format *text = nullptr; // "@": identifiers stay text when edited
    lxw_format *date = nullptr;
    lxw_format *decimal = nullptr;
    lxw_format *percent = nullptr;

    explicit Formats(lxw_workbook *book)
    {
        title = workbook_add_format(book);
        format_set_bold(title);
        format_set_font_size(title, 14);
        note = workbook_add_format(book);
        format_set_italic(note);
        header = workbook_add_format(book);
        format_set_bold(header);
        format_set_bg_color(header, kHeaderFill);
        format_set_bottom(header, LXW_BORDER_THIN);
        format_set_text_wrap(header);
        format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
        text = workbook_add_format(book);
        format_set_num_format_index(text, 49); // @
        date = workbook_add_format(book);
        format_set_num_format(date, "dd.mm.yyyy");
        decimal = workbook_add_format(book);
        format_set_num_format_index(decimal, 2); // 0.00
        percent = workbook_add_format(book);
        format_set_num_format(percent, "0.0%");
    }
};

// Writes the sheets of a document into a libxlsxwriter workbook. Every
// lxw_error ends the export with an Error naming the file (and the cell).
class SheetWriter
{
public:
    SheetWriter(const TableDocument &doc, const QString &path, const Formats &formats)
        : m_doc(doc)
        , m_path(path)
        , m_formats(formats)
    { }

    Status write(lxw_worksheet *ws, const QString &sheetName, const TableSheet &sheet)
    {
        m_ws = ws;
        m_sheet = sheetName;
        const std::vector<TableColumn> &cols = sheet.columns.empty() ? m_doc.columns : sheet.columns;
        const int columns = int(cols.size());
        const qsizetype lastRow = kXlsxHeaderRow + qsizetype(sheet.rows.size());
        if (lastRow >= LXW_ROW_MAX || columns > LXW_COL_MAX)
            return Error { Text::tr("the sheet \"%1\" has more rows or columns than a worksheet can hold").arg(sheetName), m_path,
                0, 0 };

        worksheet_set_landscape(ws);
        worksheet_set_paper(ws, 9); // A4
        worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.6);
        worksheet_freeze_panes(ws, kXlsxHeaderRow + 1, 0); // rows 1–3 stay visible: pane at A4
        for (int c = 0; c < columns; ++c)
            if (Status s
                = check(worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), cols[std::size_t(c)].width, nullptr), -1, c);
                !s)
                return s;

        if (Status s = string(0, 0, m_doc.title + QStringLiteral(" — ") + sheet.title, m_formats.title); !s)
            return s;
        if (Status s = string(1, 0, m_doc.notes.join(QStringLiteral(" · ")), m_formats.note); !s)
            return s;
        for (int c = 0; c < columns; ++c)
            if (Status s = string(kXlsxHeaderRow, c, cols[std::size_t(c)].header, m_formats.header); !s)
                return s;
        int row = kXlsxHeaderRow + 1;
        for (const QVariantList &cells : sheet.rows) {
            for (int c = 0; c < cells.size() && c < columns; ++c)
                if (Status s = value(row, c, cells.at(c), cols[std::size_t(c)].type); !s)
                    return s;
            ++row;
        }
        if (columns > 0) // over the header and the data
            return check(worksheet_autofilter(ws, kXlsxHeaderRow, 0, lxw_row_t(lastRow), lxw_col_t(columns - 1)), -1, -1);
        return {};
    }

private:
    Status check(lxw_error error, int row, int col) const
    {
        if (error == LXW_NO_ERROR)
            return {};
        const QString where = row >= 0 ? Text::tr("cell %1 of the sheet \"%2\"").arg(cellRef(row, col), m_sheet)
                                       : Text::tr("the sheet \"%1\"").arg(m_sheet);
        return Error { Text::tr("cannot write %1: %2").arg(where, lxwMessage(error)), m_path, 0, 0 };
    }

    // Text is always a string cell, never a formula, whatever it starts with:
    // "=HYPERLINK(…)" stays inert text.
    Status string(int row, int col, const QString &text, lxw_format *format)
    {
        const QByteArray utf8 = cellText(text); // alive until the call returns (libxlsxwriter copies it)
        if (utf8.isEmpty())
            return {};
        return check(worksheet_write_string(m_ws, lxw_row_t(row), lxw_col_t(col), utf8.constData(), format), row, col);
    }

    Status number(int row, int col, double v, lxw_format *format)
    {
        if (!std::isfinite(v)) // Excel has no NaN or infinity: an empty cell
            return {};
        return check(worksheet_write_number(m_ws, lxw_row_t(row), lxw_col_t(col), v, format), row, col);
    }

    Status value(int row, int col, const QVariant &value, ColumnType type)
    {
        if (!value.isValid() || value.isNull())
            return {};
        switch (type) {
        case ColumnType::Date: {
            const QDate d = value.toDate();
            if (!d.isValid())
                return {};
            // Excel's dates start in 1900 and end in 9999: others stay readable as text.
            if (d.year() < 1900 || d.year() > 9999)
                return string(row, col, d.toString(QStringLiteral("dd.MM.yyyy")), m_formats.text);
            lxw_datetime when { d.year(), d.month(), d.day(), 0, 0, 0.0 };
            return check(worksheet_write_datetime(m_ws, lxw_row_t(row), lxw_col_t(col), &when, m_formats.date), row, col);
        }
        case ColumnType::Integer:
            return number(row, col, double(value.toLongLong()), nullptr);
        case ColumnType::Decimal:
            return number(row, col, value.toDouble(), m_formats.decimal);
        case ColumnType::Percent:
            return number(row, col, value.toDouble(), m_formats.percent);
        case ColumnType::Text:
            return string(row, col, value.toString(), nullptr);
        case ColumnType::Identifier: // national IDs, phones: text, leading zeros kept
            return string(row, col, value.toString(), m_formats.text);
        }
        return {};
    }

    const TableDocument &m_doc;
    const QString &m_path;
    const Formats &m_formats;
    lxw_worksheet *m_ws = nullptr;
    QString m_sheet;
};

// libxlsxwriter takes the file name as bytes: UTF-8 on Windows (an MSVC
// build converts it to UTF-16 and opens the file with the wide API), the
// local 8-bit encoding elsewhere.
QByteArray nativeName(const QString &path)
{
#ifdef Q_OS_WIN
    return path.toUtf8();
#else
    return QFile::encodeName(path);
#endif
}

// Writes the workbook to `file` (which exists, empty). libxlsxwriter holds the
// cells in memory (constant_memory off: shared strings, cells in any order)
// and writes the zip in workbook_close().
Status writeWorkbook(const TableDocument &doc, const std::vector<TableSheet> &sheets, const QString &file, const QString &path)
{
    lxw_workbook_options options {};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = nullptr; // the system's temporary folder, for the XML parts before they are zipped
    options.use_zip64 = LXW_FALSE;
    const QByteArray fileName = nativeName(file);
    lxw_workbook *book = workbook_new_opt(fileName.constData(), &options);
    if (!book)
        return Error { Text::tr("cannot create the workbook"), path, 0, 0 };

    // Until workbook_close() (which frees the workbook whatever happens), a
    // failure frees it without writing.
    auto abandon = [book](Error e) {
        lxw_workbook_free(book);
        return Status(std::move(e));
    };
    const Formats formats(book);
    SheetWriter writer(doc, path, formats);
    QStringList names;
    for (const TableSheet &sheet : sheets) {
        names << xlsxSheetName(sheet.name, names);
        const QByteArray name = names.last().toUtf8();
        if (const lxw_error e = workbook_validate_sheet_name(book, name.constData()); e != LXW_NO_ERROR)
            return abandon(Error { Text::tr("cannot name a worksheet \"%1\": %2").arg(names.last(), lxwMessage(e)), path, 0, 0 });
        lxw_worksheet *ws = workbook_add_worksheet(book, name.constData());
        if (!ws)
            return abandon(Error { Text::tr("cannot name a worksheet \"%1\"").arg(names.last()), path, 0, 0 });
        if (Status s = writer.write(ws, names.last(), sheet); !s)
            return abandon(s.error());
    }
    if (const lxw_error e = workbook_close(book); e != LXW_NO_ERROR)
        return Error { Text::tr("cannot write the workbook: %1").arg(lxwMessage(e)), path, 0, 0 };
    return {};
}

} // namespace

QString xlsxSheetName(const QString &name, const QStringList &taken)
{
    static const QRegularExpression forbidden(QStringLiteral("[\\[\\]:*?/\\\\]"));
    QString base = xmlSafe(name);
    base.replace(forbidden, QStringLiteral(" "));
    base = base.simplified();
    while (base.startsWith(QLatin1Char('\'')))
        base.remove(0, 1);
    while (base.endsWith(QLatin1Char('\'')))
        base.chop(1);
    if (base.isEmpty())
        base = QCoreApplication::translate("Export", "Sheet");
    auto isTaken = [&](const QString &candidate) {
        if (candidate.compare(QLatin1String("History"), Qt::CaseInsensitive) == 0) // reserved by Excel
            return true;
        for (const QString &t : taken)
            if (t.compare(candidate, Qt::CaseInsensitive) == 0)
                return true;
        return false;
    };
    QString candidate = leftChars(base, kMaxSheetName).trimmed();
    for (int n = 2; isTaken(candidate); ++n) {
        const QString suffix = QStringLiteral(" (%1)").arg(n);
        candidate = leftChars(base, kMaxSheetName - suffix.size()).trimmed() + suffix;
    }
    return candidate;
}

Status writeXlsx(const TableDocument &doc, const QString &path)
{
    std::vector<TableSheet> fallback;
    const std::vector<TableSheet> *sheets = &doc.sheets;
    if (doc.sheets.empty()) { // an empty export still gets a sheet with the header
        fallback.push_back(TableSheet { doc.title, doc.title, {}, {} });
        sheets = &fallback;
    }

    // Personal data: written 0600 under a temporary name beside the target,
    // then renamed over it; on any error an existing file at `path` is left
    // as it was and the temporary file is removed.
    PrivateFile file(path);
    if (Status s = file.open(); !s)
        return s;
    if (Status s = writeWorkbook(doc, *sheets, file.temporaryPath(), path); !s)
        return s;
    return file.commit();
}

} // namespace kopru::exporting
