// SPDX-License-Identifier: GPL-3.0-or-later
// Data safety without a GUI: automatic backups (list, prune, restore), the
// single-instance lock, network/cloud storage detection, file permissions and
// the KVKK purge of a teacher.
#include "models/db/connection.h"
#include "models/db/databasecopy.h"
#include "models/db/databasefile.h"
#include "models/db/integritycheck.h"
#include "models/db/schema.h"
#include "models/db/schemascript.h"
#include "models/db/sql.h"
#include "models/db/tablecontent.h"
#include "models/domain/nationalid.h"
#include "models/io/privatefile.h"
#include "models/safety/backuplistmodel.h"
#include "models/safety/backupmanager.h"
#include "models/safety/instancelock.h"
#include "models/safety/purge.h"
#include "models/safety/storagecheck.h"
#include "models/safety/writeaccess.h"
#include "tests/common/testutil.h"

#include <QAbstractItemModelTester>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>
#include <QSysInfo>
#include <QThread>
#include <QUuid>

using namespace kopru;
using kopru::test::scalar;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
}

// A copy as a writer of the database makes it (its backup before a change,
// File › Save a Copy): a read-write connection may be used.
Expected<DatabaseCopy::Result> copyAsWriter(const QString &path, const QString &out)
{
    DatabaseCopy::Options options;
    options.sourceOpenForWriting = true;
    return DatabaseCopy::write(path, out, options);
}

// Two teachers of field 1 with ratings and a placement each.
void fillTwoTeachers(QSqlDatabase db)
{
    const QString id1 = NationalId::withCheckDigits(u"123456789");
    const QString id2 = NationalId::withCheckDigits(u"234567891");
    QVERIFY(NationalId::isValid(id1) && NationalId::isValid(id2));
    QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO school(id, name, province_id) VALUES (1, 'Gazi MTAL', 6)")));
    QVERIFY(Sql::exec(db,
        QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, school_id, province_id, email) "
                       "VALUES (1, ?, 'Şükrü', 'Çağlayan', 1, 1, 6, 'sukru@example.org')"),
        { id1 }));
    QVERIFY(Sql::exec(db,
        QStringLiteral("INSERT INTO teacher(id, national_id, first_name, last_name, field_id, school_id, province_id) "
                       "VALUES (2, ?, 'Ayşe', 'Işık', 1, 1, 6)"),
        { id2 }));
    QVERIFY(Sql::exec(db,
        QStringLiteral(
            "INSERT INTO competency(id, field_id, code, title_tr) VALUES (1, 1, 'C01', 'PLC'), (2, 1, 'C02', 'SCADA')")));
    QVERIFY(Sql::exec(
        db, QStringLiteral("INSERT INTO need_rating(teacher_id, competency_id, need) VALUES (1, 1, 4), (1, 2, 5), (2, 1, 3)")));
    QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO partner(id, name, province_id) VALUES (1, 'Anadolu Enerji A.Ş.', 6)")));
    QVERIFY(Sql::exec(db,
        QStringLiteral("INSERT INTO training_session(id, partner_id, field_id, start_date, end_date, capacity) "
                       "VALUES (1, 1, 1, '2027-06-14', '2027-06-25', 2)")));
    QVERIFY(Sql::exec(db, QStringLiteral("INSERT INTO placement(id, teacher_id, session_id) VALUES (1, 1, 1), (2, 2, 1)")));
}

int teacherCount(const QString &path)
{
    auto c = Connection::open(path, Connection::Access::Inspect);
    if (!c)
        return -1;
    return scalar(c.value()->db(), QStringLiteral("SELECT count(*) FROM teacher")).toInt();
}

// Damages the pages after the first ones, leaving the header readable.
void damage(const QString &path)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    QVERIFY(size > 16 * 4096);
    for (qint64 pos = 4 * 4096; pos < size; pos += 3 * 4096) {
        f.seek(pos);
        f.write(QByteArray(2048, '\xA5'));
    }
}

} // namespace

