// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/io/xlsxreader.h"

#include "models/io/inputlimits.h"
#include "models/io/zipreader.h"

#include <QCoreApplication>
#include <QDate>
#include <QFile>
#include <QHash>
#include <QXmlStreamReader>
#include <cmath>
#include <vector>

namespace kopru {

namespace {

constexpr qint64 kMaxPartBytes = 64LL * 1024 * 1024; // refuse zip bombs (the national survey's sheet: 11 MB)
constexpr int kMaxColumns = InputLimits::kMaxColumns;
constexpr int kMaxRow = InputLimits::kMaxRows;

QString tr(const char *text)
{
    return QCoreApplication::translate("kopru::Workbook", text);
}

// The open workbook: the zip and the parts read once. The two large parts,
// the shared strings and the sheet, are parsed while they are unpacked
// (streamed), never held whole; a file is read through QFile, not loaded.
class Workbook
{
public:
    Workbook(const QByteArray &bytes, QString displayName)
        : m_zip(bytes)
        , m_name(std::move(displayName))
    { }
    Workbook(const QString &path, QString displayName)
        : m_zip(path)
        , m_name(std::move(displayName))
    { }

    Status open()
    {
        if (m_zip.open() != ZipReader::Status::Ok)
            return fail(tr("not an .xlsx workbook (the file is not a zip archive)"));
        if (Status s = readWorkbook(); !s)
            return s;
        if (Status s = readSharedStrings(); !s)
            return s;
        return readStyles();
    }

    const QStringList &sheetNames() const { return m_sheetNames; }

    Expected<SourceTable> readSheet(const QString &name)
    {
        int index = 0;
        if (!name.isEmpty()) {
            index = int(m_sheetNames.indexOf(name));
            if (index < 0)
                return Error { tr("no sheet named \"%1\" (sheets: %2)").arg(name, m_sheetNames.join(QStringLiteral(", "))),
                    m_name, 0, 0 };
        }
        if (m_sheetNames.isEmpty())
            return Error { tr("the workbook has no sheets"), m_name, 0, 0 };
        if (Status s = openPart(m_sheetParts.at(index)); !s)
            return s.error();
        return parseSheet(*m_zip.entry(), m_sheetParts.at(index));
    }

private:
    Error fail(const QString &message) const { return Error { message, m_name, 0, 0 }; }

    Status part(const QString &path, QByteArray *out, bool optional = false)
    {
        return partStatus(m_zip.read(path, out, kMaxPartBytes), path, optional);
    }
    // Opens a part to be streamed from m_zip.entry().
    Status openPart(const QString &path, bool optional = false)
    {
        return partStatus(m_zip.openEntry(path, kMaxPartBytes), path, optional);
    }

    Status partStatus(ZipReader::Status status, const QString &path, bool optional)
    {
        switch (status) {
        case ZipReader::Status::Ok:
            return {};
        case ZipReader::Status::Missing:
            if (optional)
                return {};
            return fail(tr("the workbook lacks its part %1").arg(path));
        case ZipReader::Status::TooLarge:
            return fail(tr("the part %1 of the workbook is too large").arg(path));
        case ZipReader::Status::Damaged:
            return fail(tr("the part %1 of the workbook is damaged").arg(path));
        case ZipReader::Status::NotAZip:
            break;
        }
        return fail(tr("cannot read the part %1 of the workbook").arg(path));
    }

    Status xmlError(const QXmlStreamReader &xml, const QString &partName)
    {
        // Reading a streamed part may have stopped at its size limit or damage.
        if (m_zip.entry() && m_zip.entryStatus() != ZipReader::Status::Ok)
            return partStatus(m_zip.entryStatus(), partName, false);
        return fail(tr("damaged XML in %1 at line %2, column %3: %4")
                        .arg(partName)
                        .arg(xml.lineNumber())
                        .arg(xml.columnNumber())
                        .arg(xml.errorString()));
    }

    static QString resolveTarget(const QString &target)
    {
        if (target.startsWith(QLatin1Char('/')))
            return target.mid(1);
        QString t = target;
        QString base = QStringLiteral("xl/");
        while (t.startsWith(QLatin1String("../"))) {
            t = t.mid(3);
            base.clear();
        }
        return base + t;
    }

