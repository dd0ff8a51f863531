// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/itemmodels/roles.h"

#include <QCoreApplication>

namespace kopru {

// One column of an entity table: its header (English source text, translated
// in the context "EntityColumns"; mark literals with QT_TRANSLATE_NOOP), the
// database column it edits, and the rules its values follow.
struct ColumnSpec
{
    const char *header;
    const char *dbColumn; // column of the model's table; for ReadOnly: the selected expression's alias
    ValueKind kind;
    bool required = false;
    int minimum = 0;
    int maximum = 0;

    QString title() const { return QCoreApplication::translate("EntityColumns", header); }
    bool editable() const { return kind != ValueKind::ReadOnly && kind != ValueKind::School; }
    bool numeric() const { return kind == ValueKind::Integer || kind == ValueKind::Rating; }
};

} // namespace kopru