class TestSafety : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_n = 0;
    QString newPath() { return m_dir.filePath(QStringLiteral("db%1.kopru").arg(++m_n)); }
    QString newRoot() { return m_dir.filePath(QStringLiteral("backups%1").arg(++m_n)); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void defaultRootIsInTheUsersDataFolder()
    {
        const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QVERIFY(!data.isEmpty());
        QCOMPARE(BackupManager::defaultRoot(), data + QStringLiteral("/backups"));
        BackupManager m;
        QCOMPARE(m.keep(), 10);
        const QString id = QStringLiteral("0b1c0f7e-8d2a-4b6e-9f3c-2a1d5e6f7a8b");
        QCOMPARE(m.folderForId(id), data + QStringLiteral("/backups/") + id);
    }

    void backupAndRestoreRoundTrip()
    {
        const QString path = newPath();
        BackupManager manager(newRoot());
        {
            auto db = test::newDatabase(path);
            QVERIFY(db);
            fillTwoTeachers(db->connection());
            QVERIFY(manager.backupBeforeChange(*db, QStringLiteral("import")));
            // The change after the backup, made while the application's connection is open.
            QVERIFY(Sql::exec(db->connection(), QStringLiteral("DELETE FROM placement")));
            QVERIFY(Sql::exec(db->connection(), QStringLiteral("DELETE FROM teacher")));
        }
        QCOMPARE(teacherCount(path), 0);
        QList<BackupInfo> backups = manager.list(path);
        QCOMPARE(backups.size(), 1);
        QCOMPARE(backups.first().reason, QStringLiteral("import"));
        QVERIFY(backups.first().size > 0);
        QVERIFY(qAbs(backups.first().created.secsTo(QDateTime::currentDateTime())) < 60);
        QCOMPARE(teacherCount(backups.first().path), 2);

        QVERIFY2(manager.restore(backups.first().path, path), "restore failed");
        QCOMPARE(teacherCount(path), 2);
        // What was there before is kept as a backup of its own.
        backups = manager.list(path);
        QCOMPARE(backups.size(), 2);
        QCOMPARE(backups.first().reason, QStringLiteral("before-restore"));
        QCOMPARE(teacherCount(backups.first().path), 0);
        // No temporary files are left next to the database.
        QCOMPARE(QDir(m_dir.path()).entryList({ QStringLiteral(".*.part*") }, QDir::Files | QDir::Hidden).size(), 0);

        auto reopened = Database::open(path);
        QVERIFY2(reopened, qPrintable(reopened.message()));
        QVERIFY(checkIntegrity(reopened.value()->connection()).ok());
        QCOMPARE(scalar(reopened.value()->connection(), QStringLiteral("SELECT count(*) FROM placement")).toInt(), 2);
    }

    void pruneKeepsTheNewest()
    {
        const QString path = newPath();
        QVERIFY(test::newDatabase(path));
        BackupManager manager(newRoot(), 3);
        QStringList made;
        for (int i = 0; i < 5; ++i) {
            auto b = manager.backup(path, QStringLiteral("manual"));
            QVERIFY2(b, qPrintable(b.message()));
            made.prepend(b->path);
        }
        const QList<BackupInfo> left = manager.list(path);
        QCOMPARE(left.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(left.at(i).path, made.at(i));
        QVERIFY(!QFile::exists(made.at(3)));
        QVERIFY(!QFile::exists(made.at(4)));
    }

    void backupOnOpenSkipsUnchangedFiles()
    {
        const QString path = newPath();
        BackupManager manager(newRoot());
        auto db = test::newDatabase(path);
        QVERIFY(db);
        QVERIFY(manager.backupOnOpen(path));
        QCOMPARE(manager.list(path).size(), 1);
        QThread::msleep(20);
        QVERIFY(manager.backupOnOpen(path));
        QCOMPARE(manager.list(path).size(), 1);
        QThread::msleep(20);
        QVERIFY(Sql::exec(db->connection(), QStringLiteral("INSERT INTO school(name, province_id) VALUES ('Yeni Okul', 34)")));
        QVERIFY(!manager.hasCurrentBackup(path));
        QVERIFY(manager.backupOnOpen(path));
        QCOMPARE(manager.list(path).size(), 2);
    }

    // A copy shares the database's identity and so its backup folder: a
    // backup made from the copy after the original last changed is not a
    // backup of the original's state, and never lets it skip its own.
    void aBackupOfACopyIsNotTheOriginals()
    {
        const QString original = newPath();
        const QString copy = m_dir.filePath(QStringLiteral("copy-of-original.kopru"));
        {
            auto db = test::newDatabase(original);
            QVERIFY(db);
            QVERIFY(Sql::exec(db->connection(), QStringLiteral("INSERT INTO school(name, province_id) VALUES ('Asıl', 34)")));
            QVERIFY(db->backupTo(copy));
        }
        QCOMPARE(DatabaseFile::databaseId(copy).value(), DatabaseFile::databaseId(original).value());
        BackupManager manager(newRoot());
        QThread::msleep(20);
        QVERIFY(manager.backupOnOpen(copy));
        QCOMPARE(manager.list(original).size(), 1); // the same folder
        QVERIFY(manager.hasCurrentBackup(copy));
        QVERIFY(!manager.hasCurrentBackup(original));
        QVERIFY(manager.backupOnOpen(original));
        QCOMPARE(manager.list(original).size(), 2);
        QVERIFY(manager.hasCurrentBackup(original));
        QVERIFY(
            QFileInfo(manager.list(original).first().path).fileName().startsWith(QFileInfo(original).completeBaseName() + u'_'));
    }

    void backupBeforeChangeSkipsAnUnchangedFile()
    {
        const QString path = newPath();
        auto db = test::newDatabase(path);
        QVERIFY(db);
        BackupManager manager(newRoot());
        QVERIFY(manager.backupBeforeChange(*db, QStringLiteral("import")));
        QThread::msleep(20);
        QVERIFY(manager.backupBeforeChange(*db, QStringLiteral("plan")));
        QCOMPARE(manager.list(path).size(), 1);
        QThread::msleep(20);
        QVERIFY(Sql::exec(db->connection(), QStringLiteral("INSERT INTO school(name, province_id) VALUES ('Yeni Okul', 34)")));
        QVERIFY(manager.backupBeforeChange(*db, QStringLiteral("plan")));
        const QList<BackupInfo> backups = manager.list(path);
        QCOMPARE(backups.size(), 2);
        QCOMPARE(backups.first().reason, QStringLiteral("plan"));
    }

    void rejectsBadReasons()
    {
        const QString path = newPath();
        QVERIFY(test::newDatabase(path));
        BackupManager manager(newRoot());
        QVERIFY(!manager.backup(path, QStringLiteral("../../etc")));
        QVERIFY(!manager.backup(path, QString()));
        QCOMPARE(manager.list(path).size(), 0);
    }

    void backsUpBeforeMigrationOnly()
    {
        BackupManager manager(newRoot());
        const QString current = newPath();
        QVERIFY(test::newDatabase(current));
        auto none = manager.backupBeforeMigration(current);
        QVERIFY2(none, qPrintable(none.message()));
        QVERIFY(none.value().isEmpty());
        QCOMPARE(manager.list(current).size(), 0);

        const QString old = newPath();
        QVERIFY(Database::createAtVersion(old, 1));
        auto id = manager.backupBeforeMigration(old);
        QVERIFY2(id, qPrintable(id.message()));
        QVERIFY(!QUuid::fromString(id.value()).isNull());
        QList<BackupInfo> backups = manager.list(old);
        QCOMPARE(backups.size(), 1);
        QCOMPARE(backups.first().reason, QStringLiteral("migration"));
        QCOMPARE(DatabaseFile::schemaVersion(backups.first().path).value(), 1);
        QCOMPARE(QFileInfo(backups.first().path).absolutePath(), manager.folderForId(id.value()));
        // The upgrade gives the file the identity its backup was filed under.
        Database::Options options;
        options.databaseIdOnUpgrade = id.value();
        auto upgraded = Database::open(old, options);
        QVERIFY2(upgraded, qPrintable(upgraded.message()));
        QCOMPARE(upgraded.value()->databaseId(), id.value());
        backups = manager.list(old);
        QCOMPARE(backups.size(), 1);
        QCOMPARE(backups.first().reason, QStringLiteral("migration"));
    }

    void restoreRefusesDamagedBackupAndChangesNothing()
    {
        const QString path = newPath();
        BackupManager manager(newRoot());
        {
            auto db = test::newDatabase(path);
            QVERIFY(db);
            fillTwoTeachers(db->connection());
        }
        auto b = manager.backup(path, QStringLiteral("manual"));
        QVERIFY(b);
        damage(b->path);
        const QByteArray before = fileHash(path);
        const Status s = manager.restore(b->path, path);
        QVERIFY(!s);
        QVERIFY2(s.message().contains(b->path), qPrintable(s.message()));
        QCOMPARE(fileHash(path), before);

        // A file that is not a Köprü database at all.
        const QString text = m_dir.filePath(QStringLiteral("notes.kopru"));
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a database");
        f.close();
        QVERIFY(!manager.restore(text, path));
        QCOMPARE(fileHash(path), before);
    }

    void restoreReplacesADamagedDatabase()
    {
        const QString path = newPath();
        BackupManager manager(newRoot());
        {
            auto db = test::newDatabase(path);
            QVERIFY(db);
            fillTwoTeachers(db->connection());
        }
        auto b = manager.backup(path, QStringLiteral("open"));
        QVERIFY(b);
        damage(path);
        QVERIFY(!DatabaseFile::verify(path, DatabaseFile::Depth::QuickCheck));
        const Status s = manager.restore(b->path, path);
        QVERIFY2(s, qPrintable(s.message()));
        QVERIFY(DatabaseFile::verify(path, DatabaseFile::Depth::QuickCheck));
        QCOMPARE(teacherCount(path), 2);
        // The damaged file was kept aside: it is no backup (never listed, never
        // counted in the rotation).
        const QList<BackupInfo> all = manager.list(path);
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().path, b->path);
        const QDir damaged(manager.folderFor(path) + QStringLiteral("/damaged"));
        QCOMPARE(damaged.entryList({ QStringLiteral("*_damaged.kopru") }, QDir::Files).size(), 1);
    }

    // A restore given another program's file (or an empty one) as its
    // target leaves it alone, unless backups were made from that path.
    void restoreDoesNotReplaceAForeignFile()
    {
        const QString path = newPath();
        BackupManager manager(newRoot());
        {
            auto db = test::newDatabase(path);
            QVERIFY(db);
            fillTwoTeachers(db->connection());
        }
        auto b = manager.backup(path, QStringLiteral("manual"));
        QVERIFY(b);
        for (const QByteArray &content : { QByteArray(), QByteArray("Dear Ayşe,\nthe minutes of the meeting …\n") }) {
            const QString other = m_dir.filePath(QStringLiteral("letter.txt"));
            QFile f(other);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(content);
            f.close();
            const Status s = manager.restore(b->path, other);
            QVERIFY(!s);
            QVERIFY2(s.message().startsWith(other) && s.message().contains(QStringLiteral("not a Köprü database")),
                qPrintable(s.message()));
            QFile back(other);
            QVERIFY(back.open(QIODevice::ReadOnly));
            QCOMPARE(back.readAll(), content);
            QCOMPARE(manager.list(path).size(), 1);
        }
        // The database's own path, its header destroyed: restored (backups were made from it).
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.write(QByteArray(100, '\0')) == 100);
        f.close();
        const Status s = manager.restore(b->path, path);
        QVERIFY2(s, qPrintable(s.message()));
        QCOMPARE(teacherCount(path), 2);
    }

    void restoreRefusesWhileAnotherProcessHoldsTheLock()
    {
        const QString path = newPath();
        BackupManager manager(newRoot());
        QVERIFY(test::newDatabase(path));
        auto b = manager.backup(path, QStringLiteral("manual"));
        QVERIFY(b);
        // A lock written by Köprü on another computer (the file is on a share).
        QFile lock(InstanceLock::lockPathFor(path));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write("4242\nkopru\nother-pc.example\n");
        lock.close();
        const QByteArray before = fileHash(path);
        const Status s = manager.restore(b->path, path);
        QVERIFY(!s);
        QVERIFY2(s.message().contains(QStringLiteral("other-pc.example")), qPrintable(s.message()));
        QCOMPARE(fileHash(path), before);
        QFile::remove(InstanceLock::lockPathFor(path));
    }

    void instanceLockTellsWhoHoldsIt()
    {
        const QString path = newPath();
        QVERIFY(test::newDatabase(path));
        QLockFile other(InstanceLock::lockPathFor(path));
        QVERIFY(other.tryLock(0));

        InstanceLock lock(path);
        const Status s = lock.tryLock();
        QVERIFY(!s);
        QVERIFY(!lock.isLocked());
        QVERIFY2(s.message().contains(path), qPrintable(s.message()));
        QVERIFY2(s.message().contains(QString::number(QCoreApplication::applicationPid())), qPrintable(s.message()));
        const auto owner = InstanceLock::owner(path);
        QVERIFY(owner);
        QCOMPARE(owner->pid, QCoreApplication::applicationPid());
        QVERIFY(owner->isThisProcess());

        other.unlock();
        QVERIFY(lock.tryLock());
        QVERIFY(lock.isLocked());
        QVERIFY(QFile::exists(InstanceLock::lockPathFor(path)));
        lock.unlock();
        QVERIFY(!QFile::exists(InstanceLock::lockPathFor(path)));
    }

    void instanceLockTakesOverAStaleLock()
    {
        const QString path = newPath();
        QVERIFY(test::newDatabase(path));
        // A lock left by a process that is gone: the same pid now runs a
        // different program, which is how QLockFile recognises a dead owner.
        QByteArray contents;
        {
            QLockFile real(InstanceLock::lockPathFor(path));
            QVERIFY(real.tryLock(0));
            QFile f(InstanceLock::lockPathFor(path));
            QVERIFY(f.open(QIODevice::ReadOnly));
            contents = f.readAll();
            real.unlock();
        }
        QList<QByteArray> lines = contents.split('\n');
        QVERIFY(lines.size() >= 3);
        lines[1] = "kopru-crashed-long-ago";
        QFile f(InstanceLock::lockPathFor(path));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(lines.join('\n'));
        f.close();

        InstanceLock lock(path);
        const Status s = lock.tryLock();
        QVERIFY2(s, qPrintable(s.message()));
        QVERIFY(lock.isLocked());
    }

    void instanceLockIsNotStaleWithAge()
    {
        // A Köprü window keeps its database open for hours: an old lock whose
        // owner is alive must still block.
        const QString path = newPath();
        QVERIFY(test::newDatabase(path));
        QLockFile other(InstanceLock::lockPathFor(path));
        QVERIFY(other.tryLock(0));
        QFile f(InstanceLock::lockPathFor(path));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTime().addDays(-2), QFileDevice::FileModificationTime));
        f.close();
        InstanceLock lock(path);
        QVERIFY(!lock.tryLock());
    }

    void detectsUncPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("unc");
        QTest::newRow("unc") << QStringLiteral(R"(\\fileserver\smm\kopru.kopru)") << true;
        QTest::newRow("unc forward") << QStringLiteral("//fileserver/smm/kopru.kopru") << true;
        QTest::newRow("long unc") << QStringLiteral(R"(\\?\UNC\fileserver\smm\kopru.kopru)") << true;
        QTest::newRow("long local") << QStringLiteral(R"(\\?\C:\Users\ayse\kopru.kopru)") << false;
        QTest::newRow("device") << QStringLiteral(R"(\\.\PhysicalDrive0)") << false;
        QTest::newRow("drive") << QStringLiteral(R"(C:\Users\ayse\kopru.kopru)") << false;
        QTest::newRow("posix") << QStringLiteral("/home/ayse/kopru.kopru") << false;
        QTest::newRow("relative") << QStringLiteral("kopru.kopru") << false;
    }
    void detectsUncPaths()
    {
        QFETCH(QString, path);
        QFETCH(bool, unc);
        QCOMPARE(StorageCheck::isUncPath(path), unc);
        if (unc)
            QCOMPARE(StorageCheck::classify(path).kind, StorageRisk::Kind::NetworkShare);
    }

    void detectsNetworkFileSystems_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<bool>("network");
        for (const char *t : { "nfs", "nfs4", "cifs", "smb2", "smb3", "smbfs", "fuse.sshfs", "fuse.rclone", "9p", "NFS" })
            QTest::newRow(t) << QByteArray(t) << true;
        for (const char *t :
            { "ext4", "btrfs", "xfs", "tmpfs", "overlay", "NTFS", "FAT32", "exFAT", "ReFS", "fuse.portal", "fuseblk", "" })
            QTest::newRow(*t ? t : "empty") << QByteArray(t) << false;
    }
    void detectsNetworkFileSystems()
    {
        QFETCH(QByteArray, type);
        QFETCH(bool, network);
        QCOMPARE(StorageCheck::isNetworkFileSystem(type), network);
    }

    void detectsCloudFolders_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("service");
        QTest::newRow("onedrive") << QStringLiteral(R"(C:\Users\ayse\OneDrive\Belgeler\smm.kopru)") << QStringLiteral("OneDrive");
        QTest::newRow("onedrive business") << QStringLiteral(R"(C:\Users\ayse\OneDrive - MEB\smm.kopru)")
                                           << QStringLiteral("OneDrive");
        QTest::newRow("dropbox") << QStringLiteral("/home/ayse/Dropbox/smm.kopru") << QStringLiteral("Dropbox");
        QTest::newRow("dropbox team") << QStringLiteral(R"(D:\Dropbox (MEB)\smm.kopru)") << QStringLiteral("Dropbox");
        QTest::newRow("google drive") << QStringLiteral(R"(G:\My Drive\smm.kopru)") << QStringLiteral("Google Drive");
        QTest::newRow("google drive folder")
            << QStringLiteral("/Users/ayse/Google Drive/smm.kopru") << QStringLiteral("Google Drive");
        QTest::newRow("icloud windows") << QStringLiteral(R"(C:\Users\ayse\iCloudDrive\smm.kopru)")
                                        << QStringLiteral("iCloud Drive");
        QTest::newRow("icloud mac") << QStringLiteral("/Users/ayse/Library/Mobile Documents/com~apple~CloudDocs/smm.kopru")
                                    << QStringLiteral("iCloud Drive");
        QTest::newRow("lower case") << QStringLiteral("/home/ayse/onedrive/smm.kopru") << QStringLiteral("OneDrive");
        QTest::newRow("local") << QStringLiteral(R"(C:\Users\ayse\Documents\smm.kopru)") << QString();
        QTest::newRow("name only mentions it") << QStringLiteral("/home/ayse/dropbox-export.kopru") << QString();
        QTest::newRow("onedrive-like") << QStringLiteral("/home/ayse/OneDriveBackup/smm.kopru") << QString();
    }
    void detectsCloudFolders()
    {
        QFETCH(QString, path);
        QFETCH(QString, service);
        QCOMPARE(StorageCheck::cloudServiceInPath(path), service);
    }

    void localTemporaryFolderIsNotRisky()
    {
        const StorageRisk risk = StorageCheck::classify(newPath());
        QVERIFY2(!risk.isRisky(), qPrintable(risk.detail));
        QVERIFY(risk.warning(QStringLiteral("x")).isEmpty());
        const StorageRisk cloud = StorageCheck::classify(m_dir.filePath(QStringLiteral("Dropbox/sub/smm.kopru")));
        QCOMPARE(cloud.kind, StorageRisk::Kind::CloudSync);
        QVERIFY(cloud.warning(QStringLiteral("smm.kopru")).contains(QStringLiteral("Dropbox")));
    }

    void databaseAndBackupsAreReadableByTheUserOnly()
    {
#ifdef Q_OS_UNIX
        const QString path = newPath();
        QVERIFY(test::newDatabase(path));
        const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
        const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
        QCOMPARE(QFile::permissions(path) & others, QFile::Permissions());
        QCOMPARE(QFile::permissions(path) & ownerOnly, ownerOnly);
        BackupManager manager(newRoot());
        auto b = manager.backup(path, QStringLiteral("manual"));
        QVERIFY(b);
        QCOMPARE(QFile::permissions(b->path) & others, QFile::Permissions());
        QCOMPARE(
            QFile::permissions(manager.folderFor(path)) & (others | QFile::ExeGroup | QFile::ExeOther), QFile::Permissions());
        QVERIFY(manager.restore(b->path, path));
        QCOMPARE(QFile::permissions(path) & others, QFile::Permissions());
#else
        QSKIP("POSIX file permissions");
#endif
    }

    void purgeRemovesTheTeacherCompletely()
    {
        const QString path = newPath();
        auto db = test::newDatabase(path);
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        fillTwoTeachers(c);
        const QString nationalId = scalar(c, QStringLiteral("SELECT national_id FROM teacher WHERE id = 1")).toString();

        const Status s = purgeTeacher(c, 1);
        QVERIFY2(s, qPrintable(s.message()));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM teacher WHERE id = 1")).toInt(), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM need_rating WHERE teacher_id = 1")).toInt(), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM placement WHERE teacher_id = 1")).toInt(), 0);
        // The other teacher is untouched.
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM need_rating WHERE teacher_id = 2")).toInt(), 1);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM placement WHERE teacher_id = 2")).toInt(), 1);
        // Logged, without personal data.
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'purge_teacher'")).toInt(), 1);
        const QString details
            = scalar(c, QStringLiteral("SELECT action || ' ' || details FROM audit_log WHERE action = 'purge_teacher'"))
                  .toString();
        for (const QString &personal :
            { nationalId, QStringLiteral("Şükrü"), QStringLiteral("Çağlayan"), QStringLiteral("sukru@example.org") })
            QVERIFY2(!details.contains(personal, Qt::CaseInsensitive), qPrintable(details));
        QVERIFY(details.contains(QStringLiteral("ratings=2")));
        QVERIFY(details.contains(QStringLiteral("placements=1")));
        QVERIFY(checkIntegrity(c).ok());
        // Nothing of the teacher is left in the file's free pages either.
        QVERIFY(Sql::exec(c, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        QVERIFY(bytes.contains(QStringLiteral("Işık").toUtf8())); // the other teacher is there
        QVERIFY(!bytes.contains(QStringLiteral("Çağlayan").toUtf8()));
        QVERIFY(!bytes.contains(QStringLiteral("sukru@example.org").toUtf8()));
        QVERIFY(!bytes.contains(nationalId.toLatin1()));
    }

    // Attendance, evaluations and the certificate go with the teacher; the
    // programme's counts stay, without the person (docs/quality.md, "Erasure").
    void purgeErasesTheProgrammeRecordsAndKeepsAnonymousCounts()
    {
        const QString path = newPath();
        auto db = test::newDatabase(path);
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        fillTwoTeachers(c);
        QVERIFY(Sql::exec(c, QStringLiteral("UPDATE teacher SET centre_id = 3")));
        QVERIFY(Sql::exec(c, QStringLiteral("UPDATE placement SET status = 'completed', completed_on = '2027-06-25'")));
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO attendance(placement_id, day, hours, absence) VALUES (1, '2027-06-14', 8, NULL), "
                           "(1, '2027-06-15', 3, 'illness'), (2, '2027-06-14', 8, NULL)")));
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO evaluation_answer(placement_id, item_id, score) VALUES (1, 1, 4), (1, 2, NULL), "
                           "(1, 3, 5), (1, 6, 2), (2, 1, 3)")));
        QVERIFY(Sql::exec(c,
            QStringLiteral("INSERT INTO certificate(placement_id, number, verification_code) VALUES (1, 'SMM-03-2027-000001', "
                           "'K7QH2M9X'), (2, 'SMM-03-2027-000002', 'P4RT8W2N')")));

        const Status s = purgeTeacher(c, 1);
        QVERIFY2(s, qPrintable(s.message()));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM attendance WHERE placement_id = 1")).toInt(), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM evaluation_answer WHERE placement_id = 1")).toInt(), 0);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM certificate WHERE placement_id = 1")).toInt(), 0);
        // The other teacher's records are untouched.
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM attendance")).toInt(), 1);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM evaluation_answer")).toInt(), 1);
        QCOMPARE(scalar(c, QStringLiteral("SELECT number FROM certificate")).toString(), QStringLiteral("SMM-03-2027-000002"));
        // The counts: surveyed in round 1, one completed placement of 80 planned and
        // 11 attended hours, two training answers (4 + 5; N/A not counted), one of
        // the partner (2), certified.
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT centre_id || '/' || field_id || '/' || province_id || '/' || surveyed || '/' || "
                                    "resurveyed FROM erased_teacher"))
                     .toString(),
            QStringLiteral("3/1/6/1/0"));
        QCOMPARE(scalar(c,
                     QStringLiteral("SELECT partner_id || '/' || status || '/' || hours_planned || '/' || hours_attended || '/' "
                                    "|| training_answers || '/' || training_sum || '/' || teacher_answers || '/' || "
                                    "teacher_sum || '/' || certified FROM erased_placement"))
                     .toString(),
            QStringLiteral("1/completed/80.0/11.0/2/9/1/2/1"));
        QVERIFY(checkIntegrity(c).ok());
        // Nothing that names the person or the certificate is left in the file.
        QVERIFY(Sql::exec(c, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        QVERIFY(bytes.contains("P4RT8W2N"));
        QVERIFY(!bytes.contains("K7QH2M9X"));
        QVERIFY(!bytes.contains("SMM-03-2027-000001"));
    }

    void purgeOfAnUnknownTeacherChangesNothing()
    {
        auto db = test::newDatabase(newPath());
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        fillTwoTeachers(c);
        const Status s = purgeTeacher(c, 99);
        QVERIFY(!s);
        QVERIFY(s.message().contains(QStringLiteral("99")));
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM teacher")).toInt(), 2);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM need_rating")).toInt(), 3);
        QCOMPARE(scalar(c, QStringLiteral("SELECT count(*) FROM audit_log")).toInt(), 0);
    }

    // Issue: two databases with the same file name shared one backup folder,
    // so the second got no backup. Backups are filed under the identity.
    void sameFileNameInTwoFoldersKeepsTwoBackupSets()
    {
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("dirA")) && QDir(m_dir.path()).mkpath(QStringLiteral("dirB")));
        const QString a = m_dir.filePath(QStringLiteral("dirA/shared.kopru"));
        const QString b = m_dir.filePath(QStringLiteral("dirB/shared.kopru"));
        auto dbA = test::newDatabase(a);
        auto dbB = test::newDatabase(b);
        QVERIFY(dbA && dbB);
        QVERIFY(dbA->databaseId() != dbB->databaseId());
        BackupManager manager(newRoot());
        QVERIFY(manager.backupBeforeChange(*dbA, QStringLiteral("import")));
        QVERIFY(manager.backupBeforeChange(*dbB, QStringLiteral("import")));
        QCOMPARE(manager.list(a).size(), 1);
        QCOMPARE(manager.list(b).size(), 1);
        QVERIFY(manager.folderFor(a) != manager.folderFor(b));
        QCOMPARE(DatabaseFile::databaseId(manager.list(a).first().path).value(), dbA->databaseId());
        QCOMPARE(DatabaseFile::databaseId(manager.list(b).first().path).value(), dbB->databaseId());
        // Renaming a database keeps its backups.
        dbA.reset();
        const QString renamed = m_dir.filePath(QStringLiteral("dirA/renamed.kopru"));
        QVERIFY(QFile::rename(a, renamed));
        QCOMPARE(manager.list(renamed).size(), 1);
    }

    // Issue: a partial file from a killed backup counted as an up-to-date
    // backup. Only verified, renamed copies count; leftovers are removed.
    void partialBackupNeverCountsAndIsRemovedLater()
    {
        const QString path = newPath();
        auto db = test::newDatabase(path);
        QVERIFY(db);
        BackupManager manager(newRoot());
        const QString folder = manager.folderForId(db->databaseId());
        QVERIFY(QDir().mkpath(folder));
        // What a backup killed while writing leaves: a temporary file of a
        // process that is gone (pid 2^22+1 exceeds Linux's pid_max) and its journal.
        const QString leftover
            = QDir(folder).filePath(QStringLiteral(".x_20270101-000000-000_import.kopru.kopru-4194305-0123456789abcdef.part"));
        for (const QString &f : QStringList { leftover, leftover + QStringLiteral("-journal") }) {
            QFile file(f);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        // A stray file with a backup's name that never was verified is not there:
        // what counts is the name only verified copies get.
        QCOMPARE(manager.list(path).size(), 0);
        QVERIFY(!manager.hasCurrentBackup(path));
        QThread::msleep(20);
        QVERIFY(manager.backupBeforeChange(*db, QStringLiteral("import")));
        QCOMPARE(manager.list(path).size(), 1);
        QVERIFY(!QFile::exists(leftover));
        QVERIFY(!QFile::exists(leftover + QStringLiteral("-journal")));
        QVERIFY(BackupManager::verifyBackup(manager.list(path).first().path, db->databaseId()));
    }

    // A temporary file of a process that still runs is left alone.
    void leftoversOfARunningProcessAreKept()
    {
        const QString folder = m_dir.filePath(QStringLiteral("running"));
        QVERIFY(QDir().mkpath(folder));
        const QString mine = QDir(folder).filePath(
            QStringLiteral(".a.xlsx.kopru-%1-0123456789abcdef.part").arg(QCoreApplication::applicationPid()));
        const QString dead = QDir(folder).filePath(QStringLiteral(".a.xlsx.kopru-4194305-0123456789abcdef.part"));
        const QString other = QDir(folder).filePath(QStringLiteral(".a.xlsx.tmp"));
        for (const QString &f : { mine, dead, other }) {
            QFile file(f);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        PrivateFile::removeLeftovers(folder);
        QVERIFY(QFile::exists(mine));
        QVERIFY(!QFile::exists(dead));
        QVERIFY(QFile::exists(other)); // not ours: never touched
    }

    // Issue: a damaged database was backed up as if healthy and pushed good
    // backups out of the rotation.
    void damagedDatabaseIsNotBackedUpAndGoodBackupsStay()
    {
        const QString path = newPath();
        {
            auto db = test::newDatabase(path);
            QVERIFY(db);
            fillTwoTeachers(db->connection());
        }
        BackupManager manager(newRoot(), 2);
        auto good1 = manager.backup(path, QStringLiteral("manual"));
        auto good2 = manager.backup(path, QStringLiteral("manual"));
        QVERIFY(good1 && good2);
        damage(path);
        for (int i = 0; i < 3; ++i) {
            auto made = manager.backup(path, QStringLiteral("open"));
            QVERIFY(!made);
            QVERIFY2(made.message().contains(path), qPrintable(made.message()));
            QVERIFY2(made.message().contains(QStringLiteral("damaged")), qPrintable(made.message()));
        }
        const QList<BackupInfo> left = manager.list(path);
        QCOMPARE(left.size(), 2);
        QCOMPARE(left.at(0).path, good2->path);
        QCOMPARE(left.at(1).path, good1->path);
        // Nothing else was left in the folder.
        QCOMPARE(QDir(manager.folderFor(path)).entryList(QDir::Files | QDir::Hidden).size(), 3); // 2 backups + origins
    }

    // The copy is checked against the source: quick_check, identity,
    // schema version and the row counts of every table.
    void copyVerificationComparesWithTheSource()
    {
        const QString path = newPath();
        {
            auto db = test::newDatabase(path);
            QVERIFY(db);
            fillTwoTeachers(db->connection());
        }
        const QString out = m_dir.filePath(QStringLiteral("verified-copy.kopru"));
        auto copied = DatabaseCopy::write(path, out, {});
        QVERIFY2(copied, qPrintable(copied.message()));
        QCOMPARE(copied.value().schemaVersion, Schema::kCurrentVersion);
        bool sawTeachers = false;
        for (const auto &[table, rows] : copied.value().counts)
            if (table == QLatin1String("teacher"))
                sawTeachers = rows == 2;
        QVERIFY(sawTeachers);
        QVERIFY(DatabaseCopy::verifyCopy(out, copied.value()));
        DatabaseCopy::Result other = copied.value();
        for (auto &[table, rows] : other.counts)
            if (table == QLatin1String("teacher"))
                rows = 3;
        const Status s = DatabaseCopy::verifyCopy(out, other);
        QVERIFY(!s);
        QVERIFY2(s.message().contains(QStringLiteral("teacher")), qPrintable(s.message()));
        other = copied.value();
        other.databaseId = QStringLiteral("0b1c0f7e-8d2a-4b6e-9f3c-2a1d5e6f7a8b");
        QVERIFY(!DatabaseCopy::verifyCopy(out, other));
        // A copy never overwrites, and a refused copy leaves no temporary file.
        QVERIFY(!DatabaseCopy::write(path, out, {}));
        QCOMPARE(QDir(m_dir.path()).entryList({ QStringLiteral(".*.part*") }, QDir::Files | QDir::Hidden).size(), 0);
    }

    // A database in WAL mode is copied page by page from its file, the
    // committed changes still in its -wal moved into the file first: the copy
    // holds exactly what the database holds, marked as a file without a -wal
    // (as VACUUM INTO writes it).
    void copyIsMadePageByPageWithTheWalsChanges()
    {
        const QString path = newPath();
        auto db = test::newDatabase(path);
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        QVERIFY(Sql::exec(c, QStringLiteral("PRAGMA wal_autocheckpoint = 0")));
        const qint64 fileBefore = QFileInfo(path).size();
        fillTwoTeachers(c);
        QVERIFY(QFileInfo(path + QStringLiteral("-wal")).size() > 0); // the changes are in the -wal only
        QCOMPARE(QFileInfo(path).size(), fileBefore);
        const QString out = m_dir.filePath(QStringLiteral("paged-copy.kopru"));
        auto copied = copyAsWriter(path, out);
        QVERIFY2(copied, qPrintable(copied.message()));
        QCOMPARE(copied.value().method, DatabaseCopy::Method::PageCopy);
        QVERIFY(!QFileInfo::exists(out + QStringLiteral("-wal")));
        {
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray header = f.read(100);
            QCOMPARE(header.mid(18, 2), QByteArray("\x01\x01", 2)); // no -wal expected
        }
        auto schema = SchemaScript::current();
        QVERIFY(schema);
        auto copy = Connection::open(out, Connection::Access::Inspect);
        QVERIFY(copy);
        QCOMPARE(scalar(copy.value()->db(), QStringLiteral("SELECT count(*) FROM need_rating")).toInt(), 3);
        const auto copyDigest = TableContent::digest(copy.value()->db(), schema.value());
        const auto sourceDigest = TableContent::digest(c, schema.value());
        QVERIFY(copyDigest && sourceDigest);
        QCOMPARE(copyDigest.value(), sourceDigest.value());
    }

    // A reader on an older snapshot keeps the checkpoint from moving every
    // committed page into the file: the copy is then made with VACUUM INTO
    // and still holds the latest committed state.
    void copyOfAFileAReaderHoldsBackIsMadeWithVacuum()
    {
        const QString path = newPath();
        auto db = test::newDatabase(path);
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        QVERIFY(Sql::exec(c, QStringLiteral("PRAGMA wal_autocheckpoint = 0")));
        auto reader = Connection::open(path, Connection::Access::ReadOnly);
        QVERIFY(reader);
        QVERIFY(Sql::exec(reader.value()->db(), QStringLiteral("BEGIN")));
        QCOMPARE(scalar(reader.value()->db(), QStringLiteral("SELECT count(*) FROM teacher")).toInt(), 0);
        fillTwoTeachers(c);
        const QString out = m_dir.filePath(QStringLiteral("vacuum-copy.kopru"));
        auto copied = copyAsWriter(path, out);
        QVERIFY2(copied, qPrintable(copied.message()));
        QCOMPARE(copied.value().method, DatabaseCopy::Method::VacuumInto);
        QCOMPARE(scalar(reader.value()->db(), QStringLiteral("SELECT count(*) FROM teacher")).toInt(), 0);
        QVERIFY(Sql::exec(reader.value()->db(), QStringLiteral("ROLLBACK")));
        auto copy = Connection::open(out, Connection::Access::Inspect);
        QVERIFY(copy);
        QCOMPARE(scalar(copy.value()->db(), QStringLiteral("SELECT count(*) FROM teacher")).toInt(), 2);
        // Once the reader is gone, the next copy is a page copy again.
        const QString next = m_dir.filePath(QStringLiteral("paged-after-reader.kopru"));
        auto again = copyAsWriter(path, next);
        QVERIFY2(again, qPrintable(again.message()));
        QCOMPARE(again.value().method, DatabaseCopy::Method::PageCopy);
    }

    // A file that is mostly free pages (after a large delete) is copied with
    // VACUUM INTO, which leaves them out: a backup is not four times the data.
    void mostlyFreeFileIsCopiedWithoutItsFreePages()
    {
        const QString path = newPath();
        auto db = test::newDatabase(path);
        QVERIFY(db);
        const QSqlDatabase c = db->connection();
        fillTwoTeachers(c);
        QVERIFY(test::addFreePages(c, 2000));
        const qint64 free = scalar(c, QStringLiteral("PRAGMA freelist_count")).toLongLong();
        QVERIFY(free * 4 > scalar(c, QStringLiteral("PRAGMA page_count")).toLongLong());
        const QString out = m_dir.filePath(QStringLiteral("compacted-copy.kopru"));
        auto copied = copyAsWriter(path, out);
        QVERIFY2(copied, qPrintable(copied.message()));
        QCOMPARE(copied.value().method, DatabaseCopy::Method::VacuumInto);
        QVERIFY(QFileInfo(out).size() * 4 < QFileInfo(path).size());
        auto copy = Connection::open(out, Connection::Access::Inspect);
        QVERIFY(copy);
        QCOMPARE(scalar(copy.value()->db(), QStringLiteral("SELECT count(*) FROM teacher")).toInt(), 2);
    }

    // The identity never changes: not by a copy, not by a restore.
    void identitySurvivesCopyAndRestore()
    {
        const QString path = newPath();
        QString id;
        {
            auto db = test::newDatabase(path);
            QVERIFY(db);
            id = db->databaseId();
            QVERIFY(!QUuid::fromString(id).isNull());
            const QString copy = m_dir.filePath(QStringLiteral("identity-copy.kopru"));
            QVERIFY(db->backupTo(copy));
            QCOMPARE(DatabaseFile::databaseId(copy).value(), id);
        }
        BackupManager manager(newRoot());
        auto b = manager.backup(path, QStringLiteral("manual"));
        QVERIFY(b);
        QVERIFY(manager.restore(b->path, path));
        QCOMPARE(DatabaseFile::databaseId(path).value(), id);
        // A backup of another database is refused.
        const QString other = newPath();
        QVERIFY(test::newDatabase(other));
        auto foreign = manager.backup(other, QStringLiteral("manual"));
        QVERIFY(foreign);
        const QByteArray before = fileHash(path);
        const Status s = manager.restore(foreign->path, path);
        QVERIFY(!s);
        QVERIFY2(s.message().contains(QStringLiteral("another database")), qPrintable(s.message()));
        QCOMPARE(fileHash(path), before);
    }

    // A restored older backup is upgraded in its copy and keeps the identity.
    void restoringAnOlderBackupKeepsTheIdentity()
    {
        const QString path = newPath();
        auto db = test::newDatabase(path);
        QVERIFY(db);
        const QString id = db->databaseId();
        db.reset();
        const QString old = newPath();
        QVERIFY(Database::createAtVersion(old, 2));
        BackupManager manager(newRoot());
        const Status s = manager.restore(old, path);
        QVERIFY2(s, qPrintable(s.message()));
        QCOMPARE(DatabaseFile::schemaVersion(path).value(), Schema::kCurrentVersion);
        QCOMPARE(DatabaseFile::databaseId(path).value(), id);
    }

    void privateFilesAreTheOwnersFromTheFirstByte()
    {
#ifdef Q_OS_UNIX
        const QString target = m_dir.filePath(QStringLiteral("private.csv"));
        PrivateFile file(target);
        QVERIFY(file.open());
        QCOMPARE(QFile::permissions(file.temporaryPath())
                & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
            QFile::Permissions());
        QVERIFY(QFileInfo(file.temporaryPath()).fileName().startsWith(QStringLiteral(".private.csv.kopru-")));
        QVERIFY(!QFile::exists(target));
        QCOMPARE(file.device().write("a;b\n"), qint64(4));
        QVERIFY(file.commit());
        QVERIFY(!QFile::exists(file.temporaryPath()));
        QCOMPARE(QFile::permissions(target) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
            QFile::Permissions());
        // Not committed: nothing is left.
        QString temporary;
        {
            PrivateFile abandoned(m_dir.filePath(QStringLiteral("abandoned.csv")));
            QVERIFY(abandoned.open());
            temporary = abandoned.temporaryPath();
            QVERIFY(QFile::exists(temporary));
        }
        QVERIFY(!QFile::exists(temporary));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("abandoned.csv"))));
        // Refuse: an existing target is never replaced.
        PrivateFile refused(target, PrivateFile::Existing::Refuse);
        QVERIFY(!refused.open());
