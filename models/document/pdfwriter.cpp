// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/document/pdfwriter.h"

#include "models/document/documentpainter.h"
#include "models/io/privatefile.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QPdfWriter>

namespace kopru::document {

Expected<int> writePdf(const Document &doc, const QString &path)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Error { QCoreApplication::translate("Export", "PDF output needs a graphical application object"), path, 0, 0 };
    PrivateFile file(path);
    if (Status s = file.open(); !s)
        return s.error();
    Expected<int> pages = 0;
    {
        QPdfWriter writer(&file.device());
        writer.setResolution(300);
        writer.setTitle(doc.title);
        writer.setCreator(QStringLiteral("Köprü %1").arg(QStringLiteral(KOPRU_VERSION)));
        writer.setPageLayout(DocumentPainter::pageLayout(doc));
        pages = DocumentPainter(doc).paint(&writer);
    } // the writer finishes the file here
    if (!pages)
        return Error { pages.error().message, path, 0, 0 };
    if (Status s = file.commit(); !s)
        return s.error();
    return pages;
}

} // namespace kopru::document
