// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/itemmodels/turkishfilterproxy.h"

#include "models/domain/turkishtext.h"
#include "models/itemmodels/roles.h"
#include "models/itemmodels/variantnumber.h"

#include <algorithm>
#include <numeric>

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
            connect(model, &QAbstractItemModel::dataChanged, this, &TurkishFilterProxy::forgetChangedRows),
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
    const std::vector<Word> previous = std::move(m_words);
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
    // A row that did not contain an earlier word does not contain a word that
    // contains it (typing on narrows the search): such rows stay out without
    // being tested again. An ASCII word's loose form grows with it too; a new
    // word with Turkish letters has none.
    const bool narrows = !previous.empty() && std::all_of(previous.begin(), previous.end(), [this](const Word &old) {
        return std::any_of(m_words.begin(), m_words.end(), [&old](const Word &w) {
            return w.exact.contains(old.exact) && (w.loose.isEmpty() || (!old.loose.isEmpty() && w.loose.contains(old.loose)));
        });
    });
    if (narrows) {
        for (Match &m : m_matches)
            if (m != Match::None)
                m = Match::Unknown;
    } else {
        forgetMatches();
    }
    // Filtered and (when the view is sorted, exact matches first) sorted again
    // in one pass; selected rows that stay keep their selection.
    refilter();
}

void TurkishFilterProxy::refilter()
{
    invalidate();
}

void TurkishFilterProxy::setSearchKeyRole(int role)
{
    m_searchKeyRole = role;
    forgetMatches();
    m_rowKeys.clear();
    refilter();
}

void TurkishFilterProxy::setRoleFilter(int role, const QVariant &value)
{
    if (value.isValid())
        m_roleFilters.insert(role, value);
    else
        m_roleFilters.remove(role);
    refilter();
}

void TurkishFilterProxy::clearRoleFilters()
{
    m_roleFilters.clear();
    refilter();
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
    m_ranks.clear();
    m_lastRanks = nullptr;
}

void TurkishFilterProxy::forgetChangedRows(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (topLeft.parent().isValid())
        return; // only top-level rows are kept
    const int first = topLeft.row(), last = bottomRight.row();
    if (first < 0 || last < first)
        return;
    // Many rows (a reload): making their keys again costs about what making
    // all of them does.
    if (last - first >= 1000) {
        forgetSourceData();
        return;
    }
    const QAbstractItemModel *source = sourceModel();
    for (int r = first; r <= last; ++r) {
        const std::size_t row = std::size_t(r);
        if (row < m_matches.size())
            m_matches[row] = Match::Unknown;
        if (row < m_rowKeys.size())
            m_rowKeys[row] = RowKey {};
        if (row < m_sortKeys.size() && m_sortKeysColumn >= topLeft.column() && m_sortKeysColumn <= bottomRight.column())
            m_sortKeys[row] = SortKey::of(source->index(r, m_sortKeysColumn).data(m_sortKeysRole));
    }
    // A column's ranks are made again, from its kept keys, when next needed.
    m_lastRanks = nullptr;
    for (auto it = m_ranks.begin(); it != m_ranks.end();)
        it = it->first >= topLeft.column() && it->first <= bottomRight.column() ? m_ranks.erase(it) : std::next(it);
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
            key.ascii = TurkishText::asciiKeyOfSearchKey(key.key);
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

const std::vector<TurkishFilterProxy::SortKey> &TurkishFilterProxy::sortKeys(int column) const
{
    // m_sortKeys is cleared whenever the source's rows change and updated
    // when its data does, so one that holds every row is current.
    const QAbstractItemModel *source = sourceModel();
    const std::size_t rows = std::size_t(source->rowCount());
    if (m_sortKeysColumn != column || m_sortKeysRole != sortRole() || m_sortKeys.size() != rows) {
        m_sortKeys.clear();
        m_sortKeys.reserve(rows);
        for (int r = 0; r < int(rows); ++r)
            m_sortKeys.push_back(SortKey::of(source->index(r, column).data(sortRole())));
        m_sortKeysColumn = column;
        m_sortKeysRole = sortRole();
    }
    return m_sortKeys;
}

const std::vector<int> &TurkishFilterProxy::ranks(int column) const
{
    if (m_ranksRole != sortRole()) {
        m_ranks.clear();
        m_ranksRole = sortRole();
        m_lastRanks = nullptr;
    }
    if (m_lastRanks && m_lastRanksColumn == column)
        return *m_lastRanks; // still current: changes of the source reset m_lastRanks
    const std::size_t rows = std::size_t(sourceModel()->rowCount());
    std::vector<int> &rank = m_ranks[column];
    m_lastRanks = &rank;
    m_lastRanksColumn = column;
    if (rank.size() == rows)
        return rank;
    const std::vector<SortKey> &keys = sortKeys(column);
    std::vector<int> order(rows);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&keys](int a, int b) {
        const int c = SortKey::compare(keys[std::size_t(a)], keys[std::size_t(b)]);
        return c != 0 ? c < 0 : a < b;
    });
    rank.assign(rows, 0);
    int current = 0;
    for (std::size_t i = 0; i < rows; ++i) {
        if (i > 0 && SortKey::compare(keys[std::size_t(order[i - 1])], keys[std::size_t(order[i])]) != 0)
            ++current;
        rank[std::size_t(order[i])] = current;
    }
    return rank;
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
    if (left.column() == right.column() && !left.parent().isValid() && !right.parent().isValid()) {
        const std::vector<int> &rank = ranks(left.column());
        const int a = rank[std::size_t(left.row())], b = rank[std::size_t(right.row())];
        if (a != b)
            return a < b;
    } else if (const int c = SortKey::compare(SortKey::of(left.data(sortRole())), SortKey::of(right.data(sortRole()))); c != 0) {
        return c < 0;
    }
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