    Status readWorkbook()
    {
        QByteArray rels;
        if (Status s = part(QStringLiteral("xl/_rels/workbook.xml.rels"), &rels); !s)
            return s;
        QHash<QString, QString> targets;
        {
            QXmlStreamReader xml(rels);
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == QLatin1String("Relationship"))
                    targets.insert(xml.attributes().value(QLatin1String("Id")).toString(),
                        resolveTarget(xml.attributes().value(QLatin1String("Target")).toString()));
            }
            if (xml.hasError())
                return xmlError(xml, QStringLiteral("xl/_rels/workbook.xml.rels"));
        }
        QByteArray book;
        if (Status s = part(QStringLiteral("xl/workbook.xml"), &book); !s)
            return s;
        QXmlStreamReader xml(book);
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("workbookPr")) {
                const auto v = xml.attributes().value(QLatin1String("date1904"));
                m_base1904 = v == QLatin1String("1") || v == QLatin1String("true");
            } else if (xml.name() == QLatin1String("sheet")) {
                QString rid;
                for (const QXmlStreamAttribute &a : xml.attributes())
                    if (a.name() == QLatin1String("id"))
                        rid = a.value().toString();
                const QString target = targets.value(rid);
                if (target.isEmpty())
                    return fail(
                        tr("the sheet \"%1\" has no part in the workbook").arg(xml.attributes().value(QLatin1String("name"))));
                m_sheetNames << xml.attributes().value(QLatin1String("name")).toString();
                m_sheetParts << target;
            }
        }
        if (xml.hasError())
            return xmlError(xml, QStringLiteral("xl/workbook.xml"));
        return {};
    }

    // Text of the current element's <t> descendants, skipping phonetic runs.
    static QString collectText(QXmlStreamReader &xml)
    {
        QString text;
        const QString end = xml.name().toString();
        int phonetic = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                if (xml.name() == QLatin1String("rPh"))
                    ++phonetic;
                else if (xml.name() == QLatin1String("t") && phonetic == 0)
                    text += xml.readElementText(QXmlStreamReader::IncludeChildElements);
            } else if (xml.isEndElement()) {
                if (xml.name() == QLatin1String("rPh"))
                    --phonetic;
                else if (xml.name() == end)
                    break;
            }
        }
        return text;
    }

    Status readSharedStrings()
    {
        if (Status s = openPart(QStringLiteral("xl/sharedStrings.xml"), true); !s)
            return s;
        if (!m_zip.entry())
            return {}; // a workbook without shared strings
        QXmlStreamReader xml(m_zip.entry());
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("si")) {
                if (m_shared.size() >= InputLimits::kMaxSharedStrings)
                    return fail(tr("the workbook holds more than %1 different texts: split it into smaller files")
                                    .arg(InputLimits::kMaxSharedStrings));
                m_shared << collectText(xml);
            }
        }
        if (xml.hasError())
            return xmlError(xml, QStringLiteral("xl/sharedStrings.xml"));
        return {};
    }

    Status readStyles()
    {
        QByteArray data;
        if (Status s = part(QStringLiteral("xl/styles.xml"), &data, true); !s)
            return s;
        if (data.isEmpty())
            return {};
        QHash<int, QString> codes;
        QXmlStreamReader xml(data);
        bool inCellXfs = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                if (xml.name() == QLatin1String("numFmt"))
                    codes.insert(xml.attributes().value(QLatin1String("numFmtId")).toInt(),
                        xml.attributes().value(QLatin1String("formatCode")).toString());
                else if (xml.name() == QLatin1String("cellXfs"))
                    inCellXfs = true;
                else if (inCellXfs && xml.name() == QLatin1String("xf")) {
                    const int id = xml.attributes().value(QLatin1String("numFmtId")).toInt();
                    m_dateStyle.push_back(XlsxReader::isDateFormat(id, codes.value(id)));
                }
            } else if (xml.isEndElement() && xml.name() == QLatin1String("cellXfs")) {
                inCellXfs = false;
            }
        }
        if (xml.hasError())
            return xmlError(xml, QStringLiteral("xl/styles.xml"));
        return {};
    }

    // "BC12" → column 55 (1-based), row 12; false when malformed.
    static bool parseReference(QStringView ref, int *column, int *row)
    {
        int c = 0, i = 0;
        for (; i < ref.size() && ref[i].isLetter(); ++i) {
            const char16_t u = QChar::toUpper(ref[i].unicode());
            if (u < u'A' || u > u'Z')
                return false;
            c = c * 26 + (u - u'A' + 1);
            if (c > kMaxColumns)
                return false;
        }
        bool ok = false;
        const int r = ref.mid(i).toInt(&ok);
        if (c == 0)
            return false;
        *column = c;
        *row = ok ? r : 0;
        return true;
    }

    QString cellValue(const QString &type, const QString &raw, int style) const
    {
        if (type == QLatin1String("s")) {
            bool ok = false;
            const int index = raw.trimmed().toInt(&ok);
            return ok && index >= 0 && index < m_shared.size() ? m_shared.at(index) : QString();
        }
        if (type == QLatin1String("b"))
            return raw.trimmed() == QLatin1String("1") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
        if (type == QLatin1String("d")) {
            const QString t = raw.trimmed();
            return t.endsWith(QLatin1String("T00:00:00")) ? t.left(t.size() - 9) : t;
        }
        if (type.isEmpty() || type == QLatin1String("n")) {
            bool ok = false;
            const double v = raw.trimmed().toDouble(&ok);
            if (!ok)
                return raw;
            if (style >= 0 && style < int(m_dateStyle.size()) && m_dateStyle[std::size_t(style)]) {
                const QString iso = XlsxReader::serialToIso(v, m_base1904);
                if (!iso.isEmpty())
                    return iso;
            }
            return XlsxReader::numberText(v);
        }
        return raw; // str (formula text), e (error such as #N/A)
    }

    Expected<SourceTable> parseSheet(QIODevice &data, const QString &partName)
    {
        SourceTable table;
        table.file = m_name;
        QXmlStreamReader xml(&data);
        int row = 0;
        qint64 cells = 0;
        QStringList current; // the cells of the row being read
        int currentLine = 0;
        bool inRow = false;
        int column = 0;
        auto finishRow = [&] {
            while (!current.isEmpty() && current.last().isEmpty())
                current.removeLast();
            if (!current.isEmpty()) {
                if (table.header.isEmpty() && table.headerLine == 0) {
                    table.headerLine = currentLine;
                    table.header = current;
                } else {
                    table.rows.emplace_back(currentLine, current);
                }
            }
            current.clear();
            inRow = false;
        };
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                if (xml.name() == QLatin1String("row")) {
                    bool ok = false;
                    const int r = xml.attributes().value(QLatin1String("r")).toInt(&ok);
                    row = ok && r > row && r <= kMaxRow ? r : row + 1;
                    current.clear();
                    currentLine = row;
                    inRow = true;
                    column = 0;
                } else if (xml.name() == QLatin1String("c") && inRow) {
                    const QXmlStreamAttributes attrs = xml.attributes();
                    int c = column + 1, r = row;
                    const auto ref = attrs.value(QLatin1String("r"));
                    if (!ref.isEmpty() && !parseReference(ref, &c, &r))
                        return Error { tr("bad cell reference \"%1\"").arg(ref), m_name, row, column + 1 };
                    if (c <= column) // out of order or duplicate: keep reading order
                        c = column + 1;
                    if (c > kMaxColumns)
                        return Error { tr("too many columns"), m_name, row, column };
                    column = c;
                    const QString type = attrs.value(QLatin1String("t")).toString();
                    const int style = attrs.hasAttribute(QLatin1String("s")) ? attrs.value(QLatin1String("s")).toInt() : -1;
                    QString raw;
                    bool inlineText = false;
                    while (!xml.atEnd()) {
                        xml.readNext();
                        if (xml.isStartElement()) {
                            if (xml.name() == QLatin1String("v"))
                                raw = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                            else if (xml.name() == QLatin1String("is")) {
                                raw = collectText(xml);
                                inlineText = true;
                            }
                        } else if (xml.isEndElement() && xml.name() == QLatin1String("c")) {
                            break;
                        }
                    }
                    const QString value = inlineText ? raw : cellValue(type, raw, style);
                    if (const auto problem = InputLimits::cellProblem(value))
                        return Error { *problem, m_name, row, c };
                    cells += c - int(current.size());
                    if (cells > InputLimits::kMaxCells)
                        return Error { tr("the sheet is too large (more than %1 cells): split it into smaller files")
                                           .arg(InputLimits::kMaxCells),
                            m_name, row, c };
                    while (current.size() < c - 1)
                        current.append(QString());
                    current.append(value);
                }
            } else if (xml.isEndElement() && xml.name() == QLatin1String("row") && inRow) {
                finishRow();
            }
        }
        if (xml.hasError())
            return xmlError(xml, partName).error();
        if (inRow)
            finishRow();
        return table;
    }

    ZipReader m_zip;
    QString m_name;
    QStringList m_sheetNames;
    QStringList m_sheetParts;
    QStringList m_shared;
    std::vector<bool> m_dateStyle;
    bool m_base1904 = false;
};

} // namespace

