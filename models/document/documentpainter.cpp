// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/document/documentpainter.h"

#include "models/document/documentlayout.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>

namespace kopru::document {

namespace {

// The header band and the footer of page `index` (0-based) of `count`.
void paintFrame(
    QPainter &painter, const Document &doc, const DocumentLayout &layout, const LaidOutPage &page, int index, int count)
{
    const double w = layout.width();
    const Fonts &fonts = layout.fonts();
    painter.setPen(Qt::black);
    if (doc.pageHeader) {
        const double band = layout.headerHeight();
        painter.setFont(fonts[FontRole::BandTitle]);
        painter.drawText(QRectF(0, 0, w * 0.45, band), Qt::AlignLeft | Qt::AlignVCenter, doc.title);
        painter.setFont(fonts[FontRole::Band]);
        painter.drawText(QRectF(w * 0.3, 0, w * 0.55, band), Qt::AlignHCenter | Qt::AlignVCenter, page.section);
        painter.drawText(QRectF(w * 0.85, 0, w * 0.15, band), Qt::AlignRight | Qt::AlignVCenter,
            doc.date.toString(QStringLiteral("dd.MM.yyyy")));
        painter.setPen(QPen(colours::bandRule, layout.mm(0.3)));
        painter.drawLine(QPointF(0, band + layout.mm(1)), QPointF(w, band + layout.mm(1)));
        painter.setPen(Qt::black);
    }
    if (doc.frameMm > 0) {
        const double out = layout.mm(doc.frameMm), gap = layout.mm(1.2);
        const QRectF page(-out, -out, w + 2 * out, layout.pageHeight() + 2 * out);
        painter.setPen(QPen(colours::heading, layout.mm(0.8)));
        painter.drawRect(page);
        painter.setPen(QPen(colours::heading, layout.mm(0.25)));
        painter.drawRect(page.adjusted(gap, gap, -gap, -gap));
        painter.setPen(Qt::black);
    }
    const double footer = layout.footerHeight();
    const double top = layout.pageHeight() - footer;
    painter.setFont(fonts[FontRole::Band]);
    const double note = doc.pageNumbers ? w * 0.8 : w;
    painter.drawText(QRectF(0, top, note, footer), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(fonts[FontRole::Band], painter.device()).elidedText(page.footerNote, Qt::ElideRight, note));
    if (doc.pageNumbers)
        painter.drawText(QRectF(w * 0.8, top, w * 0.2, footer), Qt::AlignRight | Qt::AlignVCenter,
            QCoreApplication::translate("Export", "Page %1/%2").arg(index + 1).arg(count));
}

void paintOp(QPainter &painter, const PageOp &op, const ChartPainter &charts)
{
    switch (op.kind) {
    case PageOp::Kind::Fill:
        painter.fillRect(op.rect, op.colour);
        break;
    case PageOp::Kind::Line:
        painter.setPen(QPen(op.colour, op.lineWidth));
        painter.drawLine(op.rect.topLeft(), op.rect.topRight());
        break;
    case PageOp::Kind::Text:
        painter.setPen(op.colour);
        if (op.clip) {
            painter.save();
            painter.setClipRect(op.rect);
        }
        for (const QGlyphRun &run : op.text->runs)
            painter.drawGlyphRun(op.origin, run);
        if (op.clip)
            painter.restore();
        break;
    case PageOp::Kind::Chart:
        charts.paint(painter, *op.chart, op.rect);
        break;
    case PageOp::Kind::Image:
        painter.save();
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(op.rect, *op.image);
        painter.restore();
        break;
    }
}

} // namespace

QPageLayout DocumentPainter::pageLayout(const Document &doc)
{
    const double m = doc.marginMm;
    return QPageLayout(QPageSize(QPageSize::A4), doc.orientation, QMarginsF(m, m, m, m), QPageLayout::Millimeter);
}

Expected<int> DocumentPainter::paint(QPagedPaintDevice *device) const
{
    DocumentLayout layout(m_doc, device);
    const std::vector<LaidOutPage> pages = layout.run();
    const ChartPainter charts(layout.fonts(), device);
    QPainter painter;
    if (!painter.begin(device))
        return Error { QCoreApplication::translate("Export", "cannot start painting the document"), {}, 0, 0 };
    for (std::size_t p = 0; p < pages.size(); ++p) {
        if (p > 0 && !device->newPage()) {
            painter.end();
            return Error { QCoreApplication::translate("Export", "cannot start a new page"), {}, 0, 0 };
        }
        paintFrame(painter, m_doc, layout, pages[p], int(p), int(pages.size()));
        for (const PageOp &op : pages[p].ops)
            paintOp(painter, op, charts);
    }
    if (!painter.end())
        return Error { QCoreApplication::translate("Export", "cannot finish the document"), {}, 0, 0 };
    return int(pages.size());
}

} // namespace kopru::document
