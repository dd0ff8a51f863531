// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/receiver.h"

#include "models/db/database.h"
#include "models/db/databasefile.h"
#include "models/db/pragmascope.h"
#include "models/db/schema.h"
#include "models/db/sql.h"
#include "models/db/transaction.h"
#include "models/exchange/contentdigest.h"
#include "models/exchange/exchangelog.h"
#include "models/exchange/exchangesql.h"
#include "models/exchange/packageapplier.h"
#include "models/exchange/packagesource.h"
#include "models/safety/backupmanager.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryFile>

Q_LOGGING_CATEGORY(lcReceive, "kopru.exchange.receive")

namespace kopru {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(Package)
};

// The largest package accepted (a centre's full package is a few MB).
constexpr qint64 kMaxPackageBytes = qint64(1) << 30;

// What the checks decided about a package that is in order.
enum class Verdict { Apply, AlreadyReceived };
struct Admission
{
    Verdict verdict = Verdict::Apply;
    bool newSender = false;
    QString receivedAt;
};

QString sequenceText(const PackageManifest &m)
{
    return Text::tr("package %1 from %2").arg(m.sequence).arg(m.sender.displayName());
}

// Not even SQLite, or another kind of SQLite file: refused before SQLite is
// asked to attach it.
Status checkHeader(const QString &copy)
{
    auto header = DatabaseFile::readHeader(copy);
    if (!header)
        return header.error();
    if (!header->sqlite || header->applicationId != quint32(PackageManifest::kApplicationId))
        return Status::failure(
            Text::tr("this is not a Köprü package (a .kopru-pkg file made by kopru-cli pack or File › Send to…)"));
    return {};
}

// The package as it stands: the checks that need only the (attached) file.
Status checkFile(const PackageSource &source, PackageManifest *manifest)
{
    QSqlDatabase db = source.file();
    auto check = Sql::scalar(db, QStringLiteral("PRAGMA %1.quick_check").arg(source.schema()));
    if (!check || check.value().toString() != QLatin1String("ok"))
        return Status::failure(Text::tr("the package is damaged (%1)").arg(check ? check.value().toString() : check.message()));
    auto m = PackageManifest::read(db, source.schema());
    if (!m)
        return m.error();
    if (m->format > PackageManifest::kFormat)
        return Status::failure(Text::tr(
            "the package was made by a newer Köprü (package format %1; this program reads %2): install the newer version")
                                   .arg(m->format)
                                   .arg(PackageManifest::kFormat));
    if (m->schemaVersion > Schema::kCurrentVersion)
        return Status::failure(Text::tr(
            "the package was made by a newer Köprü (schema version %1; this program knows up to %2): install the newer version")
                                   .arg(m->schemaVersion)
                                   .arg(Schema::kCurrentVersion));
    auto digest = ContentDigest::ofPackage(db, source.schema());
    if (!digest)
        return Status::failure(Text::tr("the package is damaged (%1)").arg(digest.message()));
    if (digest.value() != m->contentSha256)
        return Status::failure(
            Text::tr("the package's content does not match its checksum: it was damaged or changed after it was made"));
    *manifest = m.value();
    return {};
}

// Whether this database may apply the package now (reads only).
Expected<Admission> admit(Database &database, const PackageManifest &m)
{
    QSqlDatabase db = database.connection();
    auto me = DatabaseRole::read(db);
    if (!me)
        return me.error();
    const QString myId = database.databaseId();
    if (m.senderDatabaseId == myId)
        return Error { Text::tr("this package was made by this database itself"), {}, 0, 0 };
    if (m.receiver != me.value() || (!m.receiverDatabaseId.isEmpty() && m.receiverDatabaseId != myId))
        return Error { Text::tr("this package is for %1 (database %2), not for this database (%3)")
                           .arg(m.receiver.displayName(),
                               m.receiverDatabaseId.isEmpty() ? Text::tr("not yet known") : m.receiverDatabaseId,
                               me->displayName()),
            {}, 0, 0 };
    if (m.sender.isCentre() == me->isCentre())
        return Error {
            Text::tr("unknown sender: %1 does not exchange packages with %2").arg(m.sender.displayName(), me->displayName()), {},
            0, 0
        };
    if (m.sender.isCentre()) {
        auto known = ExchangeSql::scalar(db, QStringLiteral("SELECT count(*) FROM centre WHERE id = ?"), { m.sender.centreId() });
        if (!known)
            return known.error();
        if (known.value().toInt() == 0)
            return Error { Text::tr("unknown sender: there is no centre %1").arg(m.sender.centreId()), {}, 0, 0 };
    }
    auto peer = ExchangeLog::peer(db, m.sender);
    if (!peer)
        return peer.error();
    Admission a;
    int received = 0;
    if (peer.value() && !peer.value()->databaseId.isEmpty()) {
        if (peer.value()->databaseId != m.senderDatabaseId)
            return Error { Text::tr("unknown sender: %1 is database %2 for this database, this package comes from database %3")
                               .arg(m.sender.displayName(), peer.value()->databaseId, m.senderDatabaseId),
                {}, 0, 0 };
        received = peer.value()->lastReceivedSeq;
    } else {
        a.newSender = true;
    }
    if (received > 0 && m.sequence == received && m.contentSha256 == peer.value()->lastReceivedSha) {
        a.verdict = Verdict::AlreadyReceived;
        a.receivedAt = peer.value()->lastReceivedAt;
        return a;
    }
    if (m.sequence <= received)
        return Error { Text::tr("%1 is older than package %2, which was applied already").arg(sequenceText(m)).arg(received), {},
            0, 0 };
    if (m.baseSequence > received)
        return Error {
            Text::tr("%1 continues from package %2, but only up to package %3 has been received: receive the missing package "
                     "first, or ask for a full package (kopru-cli pack --full)")
                .arg(sequenceText(m))
                .arg(m.baseSequence)
                .arg(received),
            {}, 0, 0
        };
    return a;
}

