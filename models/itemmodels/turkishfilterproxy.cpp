// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/turkishfilterproxy.h"

#include "models/domain/turkishtext.h"
#include "models/itemmodels/roles.h"

namespace kopru {

namespace {

bool isNumber(const QVariant &v)
{
    switch (v.userType()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::Bool:
        return true;
    default:
        return false;
    }
}

} // namespace

TurkishFilterProxy::TurkishFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_searchKeyRole(SearchKeyRole)
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
}

void TurkishFilterProxy::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_words = TurkishText::searchKey(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

void TurkishFilterProxy::setSearchKeyRole(int role)
{
    m_searchKeyRole = role;
    invalidateFilter();
}

void TurkishFilterProxy::setRoleFilter(int role, const QVariant &value)
{
    if (value.isValid())
        m_roleFilters.insert(role, value);
    else
        m_roleFilters.remove(role);
    invalidateFilter();
}

void TurkishFilterProxy::clearRoleFilters()
{
    m_roleFilters.clear();
    invalidateFilter();
}

bool TurkishFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    for (auto it = m_roleFilters.cbegin(); it != m_roleFilters.cend(); ++it) {
        const QVariant v = model->data(first, it.key());
        if (!v.isValid() || v.toString() != it.value().toString())
            return false;
    }
    if (m_words.isEmpty())
        return true;
    QString key = model->data(first, m_searchKeyRole).toString();
    if (key.isEmpty()) {
        QString all;
        for (int c = 0; c < model->columnCount(sourceParent); ++c)
            all += model->data(model->index(sourceRow, c, sourceParent), Qt::DisplayRole).toString() + QLatin1Char(' ');
        key = TurkishText::searchKey(all);
    }
    for (const QString &word : m_words)
        if (!key.contains(word))
            return false;
    return true;
}

bool TurkishFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    const bool aEmpty = a.isNull() || (a.userType() == QMetaType::QString && a.toString().isEmpty());
    const bool bEmpty = b.isNull() || (b.userType() == QMetaType::QString && b.toString().isEmpty());
    if (aEmpty || bEmpty)
        return aEmpty && !bEmpty;
    if (isNumber(a) && isNumber(b))
        return a.toDouble() < b.toDouble();
    const int c = TurkishText::compare(a.toString(), b.toString());
    if (c != 0)
        return c < 0;
    return left.row() < right.row(); // stable for equal keys
}

} // namespace kopru
