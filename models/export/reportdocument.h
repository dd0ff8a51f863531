// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <vector>

namespace kopru::exporting {

// A printable document made of sections (each starts on a new page and names
// the page header, e.g. a centre), headings, paragraphs and tables. Built from
// the export data; painted by ReportPainter onto a PDF writer or a printer.
struct ReportColumn
{
    QString header;
    double weight = 1; // share of the table width
    bool numeric = false; // right-aligned
};

struct ReportBlock
{
    enum class Type { Heading, Text, Table };
    Type type = Type::Text;
    QString text; // heading or paragraph
    QString subtitle; // a heading's second line (smaller)
    std::vector<ReportColumn> columns;
    std::vector<QStringList> rows;

    static ReportBlock heading(QString text, QString subtitle = {})
    {
        return { Type::Heading, std::move(text), std::move(subtitle), {}, {} };
    }
    static ReportBlock paragraph(QString text) { return { Type::Text, std::move(text), {}, {}, {} }; }
    static ReportBlock table(std::vector<ReportColumn> columns) { return { Type::Table, {}, {}, std::move(columns), {} }; }
};

struct ReportSection
{
    QString name; // shown in the page header
    std::vector<ReportBlock> blocks;
};

struct ReportDocument
{
    QString title; // page header, left
    QDate date = QDate::currentDate(); // page header, right
    QString footerNote; // page footer, left (e.g. the anonymisation notice)
    std::vector<ReportSection> sections;
};

} // namespace kopru::exporting
