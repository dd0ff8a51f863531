// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/printing/printpreview.h"

#include "models/document/documentpainter.h"

#include <QCoreApplication>
#include <QPrintPreviewDialog>
#include <QPrinter>

namespace kopru {

Status showPrintPreview(const document::Document &doc, QWidget *parent)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(document::DocumentPainter::pageLayout(doc));
    printer.setDocName(doc.title);
    QPrintPreviewDialog preview(&printer, parent);
    preview.setWindowTitle(QCoreApplication::translate("Print", "Print preview — %1").arg(doc.title));
    Status result;
    QObject::connect(&preview, &QPrintPreviewDialog::paintRequested, &preview, [&doc, &result](QPrinter *p) {
        if (const auto painted = document::DocumentPainter(doc).paint(p); !painted)
            result = painted.error();
    });
    preview.resize(1100, 760);
    preview.exec();
    return result;
}

} // namespace kopru
