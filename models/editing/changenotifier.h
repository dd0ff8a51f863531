// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>

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

signals:
    void rowsChanged(const QString &table, const QList<int> &ids);
    void tableChanged(const QString &table);
    void failed(const QString &reason);
    void staleRefused(const QString &table, const QString &reason);

private:
    ChangeNotifier() = default;
};

} // namespace kopru
