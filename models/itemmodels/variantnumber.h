// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVariant>

namespace kopru {

// Whether a value of an item model holds a number (integer or floating point),
// as opposed to text, a date or a bool.
inline bool isNumber(const QVariant &v)
{
    switch (v.userType()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
        return true;
    default:
        return false;
    }
}

} // namespace kopru
