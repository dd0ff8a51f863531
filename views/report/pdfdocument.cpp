// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/report/pdfdocument.h"

#include <QChart>
#include <QCoreApplication>
#include <QPageLayout>

namespace kopru::report {

namespace {
constexpr int kResolution = 300;
constexpr double kMarginMm = 18;
} // namespace

PdfDocument::PdfDocument(const QString &path, const QString &title)
    : m_path(path)
    , m_title(title)
{ }

PdfDocument::~PdfDocument()
{
    if (m_painter.isActive())
        m_painter.end();
}

QFont PdfDocument::font(double pointSize, bool bold) const
{
    QFont f = m_base;
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    return f;
}

double PdfDocument::mm(double v) const
{
    return v * kResolution / 25.4;
}

double PdfDocument::toMm(double px) const
{
    return px * 25.4 / kResolution;
}

Status PdfDocument::begin()
{
    m_writer = std::make_unique<QPdfWriter>(m_path);
    m_writer->setResolution(kResolution);
    m_writer->setTitle(m_title);
    m_writer->setCreator(QStringLiteral("Köprü"));
    m_writer->setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
        QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter));
    if (!m_painter.begin(m_writer.get()))
        return Error { QCoreApplication::translate("Report", "cannot write the PDF file"), m_path, 0, 0 };
    const QRect paint = m_writer->pageLayout().paintRectPixels(kResolution);
    // The painter's origin is the top left of the printable area.
    m_body = QRectF(0, 0, paint.width(), paint.height() - mm(8)); // room for the footer
    m_base = QFont();
    m_base.setFamilies({ QStringLiteral("DejaVu Sans"), QStringLiteral("Segoe UI"), QStringLiteral("Arial") });
    m_base.setPointSizeF(9.5);
    // No shaping, hence no ligatures ("fi" stays two letters), so that text
    // extracted from the PDF (pdftotext, search) matches what was written.
    m_base.setStyleStrategy(QFont::PreferNoShaping);
    m_painter.setFont(m_base);
    m_y = 0;
    return {};
}

Status PdfDocument::finish()
{
    footer();
    if (!m_painter.end())
        return Error { QCoreApplication::translate("Report", "cannot finish the PDF file"), m_path, 0, 0 };
    return {};
}

void PdfDocument::footer()
{
    QFont f = m_base;
    f.setPointSizeF(8);
    m_painter.save();
    m_painter.setFont(f);
    m_painter.setPen(Qt::darkGray);
    const QRectF line(0, m_body.bottom() + mm(3), m_body.width(), mm(5));
    m_painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, m_title);
    m_painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, QCoreApplication::translate("Report", "Page %1").arg(m_page));
    m_painter.restore();
}

void PdfDocument::newPage()
{
    footer();
    m_writer->newPage();
    ++m_page;
    m_y = 0;
}

double PdfDocument::remainingMm() const
{
    return toMm(m_body.height() - m_y);
}

void PdfDocument::ensure(double heightPx)
{
    if (m_y > 0 && m_y + heightPx > m_body.height())
        newPage();
}

void PdfDocument::vspace(double v)
{
    m_y += mm(v);
}

double PdfDocument::textHeight(const QString &text, const QFont &font, double width, int flags) const
{
    QFontMetricsF fm(font, m_writer.get());
    return fm.boundingRect(QRectF(0, 0, width, 1e6), flags, text).height();
}

void PdfDocument::titleLine(const QString &text, double pointSize, bool bold)
{
    const QFont f = font(pointSize, bold);
    const int flags = Qt::AlignHCenter | Qt::TextWordWrap;
    const double h = textHeight(text, f, m_body.width(), flags);
    ensure(h);
    m_painter.setFont(f);
    m_painter.drawText(QRectF(0, m_y, m_body.width(), h), flags, text);
    m_y += h + mm(2);
    m_painter.setFont(m_base);
}

void PdfDocument::heading(const QString &text)
{
    const QFont f = font(15, true);
    const double h = textHeight(text, f, m_body.width(), Qt::TextWordWrap);
    ensure(h + mm(25)); // never a heading alone at the bottom of a page
    if (m_y > 0)
        m_y += mm(4);
    m_painter.setFont(f);
    m_painter.setPen(QColor(0x1f, 0x3f, 0x6f));
    m_painter.drawText(QRectF(0, m_y, m_body.width(), h), Qt::TextWordWrap, text);
    m_y += h + mm(1);
    m_painter.drawLine(QPointF(0, m_y), QPointF(m_body.width(), m_y));
    m_painter.setPen(Qt::black);
    m_y += mm(3);
    m_painter.setFont(m_base);
}

void PdfDocument::subheading(const QString &text)
{
    const QFont f = font(11.5, true);
    const double h = textHeight(text, f, m_body.width(), Qt::TextWordWrap);
    ensure(h + mm(20));
    m_y += mm(2);
    m_painter.setFont(f);
    m_painter.drawText(QRectF(0, m_y, m_body.width(), h), Qt::TextWordWrap, text);
    m_y += h + mm(1.5);
    m_painter.setFont(m_base);
}

