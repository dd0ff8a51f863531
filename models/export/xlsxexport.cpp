// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/xlsxexport.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamWriter>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

#include <cmath>

namespace kopru::exporting {

namespace {

constexpr int kMaxSheetName = 31;
const QString kMainNs = QStringLiteral("http://schemas.openxmlformats.org/spreadsheetml/2006/main");
const QString kRelNs = QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships");

// Cell style indices of styles.xml (cellXfs order).
enum Style { StyleDefault, StyleTitle, StyleNote, StyleHeader, StyleText, StyleDate, StyleDecimal, StylePercent };

const char kStyles[] = R"xml(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>
<fonts count="4"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font><font><i/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDE4EE"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="8">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="3" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>
)xml";

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

QString columnName(int index) // 0 → A, 26 → AA
{
    QString name;
    for (++index; index > 0; index = (index - 1) / 26)
        name.prepend(QChar(char16_t(u'A' + (index - 1) % 26)));
    return name;
}

QString cellRef(int row, int col) { return columnName(col) + QString::number(row + 1); }

class SharedStrings
{
public:
    int index(const QString &text)
    {
        ++m_count;
        auto it = m_index.find(text);
        if (it != m_index.end())
            return it.value();
        m_strings << text;
        return *m_index.insert(text, int(m_strings.size() - 1));
    }
    QByteArray xml() const
    {
        QByteArray bytes;
        QXmlStreamWriter w(&bytes);
        w.writeStartDocument(QStringLiteral("1.0"), true);
        w.writeStartElement(QStringLiteral("sst"));
        w.writeDefaultNamespace(kMainNs);
        w.writeAttribute(QStringLiteral("count"), QString::number(m_count));
        w.writeAttribute(QStringLiteral("uniqueCount"), QString::number(m_strings.size()));
        for (const QString &s : m_strings) {
            w.writeStartElement(QStringLiteral("si"));
            w.writeStartElement(QStringLiteral("t"));
            w.writeAttribute(QStringLiteral("xml:space"), QStringLiteral("preserve"));
            w.writeCharacters(s);
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndDocument();
        return bytes;
    }

private:
    QHash<QString, int> m_index;
    QStringList m_strings;
    int m_count = 0;
};

class SheetWriter
{
public:
    SheetWriter(QByteArray *bytes, SharedStrings &strings) : m_w(bytes), m_strings(strings) {}

