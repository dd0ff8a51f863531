// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/document/chart.h"

#include <QDate>
#include <QImage>
#include <QPageLayout>
#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

namespace kopru::document {

// A printable document as data: sections of blocks, laid out on A4 pages and
// painted by DocumentPainter (models/document/documentpainter.h) onto a PDF
// file (writePdf) or a printer (the GUI's print preview). Builders in
// models/export/ and models/report/ make documents from the database; nothing
// here knows where the numbers come from.

// The styles a text block can have; their sizes come from the document's Typography.
enum class TextStyle {
    Body, // a paragraph
    Title, // a title page's main line: large, bold, centred
    Subtitle, // a title page's second line: bold, centred
    Lead, // a title page's other lines: centred
    Small, // small print, centred (e.g. "Prepared with …")
};

struct TableColumn
{
    QString header;
    double weight = 1; // share of the table width, relative to the other columns
    bool numeric = false; // right-aligned (the header too)
};

// A table: its header row is repeated on every page it runs over, every other
// row is shaded (zebra), cells wrap at word boundaries to the column width.
struct Table
{
    std::vector<TableColumn> columns;
    std::vector<QStringList> rows;
    std::vector<bool> emphasised; // rows printed in bold (missing: not emphasised)
};

// One block of the flow. Made with the functions below it.
struct Block
{
    enum class Type {
        Heading, // level 1: large, coloured, ruled; level 2: compact bold, with an optional second line
        Paragraph, // text in a TextStyle, wrapped to the page width
        KeyValues, // "key: value" lines, keys in bold in a column of their own
        Table,
        Chart,
        Image, // a picture, centred, `widthMm` wide (its aspect ratio kept)
        Spacer, // `heightMm` of empty space
        PageBreak,
    };
    Type type = Type::Paragraph;
    QString text; // Heading, Paragraph
    QString subtitle; // Heading: a second, smaller line
    int level = 1; // Heading
    TextStyle style = TextStyle::Body; // Paragraph
    std::vector<std::pair<QString, QString>> pairs; // KeyValues
    Table table; // Table
    Chart chart; // Chart
    QImage image; // Image
    double widthMm = 0; // Image
    double heightMm = 0; // Spacer
};

Block heading(QString text, QString subtitle = {}, int level = 2);
Block paragraph(QString text, TextStyle style = TextStyle::Body);
Block keyValues(std::vector<std::pair<QString, QString>> pairs);
Block table(std::vector<TableColumn> columns, std::vector<QStringList> rows = {});
Block chart(Chart chart);
Block image(QImage image, double widthMm);
Block spacer(double heightMm);
Block pageBreak();

// A part of the document: starts on a new page; its name is shown in the page header.
struct Section
{
    QString name;
    std::vector<Block> blocks;
    QString footerNote; // the footer of its pages (empty: the document's footerNote)
};

// Point sizes of the text styles. The defaults suit reports read on paper;
// compact() suits long landscape tables (the plan, the schedule).
struct Typography
{
    double body = 9.5;
    double table = 8;
    double heading1 = 15;
    double heading2 = 11.5;
    double band = 8; // page header (except the title) and footer
    static Typography compact() { return { 8, 7.5, 13, 9.5, 8 }; }
};

struct Document
{
    QString title; // PDF title; the page header's left part
    QDate date = QDate::currentDate(); // the page header's right part
    QString footerNote; // the page footer's left part (e.g. the anonymisation notice)
    bool pageHeader = true; // a band on every page: title · section name · date
    bool pageNumbers = true; // "Page x/y" in the footer (without it the note takes the whole width)
    double frameMm = 0; // > 0: a double frame around every page, this far outside the body (within the margin)
    QPageLayout::Orientation orientation = QPageLayout::Portrait; // on A4
    double marginMm = 12;
    Typography typography;
    std::vector<Section> sections;

    // The section named `name` if it is the last one, else a new last one.
    Section &section(const QString &name);
    // The last section (a new unnamed one when there is none).
    Section &last();
    // Rows of every table.
    std::size_t tableRowCount() const;
};

} // namespace kopru::document
