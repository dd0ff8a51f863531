// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace kopru {

// Whole numbers with the locale's digit grouping ("4.275" in Turkish,
// "4,275" in English): Qt's item views format numbers without it
// (QAbstractItemView sets QLocale::OmitGroupSeparator on the item's locale),
// so a model's plain int showed "4275" beside "100.000" on a card (issue #18).
// Everything else is shown as QStyledItemDelegate shows it.
class NumberDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit NumberDelegate(QObject *parent = nullptr);

    QString displayText(const QVariant &value, const QLocale &locale) const override;

    // The text of `value` with digit grouping when it is a whole number; a
    // null QString for anything else.
    static QString groupedText(const QVariant &value, const QLocale &locale);
};

} // namespace kopru
