// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/mainwindow/demodatabase.h"

#include "models/db/database.h"
#include "models/demo/demogenerator.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QThread>
#include <memory>

namespace kopru {

namespace {

bool removeDatabaseFiles(const QString &path)
{
    for (const QString &suffix : { QStringLiteral("-wal"), QStringLiteral("-shm") })
        QFile::remove(path + suffix);
    return !QFile::exists(path) || QFile::remove(path);
}

} // namespace

QString demoDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("demo.kopru"));
}

QString buildDemoDatabase(QWidget *parent)
{
    const QString path = demoDatabasePath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !removeDatabaseFiles(path)) {
        QMessageBox::critical(parent, QCoreApplication::translate("DemoDatabase", "Demo Database"),
            QCoreApplication::translate(
                "DemoDatabase", "The previous demo database %1 could not be replaced. Is it open in another window?")
                .arg(QDir::toNativeSeparators(path)));
        return {};
    }

    QProgressDialog progress(
        QCoreApplication::translate("DemoDatabase", "Creating the demo database (8,000 teachers, 320,000 need ratings)…"),
        QString(), 0, 100, parent);
    progress.setWindowTitle(QCoreApplication::translate("DemoDatabase", "Demo Database"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.setValue(0);
    QPointer<QProgressDialog> guard(&progress);

    // The worker opens its own connection: QSqlDatabase connections are per thread.
    QString error;
    std::unique_ptr<QThread> worker(QThread::create([path, guard, &error] {
        auto report = [guard](int percent) {
            QMetaObject::invokeMethod(
                guard.data(),
                [guard, percent] {
                    if (guard)
                        guard->setValue(percent);
                },
                Qt::QueuedConnection);
        };
        // Filled under a temporary name: the file appears complete or not at all.
        auto db = Database::create(path, [&report](QSqlDatabase c) -> Status {
            auto summary = DemoGenerator::generate(c, DemoGenerator::Options {}, report);
            return summary ? Status() : Status(summary.error());
        });
        if (!db)
            error = db.message();
    }));
    QEventLoop loop;
    QObject::connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    progress.show();
    loop.exec();
    worker->wait();
    progress.close();

    if (!error.isEmpty()) {
        removeDatabaseFiles(path);
        QMessageBox::critical(parent, QCoreApplication::translate("DemoDatabase", "Demo Database"),
            QCoreApplication::translate("DemoDatabase", "The demo database could not be created:\n%1").arg(error));
        return {};
    }
    return path;
}

} // namespace kopru
