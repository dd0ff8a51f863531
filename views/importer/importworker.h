// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/import/importkind.h"
#include "models/import/importreport.h"
#include "models/import/scalemapping.h"
#include "models/io/tablereader.h"

#include <QObject>
#include <QPointer>
#include <atomic>
#include <memory>

class QThread;

namespace kopru {

// Runs a dry run or an import in a worker thread with its own database
// connection, so the window stays responsive. Progress and the result come
// back as signals on the GUI thread; cancel() makes the import roll back.
class ImportWorker final : public QObject
{
    Q_OBJECT
public:
    struct Job
    {
        QString databasePath;
        ImportKind kind = ImportKind::Teachers;
        QString file;
        TableReader::Options read;
        QHash<int, QString> overrides;
        ScaleMapping scale; // needs: the survey's own answer labels
        int round = 0; // needs: the survey round of the file (ImportOptions::round)
        bool dryRun = true;
    };

    explicit ImportWorker(QObject *parent = nullptr);
    ~ImportWorker() override;

    void start(const Job &job);
    void cancel();
    bool isRunning() const;

signals:
    void progress(int done, int total);
    void finished(const kopru::ImportReport &report);

private:
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace kopru
