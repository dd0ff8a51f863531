// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/document/document.h"

namespace kopru::document {

// Writes `doc` as a PDF file (A4, its orientation and margins) with
// QPdfWriter and DocumentPainter, through PrivateFile: readable by its owner
// only, complete or not there at all (on an error `path` is left as it was).
// Needs a QGuiApplication (fonts). Returns the page count.
Expected<int> writePdf(const Document &doc, const QString &path);

} // namespace kopru::document
