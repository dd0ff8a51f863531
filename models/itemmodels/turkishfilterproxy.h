// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QSortFilterProxyModel>
#include <QStringList>
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
//   empty values first, equal keys in source order. The keys of a column are
//   read from the source once per sort, not twice per comparison (sorting
//   100,000 teachers made ~3.4 million data() calls, 1.3 s), and a text is
//   kept as its collation key (TurkishText::sortKey), so that a comparison
//   is a plain comparison of code units (docs/benchmarks.md, issue #16).
//   The search keys of the rows (and their folded ASCII forms) are kept too,
//   until the source changes.
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
    // The sort key of a top-level source row in `column`, from m_sortKeys
    // (filled for the whole column on first use).
    const SortKey &sortKey(int sourceRow, int column) const;

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
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace kopru