#else
        QSKIP("POSIX file permissions");
#endif
    }

    // What every writing command does first (kopru-cli import, plan, restore).
    void openForWritingTakesTheLockChecksAndUpgrades()
    {
        BackupManager backups(newRoot());
        // A sound database: opened, locked while the session lives.
        const QString path = newPath();
        QVERIFY(test::newDatabase(path));
        {
            auto session = openForWriting(path, backups);
            QVERIFY2(session, qPrintable(session.message()));
            QVERIFY(session->lock->isLocked());
            QVERIFY(!session->db->isReadOnly());
            // A second writer is refused while the first holds the lock, naming the holder.
            WriteRefusal why = WriteRefusal::NotUsable;
            auto second = openForWriting(path, backups, &why);
            QVERIFY(!second);
            QCOMPARE(why, WriteRefusal::InUse);
            QVERIFY2(
                second.message().contains(QString::number(QCoreApplication::applicationPid())), qPrintable(second.message()));
        }
        QVERIFY(!QFile::exists(InstanceLock::lockPathFor(path)));

        // A damaged database: refused, named, left as it was.
        const QString damaged = newPath();
        {
            auto db = test::newDatabase(damaged);
            QVERIFY(db);
            fillTwoTeachers(db->connection());
        }
        damage(damaged);
        const QByteArray before = fileHash(damaged);
        WriteRefusal why = WriteRefusal::NotUsable;
        auto refused = openForWriting(damaged, backups, &why);
        QVERIFY(!refused);
        QCOMPARE(why, WriteRefusal::Damaged);
        QVERIFY2(refused.message().startsWith(damaged) && refused.message().contains(QStringLiteral("damaged")),
            qPrintable(refused.message()));
        QCOMPARE(fileHash(damaged), before);

        // An empty file: refused, no lock file, nothing beside it.
        const QString empty = m_dir.filePath(QStringLiteral("empty.kopru"));
        QFile f(empty);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QVERIFY(!openForWriting(empty, backups, &why));
        QCOMPARE(why, WriteRefusal::NotUsable);
        QCOMPARE(QFileInfo(empty).size(), 0);
        for (const char *suffix : { ".lock", "-wal", "-shm" })
            QVERIFY(!QFile::exists(empty + QLatin1String(suffix)));

        // An older file: backed up, then upgraded with the identity of its backup.
        const QString old = newPath();
        QVERIFY(Database::createAtVersion(old, 2));
        auto upgraded = openForWriting(old, backups);
        QVERIFY2(upgraded, qPrintable(upgraded.message()));
        const QList<BackupInfo> list = backups.list(old);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().reason, QStringLiteral("migration"));
        QCOMPARE(QFileInfo(list.first().path).absolutePath(), backups.folderForId(upgraded->db->databaseId()));
    }

    void backupListModel()
    {
        const QString path = newPath();
        QVERIFY(test::newDatabase(path));
        BackupManager manager(newRoot());
        QVERIFY(manager.backup(path, QStringLiteral("open")));
        QVERIFY(manager.backup(path, QStringLiteral("import")));
        BackupListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setBackups(manager.list(path));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(BackupListModel::ColumnCount));
        QCOMPARE(model.index(0, BackupListModel::ReasonColumn).data(Qt::EditRole).toString(), QStringLiteral("import"));
        QCOMPARE(model.index(0, BackupListModel::ReasonColumn).data().toString(), QStringLiteral("before import"));
        QCOMPARE(model.index(1, 0).data(BackupListModel::PathRole).toString(), manager.list(path).at(1).path);
        QVERIFY(model.index(0, BackupListModel::SizeColumn).data(Qt::EditRole).toLongLong() > 0);
        QVERIFY(!model.index(0, BackupListModel::CreatedColumn).data().toString().isEmpty());
        model.setBackups({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSafety)
#include "tst_safety.moc"
