// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/safety/backupmeanwhile.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

namespace kopru {

// QT_LOGGING_RULES="kopru.safety.meanwhile.debug=true": how long a change waited for its backup.
Q_LOGGING_CATEGORY(lcMeanwhile, "kopru.safety.meanwhile", QtInfoMsg)

BackupMeanwhile::BackupMeanwhile(std::function<Status()> make)
    : m_running(std::async(std::launch::async, std::move(make)))
{ }

BackupMeanwhile::BackupMeanwhile(Status made)
    : m_result(std::move(made))
{ }

BackupMeanwhile::~BackupMeanwhile()
{
    (void)wait(); // its result was the caller's to read
}

Status BackupMeanwhile::wait()
{
    if (m_running.valid()) {
        QElapsedTimer waited;
        waited.start();
        m_result = m_running.get();
        qCDebug(lcMeanwhile) << "waited" << waited.elapsed() << "ms for the backup";
    }
    return m_result;
}

} // namespace kopru
