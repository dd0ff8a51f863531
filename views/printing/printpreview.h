// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/document/document.h"

class QWidget;

namespace kopru {

// Shows `doc` in Qt's print preview (page set-up, printer choice, printing),
// painted by the document engine like its PDF. An error of the painting (the
// printer cannot start a page) is returned once the preview is closed.
Status showPrintPreview(const document::Document &doc, QWidget *parent);

} // namespace kopru
