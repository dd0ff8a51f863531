// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/pages/compactcombo.h"

#include "models/domain/turkishtext.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QSqlQuery>
#include <algorithm>
#include <utility>
#include <vector>

namespace kopru {

void makeCompact(QComboBox *combo, int characters)
{
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(characters);
    combo->view()->setTextElideMode(Qt::ElideNone);
}

void addInTurkishOrder(QComboBox *combo, QSqlQuery &query)
{
    std::vector<std::pair<QString, QVariant>> items;
    while (query.next())
        items.emplace_back(query.value(1).toString(), query.value(0));
    std::stable_sort(
        items.begin(), items.end(), [](const auto &a, const auto &b) { return TurkishText::compare(a.first, b.first) < 0; });
    for (const auto &[text, data] : items)
        combo->addItem(text, data);
}

} // namespace kopru
