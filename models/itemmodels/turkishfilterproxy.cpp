// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/turkishfilterproxy.h"

#include "models/domain/turkishtext.h"
#include "models/itemmodels/roles.h"
#include "models/itemmodels/variantnumber.h"

namespace kopru {

namespace {

// Sorting compares bools (check boxes) as the numbers 0 and 1.
bool sortsAsNumber(const QVariant &v)
{
    return isNumber(v) || v.userType() == QMetaType::Bool;
}

bool isPlainAscii(QStringView s)
{
    for (QChar c : s)
        if (c.unicode() > 0x7f)
            return false;
    return true;
}

} // namespace

TurkishFilterProxy::TurkishFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_searchKeyRole(SearchKeyRole)
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
}

void TurkishFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_sourceConnections))
        disconnect(c);
    m_sourceConnections.clear();
    // Connected before QSortFilterProxyModel's own handlers, so that the
    // cached matches (indexed by source row) are gone before it re-filters.
    if (model) {
        const auto forget = [this] { forgetSourceData(); };
        m_sourceConnections = {
            connect(model, &QAbstractItemModel::rowsInserted, this, forget),
            connect(model, &QAbstractItemModel::rowsRemoved, this, forget),
            connect(model, &QAbstractItemModel::rowsMoved, this, forget),
            connect(model, &QAbstractItemModel::modelReset, this, forget),
            connect(model, &QAbstractItemModel::layoutChanged, this, forget),
            connect(model, &QAbstractItemModel::dataChanged, this, forget),
        };
    }
    forgetSourceData();
    QSortFilterProxyModel::setSourceModel(model);
}

void TurkishFilterProxy::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    const bool hadLooseWord = m_anyLooseWord;
    m_words.clear();
    m_anyLooseWord = false;
    for (const QString &typed : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        Word w { TurkishText::searchKey(typed), {} };
        if (isPlainAscii(typed)) {
            w.loose = TurkishText::asciiKey(typed);
            m_anyLooseWord = true;
        }
        m_words.push_back(std::move(w));
    }
    const bool rankingChanges = m_anyLooseWord || hadLooseWord;
    forgetMatches();
    // Filter first (rows leave with rowsRemoved, so selections follow them),
    // then re-sort the rows kept when exact matches are to come first.
    invalidateFilter();
    if (rankingChanges && sortColumn() >= 0)
        sort(sortColumn(), sortOrder());
}

void TurkishFilterProxy::setSearchKeyRole(int role)
{
    m_searchKeyRole = role;
    forgetMatches();
    m_rowKeys.clear();
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

void TurkishFilterProxy::forgetMatches()
{
    m_matches.clear();
}

void TurkishFilterProxy::forgetSourceData()
{
    forgetMatches();
    m_rowKeys.clear();
    m_sortKeys.clear();
}

TurkishFilterProxy::RowKey &TurkishFilterProxy::cachedRowKey(int sourceRow) const
{
    if (m_rowKeys.size() <= std::size_t(sourceRow))
        m_rowKeys.resize(std::max(std::size_t(sourceModel()->rowCount()), std::size_t(sourceRow) + 1));
    RowKey &k = m_rowKeys[std::size_t(sourceRow)];
    if (!k.known) {
        k.key = rowKey(sourceRow, {});
        k.known = true;
    }
    return k;
}

QString TurkishFilterProxy::rowKey(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    QString key = model->data(model->index(sourceRow, 0, sourceParent), m_searchKeyRole).toString();
    if (!key.isEmpty())
        return key;
    QString all;
    for (int c = 0; c < model->columnCount(sourceParent); ++c)
        all += model->data(model->index(sourceRow, c, sourceParent), Qt::DisplayRole).toString() + QLatin1Char(' ');
    return TurkishText::searchKey(all);
}

TurkishFilterProxy::Match TurkishFilterProxy::match(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.empty())
        return Match::Exact;
    const bool cacheable = !sourceParent.isValid() && sourceRow >= 0;
    if (cacheable && std::size_t(sourceRow) < m_matches.size() && m_matches[sourceRow] != Match::Unknown)
        return m_matches[sourceRow];

    // Top-level rows keep their keys; a child row's are made each time.
    RowKey uncached;
    RowKey &key = cacheable ? cachedRowKey(sourceRow) : uncached;
    if (!key.known) {
        key.key = rowKey(sourceRow, sourceParent);
        key.known = true;
    }
    Match result = Match::Exact;
    for (const Word &word : m_words) {
        if (key.key.contains(word.exact))
            continue;
        if (word.loose.isEmpty()) {
            result = Match::None;
            break;
        }
        if (!key.asciiKnown) { // made only when a word needs it
            key.ascii = TurkishText::asciiKey(key.key);
            key.asciiKnown = true;
        }
        if (!key.ascii.contains(word.loose)) {
            result = Match::None;
            break;
        }
        result = Match::Loose;
    }
    if (cacheable) {
        if (m_matches.size() <= std::size_t(sourceRow))
            m_matches.resize(
                std::size_t(sourceModel()->rowCount()) > std::size_t(sourceRow) ? sourceModel()->rowCount() : sourceRow + 1,
                Match::Unknown);
        m_matches[sourceRow] = result;
    }
    return result;
}