bool XlsxReader::isDateFormat(int id, const QString &code)
{
    if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58))
        return true;
    if (code.isEmpty())
        return false;
    bool quoted = false, bracket = false;
    for (int i = 0; i < code.size(); ++i) {
        const QChar c = code.at(i);
        if (quoted) {
            quoted = c != QLatin1Char('"');
            continue;
        }
        if (bracket) {
            bracket = c != QLatin1Char(']');
            continue;
        }
        if (c == QLatin1Char('"'))
            quoted = true;
        else if (c == QLatin1Char('['))
            bracket = true;
        else if (c == QLatin1Char('\\') || c == QLatin1Char('_') || c == QLatin1Char('*'))
            ++i; // the next character is literal or padding
        else if (QStringLiteral("dmyhsDMYHS").contains(c))
            return true;
    }
    return false;
}

QString XlsxReader::serialToIso(double serial, bool base1904)
{
    if (!std::isfinite(serial) || serial < 0 || serial > 2958465.0) // 9999-12-31
        return {};
    double days = std::floor(serial);
    const double fraction = serial - days;
    QDate date;
    if (base1904) {
        date = QDate(1904, 1, 1).addDays(qint64(days));
    } else {
        if (days == 60) // Excel's 1900-02-29, a day that never was
            return {};
        // Serial 1 = 1900-01-01; after the phantom leap day everything is one later.
        date = days < 60 ? QDate(1899, 12, 31).addDays(qint64(days)) : QDate(1899, 12, 30).addDays(qint64(days));
        if (days == 0)
            return {};
    }
    QString text = date.toString(Qt::ISODate);
    const int seconds = int(std::lround(fraction * 86400.0));
    if (seconds > 0 && seconds < 86400)
        text += QLatin1Char(' ') + QTime(0, 0).addSecs(seconds).toString(QStringLiteral("HH:mm:ss"));
    return text;
}

