// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <map>
#include <vector>

namespace kopru {

// Köprü's one proxy for searching, filtering and sorting any table model with
// Turkish rules:
// - the search text is split into words; each word must occur in the row's key
//   (searchKeyRole of column 0; when the source has no such role, the folded
//   display texts of all columns). A word typed with Turkish letters matches
//   exactly after Turkish case folding (TurkishText::searchKey): "ışık" and
//   "IŞIK" find "Işık", "ırmak" does not find "Irmak" written "İrmak". A word
//   typed in plain ASCII — a coordinator on an English keyboard — also matches
//   without diacritics (TurkishText::asciiKey): "Kilic" finds "Kılıç". When the
//   view is sorted, rows matching every word exactly come before such loose
//   matches;
// - equality filters on roles (field, province, centre ids, status…), an
//   invalid value meaning "All";
// - sorting by sortRole(): numbers numerically, text with TurkishText::compare,
//   empty values first, equal keys in source order.
//
// Large tables (issue #16, docs/benchmarks.md): a column's keys are read from
// the source once (a text kept as its collation key, TurkishText::sortKey),
// sorted once into a rank per source row, and a comparison while sorting is a
// comparison of two ranks. The ranks of every column sorted so far are kept;
// an edit (dataChanged) forgets the keys and ranks of the changed rows and
// columns only, added or removed rows forget all. The search keys of the rows
// (and their folded ASCII forms) are kept until their rows change; a search
// that only narrows the previous one (more letters typed) does not test
// again the rows that did not match. A new search or role filter re-filters
// and re-sorts in one pass with one layoutChanged, instead of one
// rowsRemoved/rowsInserted per run of rows leaving or coming back.
class TurkishFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TurkishFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    void setSearchKeyRole(int role);

    // Keep only rows whose `role` (read from column 0) equals `value`;
    // an invalid `value` removes the filter.
    void setRoleFilter(int role, const QVariant &value);
    QVariant roleFilter(int role) const { return m_roleFilters.value(role); }
    void clearRoleFilters();

    // Whether a source row matches every search word exactly (not only
    // without diacritics); true when there is no search text.
    bool isExactMatch(int sourceRow, const QModelIndex &sourceParent = {}) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    struct Word
    {
        QString exact; // TurkishText::searchKey
        QString loose; // TurkishText::asciiKey, empty when the word has Turkish letters
    };
    enum class Match : char { Unknown, None, Loose, Exact };

    QString rowKey(int sourceRow, const QModelIndex &sourceParent) const;
    // rowKey() of a top-level source row, and its TurkishText::asciiKey,
    // kept in m_rowKeys.
    struct RowKey
    {
        QString key;
        QString ascii;
        bool known = false;
        bool asciiKnown = false;
    };
    RowKey &cachedRowKey(int sourceRow) const;
    void forgetSourceData();
    // dataChanged: forgets what was kept of the changed rows and columns only.
    void forgetChangedRows(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    // Re-filters and re-sorts every row with one layoutChanged.
    void refilter();
    Match match(int sourceRow, const QModelIndex &sourceParent) const;
    void forgetMatches();
    // A value of sortRole() as it sorts.
    struct SortKey
    {
        enum Kind : char { Empty, Number, Text };
        Kind kind = Empty;
        double number = 0;
        QString collationKey; // TurkishText::sortKey of a text
        QString key() const; // a number's too
        static SortKey of(const QVariant &value);
        static int compare(const SortKey &a, const SortKey &b);
    };
    // The sort keys of the top-level source rows in `column`: m_sortKeys,
    // filled for the whole column on first use.
    const std::vector<SortKey> &sortKeys(int column) const;
    // The rank of every top-level source row's sort key in `column` (equal
    // keys, equal ranks): from m_ranks, made on first use.
    const std::vector<int> &ranks(int column) const;

    QString m_searchText;
    std::vector<Word> m_words;
    bool m_anyLooseWord = false;
    int m_searchKeyRole;
    QMap<int, QVariant> m_roleFilters;
    // Match of each top-level source row for the current words, filled while
    // filtering and read while sorting; cleared whenever the words or the
    // source's rows change.
    mutable std::vector<Match> m_matches;
    // Search keys of the top-level source rows, filled as the filter needs
    // them; cleared whenever the source's data or rows change.
    mutable std::vector<RowKey> m_rowKeys;
    // sortRole() of every top-level source row in m_sortKeysColumn; empty
    // until a sort needs it, cleared whenever the source's data or rows change.
    mutable std::vector<SortKey> m_sortKeys;
    mutable int m_sortKeysColumn = -1;
    mutable int m_sortKeysRole = -1;
    // ranks() of each column sorted by so far, for sortRole() m_ranksRole;
    // a column's are dropped when its data or the source's rows change.
    mutable std::map<int, std::vector<int>> m_ranks;
    mutable int m_ranksRole = -1;
    // The ranks() last asked for (in m_ranks), for the comparisons of a sort.
    mutable const std::vector<int> *m_lastRanks = nullptr;
    mutable int m_lastRanksColumn = -1;
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace kopru