    void write(const TableDocument &doc, const TableSheet &sheet)
    {
        const int lastRow = kXlsxHeaderRow + int(sheet.rows.size());
        const int lastCol = int(doc.columns.size()) - 1;
        m_w.writeStartDocument(QStringLiteral("1.0"), true);
        m_w.writeStartElement(QStringLiteral("worksheet"));
        m_w.writeDefaultNamespace(kMainNs);
        m_w.writeNamespace(kRelNs, QStringLiteral("r"));
        element(QStringLiteral("dimension"), {{QStringLiteral("ref"), QStringLiteral("A1:") + cellRef(lastRow, lastCol)}});
        // Frozen header: rows 1–3 stay visible.
        m_w.writeStartElement(QStringLiteral("sheetViews"));
        m_w.writeStartElement(QStringLiteral("sheetView"));
        m_w.writeAttribute(QStringLiteral("workbookViewId"), QStringLiteral("0"));
        element(QStringLiteral("pane"), {{QStringLiteral("ySplit"), QString::number(kXlsxHeaderRow + 1)},
                                         {QStringLiteral("topLeftCell"), cellRef(kXlsxHeaderRow + 1, 0)},
                                         {QStringLiteral("activePane"), QStringLiteral("bottomLeft")},
                                         {QStringLiteral("state"), QStringLiteral("frozen")}});
        element(QStringLiteral("selection"), {{QStringLiteral("pane"), QStringLiteral("bottomLeft")}});
        m_w.writeEndElement();
        m_w.writeEndElement();
        element(QStringLiteral("sheetFormatPr"), {{QStringLiteral("defaultRowHeight"), QStringLiteral("15")}});
        m_w.writeStartElement(QStringLiteral("cols"));
        for (int c = 0; c <= lastCol; ++c)
            element(QStringLiteral("col"), {{QStringLiteral("min"), QString::number(c + 1)},
                                            {QStringLiteral("max"), QString::number(c + 1)},
                                            {QStringLiteral("width"), QString::number(doc.columns[std::size_t(c)].width, 'f', 1)},
                                            {QStringLiteral("customWidth"), QStringLiteral("1")}});
        m_w.writeEndElement();

        m_w.writeStartElement(QStringLiteral("sheetData"));
        beginRow(0);
        stringCell(0, 0, doc.title + QStringLiteral(" — ") + sheet.title, StyleTitle);
        m_w.writeEndElement();
        beginRow(1);
        stringCell(1, 0, doc.notes.join(QStringLiteral(" · ")), StyleNote);
        m_w.writeEndElement();
        beginRow(kXlsxHeaderRow);
        for (int c = 0; c <= lastCol; ++c)
            stringCell(kXlsxHeaderRow, c, doc.columns[std::size_t(c)].header, StyleHeader);
        m_w.writeEndElement();
        int row = kXlsxHeaderRow + 1;
        for (const QVariantList &cells : sheet.rows) {
            beginRow(row);
            for (int c = 0; c < cells.size() && c <= lastCol; ++c)
                valueCell(row, c, cells.at(c), doc.columns[std::size_t(c)].type);
            m_w.writeEndElement();
            ++row;
        }
        m_w.writeEndElement(); // sheetData
        element(QStringLiteral("autoFilter"), {{QStringLiteral("ref"), cellRef(kXlsxHeaderRow, 0) + QLatin1Char(':') + cellRef(lastRow, lastCol)}});
        element(QStringLiteral("pageMargins"), {{QStringLiteral("left"), QStringLiteral("0.5")}, {QStringLiteral("right"), QStringLiteral("0.5")},
                                                {QStringLiteral("top"), QStringLiteral("0.6")}, {QStringLiteral("bottom"), QStringLiteral("0.6")},
                                                {QStringLiteral("header"), QStringLiteral("0.3")}, {QStringLiteral("footer"), QStringLiteral("0.3")}});
        element(QStringLiteral("pageSetup"), {{QStringLiteral("paperSize"), QStringLiteral("9")}, {QStringLiteral("orientation"), QStringLiteral("landscape")}});
        m_w.writeEndElement();
        m_w.writeEndDocument();
    }

private:
    void element(const QString &name, std::initializer_list<std::pair<QString, QString>> attributes)
    {
        m_w.writeStartElement(name);
        for (const auto &[k, v] : attributes)
            m_w.writeAttribute(k, v);
        m_w.writeEndElement();
    }
    void beginRow(int row)
    {
        m_w.writeStartElement(QStringLiteral("row"));
        m_w.writeAttribute(QStringLiteral("r"), QString::number(row + 1));
    }
    void startCell(int row, int col, int style, const QString &type = {})
    {
        m_w.writeStartElement(QStringLiteral("c"));
        m_w.writeAttribute(QStringLiteral("r"), cellRef(row, col));
        if (style != StyleDefault)
            m_w.writeAttribute(QStringLiteral("s"), QString::number(style));
        if (!type.isEmpty())
            m_w.writeAttribute(QStringLiteral("t"), type);
    }
    // A shared-string cell: text is never a formula, whatever it starts with.
    void stringCell(int row, int col, const QString &text, int style)
    {
        startCell(row, col, style, QStringLiteral("s"));
        m_w.writeTextElement(QStringLiteral("v"), QString::number(m_strings.index(xmlSafe(text))));
        m_w.writeEndElement();
    }
    void numberCell(int row, int col, double value, int style)
    {
        startCell(row, col, style);
        m_w.writeTextElement(QStringLiteral("v"), QString::number(value, 'g', 15));
        m_w.writeEndElement();
    }
    void valueCell(int row, int col, const QVariant &value, ColumnType type)
    {
        if (!value.isValid() || value.isNull())
            return;
        switch (type) {
        case ColumnType::Date: {
            const QDate d = value.toDate();
            if (d.isValid()) // serial days from 1899-12-30 (Excel's 1900 system, valid after 1900-03-01)
                numberCell(row, col, double(QDate(1899, 12, 30).daysTo(d)), StyleDate);
            return;
        }
        case ColumnType::Integer:
            numberCell(row, col, double(value.toLongLong()), StyleDefault);
            return;
        case ColumnType::Decimal:
        case ColumnType::Percent: {
            const double v = value.toDouble();
            if (!std::isnan(v))
                numberCell(row, col, v, type == ColumnType::Decimal ? StyleDecimal : StylePercent);
            return;
        }
        case ColumnType::Text:
        case ColumnType::Identifier:
            break;
        }
        const QString text = value.toString();
        if (!text.isEmpty())
            stringCell(row, col, text, type == ColumnType::Identifier ? StyleText : StyleDefault);
    }

