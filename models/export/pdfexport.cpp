// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/pdfexport.h"

#include "export/heapgrowthscope.h"
#include "export/reportpainter.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QMarginsF>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>

namespace kopru::exporting {

Expected<int> writePdf(const ReportDocument &doc, const QString &path, QPageLayout::Orientation orientation)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Error{QCoreApplication::translate("Export", "PDF output needs a graphical application object"), path, 0, 0};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QCoreApplication::translate("Export", "cannot write the file: %1").arg(file.errorString()), path, 0, 0};
    int pages = 0;
    {
        const HeapGrowthScope heap;
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setTitle(doc.title);
        writer.setCreator(QStringLiteral("Köprü %1").arg(QStringLiteral(KOPRU_VERSION)));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), orientation, QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
        auto painted = ReportPainter(doc).paint(&writer);
        if (!painted) {
            file.cancelWriting();
            return Error{painted.error().message, path, 0, 0};
        }
        pages = painted.value();
    }
    if (!file.commit())
        return Error{QCoreApplication::translate("Export", "cannot write the file: %1").arg(file.errorString()), path, 0, 0};
    return pages;
}

} // namespace kopru::exporting