// Records the applied package and what it tells about the sender.
Status log(Database &database, const PackageManifest &m, const ApplySummary &summary, const QString &fileName)
{
    QSqlDatabase db = database.connection();
    auto peer = ExchangeLog::ensurePeer(db, m.sender);
    if (!peer)
        return peer.error();
    ExchangePeer p = peer.value();
    p.databaseId = m.senderDatabaseId;
    p.lastReceivedSeq = m.sequence;
    p.lastReceivedSha = m.contentSha256;
    p.lastReceivedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    // The sender's word on what it applied of ours is the truth (also when it
    // went back: it was restored from a backup). If it has more than this
    // database remembers sending (this database was restored), the next
    // package continues after it, with everything.
    p.ackedSeq = m.ackSequence;
    if (p.ackedSeq > p.lastSentSeq)
        p.lastSentSeq = p.ackedSeq;
    if (Status s = ExchangeLog::update(db, p); !s)
        return s;
    ExchangePackageRecord r;
    r.direction = QStringLiteral("received");
    r.sequence = m.sequence;
    r.baseSequence = m.baseSequence;
    r.ackSequence = m.ackSequence;
    r.full = m.full;
    r.fileName = fileName;
    r.contentSha = m.contentSha256;
    QJsonObject counts;
    for (const auto &[table, c] : summary.tables)
        counts.insert(table,
            QJsonObject { { QStringLiteral("new"), c.added }, { QStringLiteral("updated"), c.updated },
                { QStringLiteral("unchanged"), c.unchanged }, { QStringLiteral("deleted"), c.deleted },
                { QStringLiteral("conflicts"), c.conflicts }, { QStringLiteral("refused"), c.refused } });
    r.counts = QString::fromUtf8(QJsonDocument(counts).toJson(QJsonDocument::Compact));
    return ExchangeLog::record(db, p.id, r);
}

// A private copy of the package: checked and applied from there, so that the
// file cannot change between the checks and the application.
Expected<std::unique_ptr<QTemporaryFile>> privateCopy(const QString &path)
{
    QFile source(path);
    if (!QFileInfo(path).isFile() || !source.open(QIODevice::ReadOnly))
        return Error { Text::tr("cannot read the package: %1").arg(source.errorString()), path, 0, 0 };
    if (source.size() > kMaxPackageBytes)
        return Error { Text::tr("the package is larger than %1 MB: not a Köprü package").arg(kMaxPackageBytes >> 20), path, 0,
            0 };
    auto copy = std::make_unique<QTemporaryFile>(QDir::temp().filePath(QStringLiteral("kopru-receive-XXXXXX.kopru-pkg")));
    if (!copy->open())
        return Error { Text::tr("cannot make a temporary copy of the package: %1").arg(copy->errorString()), path, 0, 0 };
    while (!source.atEnd()) {
        const QByteArray chunk = source.read(1 << 20);
        if (chunk.isEmpty() && source.error() != QFileDevice::NoError)
            return Error { Text::tr("cannot read the package: %1").arg(source.errorString()), path, 0, 0 };
        if (copy->write(chunk) != chunk.size())
            return Error { Text::tr("cannot make a temporary copy of the package: %1").arg(copy->errorString()), path, 0, 0 };
    }
    if (!copy->flush())
        return Error { Text::tr("cannot make a temporary copy of the package: %1").arg(copy->errorString()), path, 0, 0 };
    return copy;
}

} // namespace

