// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/delegates/numberdelegate.h"

namespace kopru {

NumberDelegate::NumberDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QString NumberDelegate::groupedText(const QVariant &value, const QLocale &locale)
{
    QLocale grouped = locale;
    grouped.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    switch (value.userType()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::Long:
        return grouped.toString(value.toLongLong());
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
    case QMetaType::ULong:
        return grouped.toString(value.toULongLong());
    default:
        return {};
    }
}

QString NumberDelegate::displayText(const QVariant &value, const QLocale &locale) const
{
    const QString grouped = groupedText(value, locale);
    return grouped.isNull() ? QStyledItemDelegate::displayText(value, locale) : grouped;
}

} // namespace kopru