void PdfDocument::paragraph(const QString &text)
{
    const double h = textHeight(text, m_base, m_body.width(), Qt::TextWordWrap);
    ensure(h);
    m_painter.setFont(m_base);
    m_painter.drawText(QRectF(0, m_y, m_body.width(), h), Qt::TextWordWrap, text);
    m_y += h + mm(2);
}

void PdfDocument::table(
    const std::vector<Column> &columns, const std::vector<QStringList> &rows, const std::vector<bool> &emphasised)
{
    QFont f = m_base;
    f.setPointSizeF(8);
    QFont bold = f;
    bold.setBold(true);
    const QFontMetricsF fm(f, m_writer.get());
    const double pad = mm(1);
    const double rowHeight = fm.height() + 2 * pad;

    std::vector<QRectF> cells;
    double x = 0;
    for (const Column &c : columns) {
        cells.emplace_back(x, 0, c.width * m_body.width(), rowHeight);
        x += c.width * m_body.width();
    }
    // Header rows may wrap (two lines at most).
    const QFontMetricsF bfm(bold, m_writer.get());
    double headerHeight = rowHeight;
    for (std::size_t i = 0; i < columns.size(); ++i)
        headerHeight = std::max(headerHeight,
            std::min(2 * bfm.height(),
                bfm.boundingRect(QRectF(0, 0, cells[i].width() - 2 * pad, 1e6), Qt::TextWordWrap, columns[i].header).height())
                + 2 * pad);
    auto drawHeader = [&] {
        m_painter.setFont(bold);
        m_painter.fillRect(QRectF(0, m_y, m_body.width(), headerHeight), QColor(0xdd, 0xe6, 0xf0));
        for (std::size_t i = 0; i < columns.size(); ++i)
            m_painter.drawText(QRectF(cells[i].x() + pad, m_y + pad, cells[i].width() - 2 * pad, headerHeight - 2 * pad),
                int(columns[i].align | Qt::AlignVCenter) | Qt::TextWordWrap, columns[i].header);
        m_y += headerHeight;
    };
    ensure(headerHeight + 3 * rowHeight);
    drawHeader();
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const bool strong = r < emphasised.size() && emphasised[r];
        const QFontMetricsF &metrics = strong ? bfm : fm;
        double height = rowHeight;
        for (std::size_t i = 0; i < columns.size() && i < std::size_t(rows[r].size()); ++i)
            if (columns[i].wrap)
                height = std::max(height,
                    metrics.boundingRect(QRectF(0, 0, cells[i].width() - 2 * pad, 1e6), Qt::TextWordWrap, rows[r].at(int(i)))
                            .height()
                        + 2 * pad);
        if (m_y + height > m_body.height()) {
            newPage();
            drawHeader();
        }
        m_painter.setFont(strong ? bold : f);
        if (r % 2 == 1)
            m_painter.fillRect(QRectF(0, m_y, m_body.width(), height), QColor(0xf4, 0xf6, 0xf8));
        for (std::size_t i = 0; i < columns.size() && i < std::size_t(rows[r].size()); ++i) {
            const QRectF cell(cells[i].x() + pad, m_y, cells[i].width() - 2 * pad, height);
            if (columns[i].wrap) {
                m_painter.drawText(cell.adjusted(0, pad, 0, -pad), int(columns[i].align | Qt::AlignVCenter) | Qt::TextWordWrap,
                    rows[r].at(int(i)));
            } else {
                const QString text = metrics.elidedText(rows[r].at(int(i)), Qt::ElideRight, cell.width());
                m_painter.drawText(cell, int(columns[i].align | Qt::AlignVCenter), text);
            }
        }
        m_y += height;
    }
    m_painter.setPen(QColor(0x99, 0x99, 0x99));
    m_painter.drawLine(QPointF(0, m_y), QPointF(m_body.width(), m_y));
    m_painter.setPen(Qt::black);
    m_painter.setFont(m_base);
    m_y += mm(3);
}

void PdfDocument::chart(QChart *chart, const QSize &logicalSize, double maxHeightMm)
{
    double width = m_body.width();
    double height = width * logicalSize.height() / logicalSize.width();
    const double cap = maxHeightMm > 0 ? mm(maxHeightMm) : m_body.height();
    if (height > cap) {
        height = cap;
        width = height * logicalSize.width() / logicalSize.height();
    }
    if (m_y + height > m_body.height()) {
        // Shrink into the rest of the page when at least half of it fits; else a new page.
        const double rest = m_body.height() - m_y;
        if (rest >= height * 0.6) {
            height = rest;
            width = height * logicalSize.width() / logicalSize.height();
        } else {
            newPage();
        }
    }
    const QRectF target((m_body.width() - width) / 2, m_y, width, height);
    charts::renderChart(chart, &m_painter, target, logicalSize);
    m_y += height + mm(3);
}

} // namespace kopru::report
