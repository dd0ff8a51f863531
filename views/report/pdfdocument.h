// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "views/charts/chartexport.h"

#include <QFont>
#include <QPainter>
#include <QPdfWriter>
#include <QStringList>
#include <memory>
#include <vector>

namespace kopru::report {

// A simple flowing A4 document painted with QPainter onto a QPdfWriter:
// headings, wrapped paragraphs, tables that continue on the next page with
// their header repeated, and charts rendered as vectors. Text stays text, so
// Turkish is extractable (pdftotext).
class PdfDocument final
{
public:
    struct Column
    {
        QString header;
        double width; // share of the text width (the shares add up to 1)
        Qt::Alignment align = Qt::AlignLeft;
        bool wrap = false; // wrap long text over several lines (else elide)
    };

    PdfDocument(const QString &path, const QString &title);
    ~PdfDocument();
    PdfDocument(const PdfDocument &) = delete;
    PdfDocument &operator=(const PdfDocument &) = delete;

    Status begin();
    Status finish();

    void newPage();
    void vspace(double mm);
    // Large centred title-page text.
    void titleLine(const QString &text, double pointSize, bool bold);
    void heading(const QString &text);
    void subheading(const QString &text);
    void paragraph(const QString &text);
    void table(
        const std::vector<Column> &columns, const std::vector<QStringList> &rows, const std::vector<bool> &emphasised = {});
    // A chart laid out at `logicalSize` pixels, as wide as the text (or
    // shorter to fit `maxHeightMm`, or the rest of the page).
    void chart(QChart *chart, const QSize &logicalSize, double maxHeightMm = 0);
    // Millimetres left on the current page.
    double remainingMm() const;
    int pageNumber() const { return m_page; }

private:
    double mm(double v) const;
    // The base font at `pointSize`, bold or not.
    QFont font(double pointSize, bool bold) const;
    double toMm(double px) const;
    void ensure(double heightPx);
    void footer();
    double textHeight(const QString &text, const QFont &font, double width, int flags) const;

    QString m_path;
    QString m_title;
    std::unique_ptr<QPdfWriter> m_writer;
    QPainter m_painter;
    QRectF m_body; // device pixels
    double m_y = 0;
    int m_page = 1;
    QFont m_base;
};

} // namespace kopru::report
