// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/export/pdfexport.h"

#include "models/export/heapgrowthscope.h"
#include "models/export/reportpainter.h"
#include "models/io/privatefile.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QMarginsF>
#include <QPageSize>
#include <QPdfWriter>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace kopru::exporting {

namespace {

// QPdfEngine compresses each finished page through two 16 MiB buffers
// (QPdfEnginePrivate::writeCompressed: chunk size 0x1000000), allocated and
// freed once per page. Above glibc's mmap threshold (128 KiB, fixed while a
// HeapGrowthScope is active) each one is a fresh mmap: 784 mmap/munmap pairs
// and their page faults for the national plan's 392 pages. With the
// threshold above 16 MiB they come from the heap, which HeapGrowthScope keeps
// from trimming, and are reused page after page.
class PageBufferScope
{
public:
    PageBufferScope()
    {
#if defined(__GLIBC__)
        if (s_depth++ == 0)
            mallopt(M_MMAP_THRESHOLD, kLarge);
#endif
    }
    ~PageBufferScope()
    {
#if defined(__GLIBC__)
        if (--s_depth == 0)
            mallopt(M_MMAP_THRESHOLD, kDefault);
#endif
    }
    PageBufferScope(const PageBufferScope &) = delete;
    PageBufferScope &operator=(const PageBufferScope &) = delete;

private:
    static constexpr int kLarge = 32 * 1024 * 1024; // glibc's maximum on 64-bit
    static constexpr int kDefault = 128 * 1024; // glibc's documented default
    static inline int s_depth = 0; // PDFs are written on the GUI thread only
};

} // namespace

Expected<int> writePdf(const ReportDocument &doc, const QString &path, QPageLayout::Orientation orientation)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return Error { QCoreApplication::translate("Export", "PDF output needs a graphical application object"), path, 0, 0 };
    // Personal data: 0600 under a temporary name, renamed when complete.
    PrivateFile file(path);
    if (Status s = file.open(); !s)
        return s.error();
    int pages = 0;
    {
        const HeapGrowthScope heap;
        const PageBufferScope pageBuffers;
        QPdfWriter writer(&file.device());
        writer.setResolution(300);
        writer.setTitle(doc.title);
        writer.setCreator(QStringLiteral("Köprü %1").arg(QStringLiteral(KOPRU_VERSION)));
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4), orientation, QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
        auto painted = ReportPainter(doc).paint(&writer);
        if (!painted)
            return Error { painted.error().message, path, 0, 0 };
        pages = painted.value();
    }
    if (Status s = file.commit(); !s)
        return s.error();
    return pages;
}

} // namespace kopru::exporting