bool TurkishFilterProxy::isExactMatch(int sourceRow, const QModelIndex &sourceParent) const
{
    return match(sourceRow, sourceParent) == Match::Exact;
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
    return match(sourceRow, sourceParent) != Match::None;
}

TurkishFilterProxy::SortKey TurkishFilterProxy::SortKey::of(const QVariant &v)
{
    SortKey key;
    if (v.isNull() || (v.userType() == QMetaType::QString && v.toString().isEmpty()))
        key.kind = Empty;
    else if (sortsAsNumber(v)) {
        key.kind = Number;
        key.number = v.toDouble();
    } else {
        key.kind = Text;
        key.collationKey = TurkishText::sortKey(v.toString());
    }
    return key;
}

QString TurkishFilterProxy::SortKey::key() const
{
    return kind == Number ? TurkishText::sortKey(QString::number(number)) : collationKey;
}

const TurkishFilterProxy::SortKey &TurkishFilterProxy::sortKey(int sourceRow, int column) const
{
    // m_sortKeys is cleared whenever the source's rows or data change, so
    // one that holds this row is current.
    if (m_sortKeysColumn != column || m_sortKeysRole != sortRole() || m_sortKeys.size() <= std::size_t(sourceRow)) {
        const QAbstractItemModel *source = sourceModel();
        m_sortKeys.clear();
        m_sortKeys.reserve(std::size_t(source->rowCount()));
        for (int r = 0; r < source->rowCount(); ++r)
            m_sortKeys.push_back(SortKey::of(source->index(r, column).data(sortRole())));
        m_sortKeysColumn = column;
        m_sortKeysRole = sortRole();
    }
    return m_sortKeys[std::size_t(sourceRow)];
}

bool TurkishFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_anyLooseWord) {
        const bool exactLeft = isExactMatch(left.row(), left.parent());
        const bool exactRight = isExactMatch(right.row(), right.parent());
        // Exact matches first in either sort order (a descending sort swaps
        // the arguments of lessThan).
        if (exactLeft != exactRight)
            return sortOrder() == Qt::AscendingOrder ? exactLeft : exactRight;
    }
    int c = 0;
    if (!left.parent().isValid() && !right.parent().isValid() && left.column() == right.column())
        c = SortKey::compare(sortKey(left.row(), left.column()), sortKey(right.row(), right.column()));
    else
        c = SortKey::compare(SortKey::of(left.data(sortRole())), SortKey::of(right.data(sortRole())));
    if (c != 0)
        return c < 0;
    return left.row() < right.row(); // stable for equal keys
}

int TurkishFilterProxy::SortKey::compare(const SortKey &a, const SortKey &b)
{
    // Empty values first; numbers numerically; text (or a number beside a text) with Turkish collation.
    if (a.kind == Empty || b.kind == Empty)
        return a.kind == b.kind ? 0 : a.kind == Empty ? -1 : 1;
    if (a.kind == Number && b.kind == Number)
        return a.number < b.number ? -1 : b.number < a.number ? 1 : 0;
    if (a.kind == Text && b.kind == Text)
        return TurkishText::compareKeys(a.collationKey, b.collationKey);
    return TurkishText::compareKeys(a.key(), b.key());
}

} // namespace kopru
