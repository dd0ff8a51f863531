// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QAbstractItemModel;

namespace kopru {

// Hears, while it lives, the reason an edit is refused: the models that
// validate (EntityTableModel, RatingsModel, SessionCompetencyModel) emit
// editRefused(QString) instead of writing. The watch listens to that signal on
// the model it is given and on every model under it through proxies, so a
// delegate learns the reason of the setData call it makes through any proxy.
class RefusalWatch final : public QObject
{
    Q_OBJECT
public:
    explicit RefusalWatch(QAbstractItemModel *model);

    // The last reason heard, empty when nothing was refused.
    QString reason() const { return m_reason; }

private slots:
    void hear(const QString &reason);

private:
    QString m_reason;
};

} // namespace kopru