QString XlsxReader::numberText(double v)
{
    if (!std::isfinite(v))
        return QString::number(v);
    if (std::floor(v) == v && std::fabs(v) < 1e15)
        return QString::number(qint64(v));
    QString s = QString::number(v, 'f', std::max(0, 14 - int(std::floor(std::log10(std::fabs(v) + 1e-300)))));
    if (std::fabs(v) >= 1e15 || std::fabs(v) < 1e-9)
        return QString::number(v, 'g', 15);
    if (s.contains(QLatin1Char('.'))) {
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
    }
    return s;
}

Expected<QStringList> XlsxReader::sheetNames(const QString &path)
{
    Workbook book(path, path);
    if (Status s = book.open(); !s)
        return s.error();
    return book.sheetNames();
}

Expected<QStringList> XlsxReader::sheetNamesBytes(const QByteArray &bytes, const QString &displayName)
{
    Workbook book(bytes, displayName);
    if (Status s = book.open(); !s)
        return s.error();
    return book.sheetNames();
}

Expected<SourceTable> XlsxReader::readBytes(
    const QByteArray &bytes, const QString &sheet, const QString &displayName, QStringList *sheetNames)
{
    Workbook book(bytes, displayName);
    if (Status s = book.open(); !s)
        return s.error();
    if (sheetNames)
        *sheetNames = book.sheetNames();
    return book.readSheet(sheet);
}

Expected<SourceTable> XlsxReader::read(
    const QString &path, const QString &sheet, const QString &displayName, QStringList *sheetNames)
{
    Workbook book(path, displayName.isEmpty() ? path : displayName);
    if (Status s = book.open(); !s)
        return s.error();
    if (sheetNames)
        *sheetNames = book.sheetNames();
    return book.readSheet(sheet);
}

} // namespace kopru
