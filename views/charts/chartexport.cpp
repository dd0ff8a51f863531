// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/charts/chartexport.h"

#include <QChart>
#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QImage>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QSaveFile>
#include <memory>

namespace kopru::charts {

namespace {

QPageLayout::Orientation orientationFor(const QSize &size)
{
    return size.width() > size.height() ? QPageLayout::Landscape : QPageLayout::Portrait;
}

QRectF fitted(const QRectF &target, const QSize &size)
{
    QSizeF s(size);
    s.scale(target.size(), Qt::KeepAspectRatio);
    return QRectF(target.topLeft(), s);
}

} // namespace

void renderChart(QChart *chart, QPainter *painter, const QRectF &target, const QSize &logicalSize)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    // A scene of its own, never shown: the scene owns the chart from here on.
    QGraphicsScene scene;
    scene.addItem(chart);
    const QRectF area(QPointF(0, 0), QSizeF(logicalSize));
    chart->setGeometry(area);
    scene.setSceneRect(area);
    // Axes and series are placed through posted layout events: deliver them.
    chart->layout()->activate();
    QCoreApplication::sendPostedEvents();
    const bool antialiasing = painter->testRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::Antialiasing);
    scene.render(painter, fitted(target, logicalSize), area);
    painter->setRenderHint(QPainter::Antialiasing, antialiasing);
}

Status saveChartPng(QChart *chart, const QString &path, const QSize &logicalSize)
{
    QImage image(logicalSize * 2, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderChart(chart, &painter, QRectF(QPointF(0, 0), QSizeF(image.size())), logicalSize);
    }
    // Complete or not at all (aggregates only: no personal data, the usual permissions).
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        return Error { QCoreApplication::translate("ChartExport", "cannot write the image"), path, 0, 0 };
    return {};
}

Status saveChartPdf(QChart *chart, const QString &path, const QSize &logicalSize, const QString &documentTitle)
{
    std::unique_ptr<QChart> owned(chart);
    // Complete or not at all (aggregates only: no personal data, the usual permissions).
    QSaveFile file(path);
    const Error failed { QCoreApplication::translate("ChartExport", "cannot write the PDF file"), path, 0, 0 };
    if (!file.open(QIODevice::WriteOnly))
        return failed;
    {
        QPdfWriter writer(&file);
        writer.setTitle(documentTitle);
        writer.setCreator(QStringLiteral("Köprü"));
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(
            QPageSize(QPageSize::A4), orientationFor(logicalSize), QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
        QPainter painter;
        if (!painter.begin(&writer))
            return failed;
        renderChart(owned.release(), &painter,
            QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
                .translated(-writer.pageLayout().paintRectPixels(writer.resolution()).topLeft()),
            logicalSize);
        if (!painter.end())
            return failed;
    }
    if (!file.commit())
        return failed;
    return {};
}

void printChart(const ChartFactory &factory, const QSize &logicalSize, QWidget *parent)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(
        QPageLayout(QPageSize(QPageSize::A4), orientationFor(logicalSize), QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(QCoreApplication::translate("ChartExport", "Print chart"));
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog, [&](QPrinter *p) {
        QPainter painter(p);
        renderChart(
            factory(), &painter, QRectF(QPointF(0, 0), p->pageLayout().paintRectPixels(p->resolution()).size()), logicalSize);
    });
    dialog.exec();
}

} // namespace kopru::charts
