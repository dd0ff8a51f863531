// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/planning/planner.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <atomic>
#include <memory>

namespace kopru {

// Runs the optimiser in a worker thread with its own database connection.
class PlanRunner final : public QObject
{
    Q_OBJECT
public:
    explicit PlanRunner(QObject *parent = nullptr);
    ~PlanRunner() override;

    bool isRunning() const { return m_thread != nullptr; }
    // Starts a run on the database file `path`; finished() follows.
    void start(const QString &path, const PlanOptions &options);
    void cancel() { m_cancel = true; }
    // Blocks until a running run ended (tests, closing).
    void wait();
    // Whether the last run that finished was refused because placements
    // changed while it ran (planning again will do).
    bool changedMeanwhile() const { return m_changedMeanwhile; }

signals:
    void progress(int percent);
    // ok = false: `message` says why (nothing was changed).
    void finished(bool ok, const QString &message, const kopru::PlanResult &result);

private:
    QThread *m_thread = nullptr;
    std::atomic_bool m_cancel { false };
    bool m_changedMeanwhile = false;
};

} // namespace kopru
