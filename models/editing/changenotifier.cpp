// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/editing/changenotifier.h"

#include <QScopedValueRollback>

namespace kopru {

ChangeNotifier *ChangeNotifier::instance()
{
    static ChangeNotifier notifier;
    return &notifier;
}

void ChangeNotifier::notifyOthers(const QHash<QString, QList<int>> &rows, const QStringList &tables)
{
    QStringList all = tables;
    {
        const QScopedValueRollback<bool> delivering(m_deliveringOthers, true);
        for (const QString &table : tables)
            emit tableChanged(table);
        for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
            emit rowsChanged(it.key(), it.value());
            if (!all.contains(it.key()))
                all << it.key();
        }
    }
    if (!all.isEmpty()) {
        all.sort();
        emit othersChanged(all);
    }
}

} // namespace kopru