Expected<PackageManifest> Receiver::inspect(Database &db, const QString &packagePath)
{
    auto copy = privateCopy(packagePath);
    if (!copy)
        return copy.error();
    if (Status s = checkHeader(copy.value()->fileName()); !s)
        return Error { s.error().message, packagePath, 0, 0 };
    PackageSource source(db.connection(), copy.value()->fileName());
    if (!source.status())
        return Error { Text::tr("the package is damaged (%1)").arg(source.status().message()), packagePath, 0, 0 };
    PackageManifest m;
    if (Status s = checkFile(source, &m); !s)
        return Error { s.error().message, packagePath, 0, 0 };
    auto admission = admit(db, m);
    if (!admission)
        return Error { admission.error().message, packagePath, 0, 0 };
    return m;
}

Expected<Receiver::Result> Receiver::receive(Database &database, const QString &packagePath, const Options &options)
{
    const QString dbName = QFileInfo(database.path()).fileName();
    const auto refusal = [&](const QString &message) {
        return Error { Text::tr("%1 — %2 was not changed").arg(message, dbName), packagePath, 0, 0 };
    };
    const auto progress = [&options](int percent) {
        if (options.progress)
            options.progress(percent);
    };
    QSqlDatabase db = database.connection();
    progress(0);
    auto copy = privateCopy(packagePath);
    if (!copy)
        return refusal(copy.error().message);
    if (Status s = checkHeader(copy.value()->fileName()); !s)
        return refusal(s.error().message);
    PackageSource source(db, copy.value()->fileName());
    if (!source.status())
        return refusal(Text::tr("the package is damaged (%1)").arg(source.status().message()));
    Result result;
    if (Status s = checkFile(source, &result.manifest); !s)
        return refusal(s.error().message);
    progress(10);
    auto admission = admit(database, result.manifest);
    if (!admission)
        return refusal(admission.error().message);
    if (admission->verdict == Verdict::AlreadyReceived) {
        result.outcome = Outcome::AlreadyReceived;
        result.receivedAt = admission->receivedAt;
        return result;
    }
    if (!options.dryRun && options.backup) {
        if (Status s = BackupManager().backupBeforeChange(database, QStringLiteral("receive")); !s)
            return refusal(s.message());
    }
    // An erasure overwrites what it deletes.
    auto erasures
        = Sql::scalar(source.file(), QStringLiteral("SELECT count(*) FROM %1.tombstone WHERE erased = 1").arg(source.schema()));
    if (!erasures)
        return refusal(erasures.message());
    std::optional<PragmaScope> secureDelete;
    if (erasures.value().toInt() > 0) {
        secureDelete.emplace(db, "secure_delete", 1);
        if (!secureDelete->status())
            return refusal(secureDelete->status().message());
    }
    {
        Transaction tx(db);
        if (!tx.began())
            return refusal(tx.began().message());
        // Again inside the write transaction: another program may have
        // received a package in between.
        admission = admit(database, result.manifest);
        if (!admission)
            return refusal(admission.error().message);
        if (admission->verdict == Verdict::AlreadyReceived) {
            result.outcome = Outcome::AlreadyReceived;
            result.receivedAt = admission->receivedAt;
            return result;
        }
        result.newSender = admission->newSender;
        if (Status s = source.stage([&](int percent) { progress(10 + percent / 10); }); !s)
            return refusal(Text::tr("the package cannot be read: %1").arg(s.message()));
        progress(20);
        ApplyContext ctx;
        ctx.db = db;
        auto me = DatabaseRole::read(db);
        if (!me)
            return refusal(me.error().message);
        ctx.me = me.value();
        ctx.sender = result.manifest.sender;
        ctx.source = source.prefix();
        ctx.summary = &result.summary;
        if (Status s = PackageApplier::apply(ctx); !s)
            return refusal(Text::tr("the package cannot be applied: %1").arg(s.message()));
        progress(90);
        if (Status s = ApplyTable::dropTemporaryTables(db); !s)
            return refusal(s.message());
        if (Status s = log(database, result.manifest, result.summary, QFileInfo(packagePath).fileName()); !s)
            return refusal(s.message());
        if (options.dryRun) {
            tx.rollback();
            result.outcome = Outcome::DryRun;
        } else if (Status s = tx.commit(); !s) {
            return refusal(s.message());
        }
    }
    if (Status s = source.close(); !s)
        qCWarning(lcReceive) << "cannot detach the package:" << s.message();
    progress(100);
    qCInfo(lcReceive) << "package" << result.manifest.sequence << "from" << result.manifest.sender.code() << "changed"
                      << result.summary.changedRows() << "rows" << (options.dryRun ? "(dry run)" : "");
    return result;
}

} // namespace kopru
