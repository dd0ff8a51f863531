// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/delegates/refusalwatch.h"

#include <QAbstractProxyModel>
#include <QMetaMethod>

namespace kopru {

RefusalWatch::RefusalWatch(QAbstractItemModel *model)
{
    const QMetaMethod slot = staticMetaObject.method(staticMetaObject.indexOfSlot("hear(QString)"));
    for (QAbstractItemModel *m = model; m;) {
        // Any model with the signal, whatever its class: looked up by signature.
        const int signal = m->metaObject()->indexOfSignal("editRefused(QString)");
        if (signal >= 0)
            connect(m, m->metaObject()->method(signal), this, slot);
        auto *proxy = qobject_cast<QAbstractProxyModel *>(m);
        m = proxy ? proxy->sourceModel() : nullptr;
    }
}

void RefusalWatch::hear(const QString &reason)
{
    m_reason = reason;
}

} // namespace kopru
