// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace kopru {

// Tells item models which rows an undo command changed, so that every model
// showing the table reloads just those rows (edits, inserts, deletes and their
// undo/redo all arrive here). One instance per process.
class ChangeNotifier final : public QObject
{
    Q_OBJECT
public:
    static ChangeNotifier *instance();

    // Rows `ids` of `table` were inserted, changed or deleted.
    void notify(const QString &table, const QList<int> &ids) { emit rowsChanged(table, ids); }
    // Many rows of `table` changed (or the table of a detail): reload all.
    void notifyAll(const QString &table) { emit tableChanged(table); }
    // An undo or redo could not be carried out (the reason, translated).
    void reportFailure(const QString &reason) { emit failed(reason); }
    // A change was refused because a row of `table` changed since the user saw
    // it (another user, program or window): `reason` says who and when; the
    // views may offer to reload the table (notifyAll).
    void reportStale(const QString &table, const QString &reason) { emit staleRefused(table, reason); }

    // What other users (sessions) changed on a server database, gathered by
    // ChangeListener: rowsChanged for each table of `rows`, tableChanged for
    // each of `tables` (the item models reload as for an edit here), then
    // othersChanged once, naming every table. While these signals are
    // emitted, isDeliveringOthers() is true: a page that passes this window's
    // own changes on to the other pages (PageWiring::forwardChanges) can tell
    // them apart.
    void notifyOthers(const QHash<QString, QList<int>> &rows, const QStringList &tables);
    bool isDeliveringOthers() const { return m_deliveringOthers; }

signals:
    void rowsChanged(const QString &table, const QList<int> &ids);
    void tableChanged(const QString &table);
    void failed(const QString &reason);
    void staleRefused(const QString &table, const QString &reason);
    // Other users changed these tables (after their rowsChanged/tableChanged).
    void othersChanged(const QStringList &tables);

private:
    ChangeNotifier() = default;

    bool m_deliveringOthers = false;
};

} // namespace kopru
