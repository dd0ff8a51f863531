// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace kopru {

// Search, filters and sorting with Turkish rules, for any table model:
// - the search text is folded with TurkishText::searchKey and each of its words
//   must occur in the row's key (searchKeyRole of column 0; when the source has
//   no such role, the folded display texts of all columns), so "ışık" finds
//   "IŞIK" and "istanbul" finds "İSTANBUL" but "isik" does not find "IŞIK";
// - equality filters on roles (field, province, centre ids…), an invalid value
//   meaning "All";
// - sorting by sortRole(): numbers numerically, text with TurkishText::compare,
//   empty values first.
class TurkishFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TurkishFilterProxy(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    void setSearchKeyRole(int role);

    // Keep only rows whose `role` (read from column 0) equals `value`;
    // an invalid `value` removes the filter.
    void setRoleFilter(int role, const QVariant &value);
    QVariant roleFilter(int role) const { return m_roleFilters.value(role); }
    void clearRoleFilters();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_searchText;
    QStringList m_words; // folded
    int m_searchKeyRole;
    QMap<int, QVariant> m_roleFilters;
};

} // namespace kopru