    QXmlStreamWriter m_w;
    SharedStrings &m_strings;
};

QByteArray workbookXml(const QStringList &names, const std::vector<int> &lastRows, int lastCol)
{
    QByteArray bytes;
    QXmlStreamWriter w(&bytes);
    w.writeStartDocument(QStringLiteral("1.0"), true);
    w.writeStartElement(QStringLiteral("workbook"));
    w.writeDefaultNamespace(kMainNs);
    w.writeNamespace(kRelNs, QStringLiteral("r"));
    w.writeStartElement(QStringLiteral("sheets"));
    for (int i = 0; i < names.size(); ++i) {
        w.writeStartElement(QStringLiteral("sheet"));
        w.writeAttribute(QStringLiteral("name"), names.at(i));
        w.writeAttribute(QStringLiteral("sheetId"), QString::number(i + 1));
        w.writeAttribute(kRelNs, QStringLiteral("id"), QStringLiteral("rId%1").arg(i + 1));
        w.writeEndElement();
    }
    w.writeEndElement();
    // Excel keeps each sheet's auto-filter range in a hidden defined name.
    w.writeStartElement(QStringLiteral("definedNames"));
    for (int i = 0; i < names.size(); ++i) {
        w.writeStartElement(QStringLiteral("definedName"));
        w.writeAttribute(QStringLiteral("name"), QStringLiteral("_xlnm._FilterDatabase"));
        w.writeAttribute(QStringLiteral("localSheetId"), QString::number(i));
        w.writeAttribute(QStringLiteral("hidden"), QStringLiteral("1"));
        QString quoted = names.at(i);
        quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
        w.writeCharacters(QStringLiteral("'%1'!$A$%2:$%3$%4").arg(quoted).arg(kXlsxHeaderRow + 1).arg(columnName(lastCol)).arg(lastRows[std::size_t(i)] + 1));
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndDocument();
    return bytes;
}

QByteArray contentTypes(int sheets)
{
    QByteArray x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                   "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                   "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                   "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                   "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                   "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>";
    for (int i = 1; i <= sheets; ++i)
        x += "<Override PartName=\"/xl/worksheets/sheet" + QByteArray::number(i)
             + ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
    return x + "</Types>";
}

QByteArray workbookRels(int sheets)
{
    QByteArray x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (int i = 1; i <= sheets; ++i)
        x += "<Relationship Id=\"rId" + QByteArray::number(i)
             + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet"
             + QByteArray::number(i) + ".xml\"/>";
    x += "<Relationship Id=\"rId" + QByteArray::number(sheets + 1)
         + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>";
    x += "<Relationship Id=\"rId" + QByteArray::number(sheets + 2)
         + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>";
    return x + "</Relationships>";
}

const char kRootRels[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                         "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                         "Target=\"xl/workbook.xml\"/></Relationships>";

bool addEntry(QuaZip &zip, const QString &name, const QByteArray &bytes)
{
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::WriteOnly, QuaZipNewInfo(name), nullptr, 0, Z_DEFLATED, 6))
        return false;
    const bool ok = file.write(bytes) == bytes.size();
    file.close();
    return ok && file.getZipError() == UNZ_OK;
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
        for (const QString &t : taken)
            if (t.compare(candidate, Qt::CaseInsensitive) == 0)
                return true;
        return false;
    };
    QString candidate = base.left(kMaxSheetName).trimmed();
    for (int n = 2; isTaken(candidate); ++n) {
        const QString suffix = QStringLiteral(" (%1)").arg(n);
        candidate = base.left(kMaxSheetName - suffix.size()).trimmed() + suffix;
    }
    return candidate;
}

Status writeXlsx(const TableDocument &doc, const QString &path)
{
    std::vector<TableSheet> fallback;
    const std::vector<TableSheet> *sheets = &doc.sheets;
    if (doc.sheets.empty()) { // an empty export still gets a sheet with the header
        fallback.push_back(TableSheet{doc.title, doc.title, {}});
        sheets = &fallback;
    }
    SharedStrings strings;
    QStringList names;
    std::vector<int> lastRows;
    std::vector<QByteArray> sheetXml;
    for (const TableSheet &sheet : *sheets) {
        names << xlsxSheetName(sheet.name, names);
        lastRows.push_back(kXlsxHeaderRow + int(sheet.rows.size()));
        QByteArray bytes;
        SheetWriter(&bytes, strings).write(doc, sheet);
        sheetXml.push_back(std::move(bytes));
    }

    QTemporaryDir tmp;
    if (!tmp.isValid())
        return Error{QCoreApplication::translate("Export", "cannot create a temporary folder: %1").arg(tmp.errorString()), path, 0, 0};
    const QString tmpPath = tmp.filePath(QStringLiteral("export.xlsx"));
    QuaZip zip(tmpPath);
    if (!zip.open(QuaZip::mdCreate))
        return Error{QCoreApplication::translate("Export", "cannot create the workbook"), path, 0, 0};
    const int lastCol = int(doc.columns.size()) - 1;
    bool ok = addEntry(zip, QStringLiteral("[Content_Types].xml"), contentTypes(int(names.size())))
              && addEntry(zip, QStringLiteral("_rels/.rels"), QByteArray(kRootRels))
              && addEntry(zip, QStringLiteral("xl/workbook.xml"), workbookXml(names, lastRows, lastCol))
              && addEntry(zip, QStringLiteral("xl/_rels/workbook.xml.rels"), workbookRels(int(names.size())))
              && addEntry(zip, QStringLiteral("xl/styles.xml"), QByteArray(kStyles));
    for (std::size_t i = 0; ok && i < sheetXml.size(); ++i)
        ok = addEntry(zip, QStringLiteral("xl/worksheets/sheet%1.xml").arg(i + 1), sheetXml[i]);
    ok = ok && addEntry(zip, QStringLiteral("xl/sharedStrings.xml"), strings.xml());
    zip.close();
    if (!ok || zip.getZipError() != UNZ_OK)
        return Error{QCoreApplication::translate("Export", "cannot write the workbook"), path, 0, 0};

    // Move into place; replace an existing file only once the new one is complete.
    if (QFile::exists(path) && !QFile::remove(path))
        return Error{QCoreApplication::translate("Export", "cannot replace the existing file"), path, 0, 0};
    if (!QFile::copy(tmpPath, path))
        return Error{QCoreApplication::translate("Export", "cannot write the file"), path, 0, 0};
    return {};
}

} // namespace kopru::exporting
