// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"

#include <functional>
#include <future>

namespace kopru {

// An automatic backup made on a second thread while the caller reads and
// writes in its own open transaction (kopru-cli import and plan, the planning
// page's optimiser run): its own connection reads the last committed state,
// the state before the change, however long the change takes. The caller
// commits only once wait() succeeded (ImportOptions / PlanOptions::beforeCommit)
// and reports its error when it failed (docs/data-safety.md).
class BackupMeanwhile final
{
public:
    // No backup to wait for (a dry run): wait() succeeds.
    BackupMeanwhile() = default;
    // Starts `make` on a second thread.
    explicit BackupMeanwhile(std::function<Status()> make);
    // The backup already made, or refused, on this thread (a server's).
    explicit BackupMeanwhile(Status made);
    // Waits for it to finish (the destructor does too: the thread never
    // outlives what it reads).
    ~BackupMeanwhile();
    BackupMeanwhile(const BackupMeanwhile &) = delete;
    BackupMeanwhile &operator=(const BackupMeanwhile &) = delete;

    // The backup's result, waited for at the first call.
    Status wait();

private:
    std::future<Status> m_running;
    Status m_result;
};

} // namespace kopru
