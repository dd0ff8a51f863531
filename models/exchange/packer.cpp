// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/exchange/packer.h"

#include "models/db/database.h"
#include "models/db/schema.h"
#include "models/db/sql.h"
#include "models/db/transaction.h"
#include "models/exchange/contentdigest.h"
#include "models/exchange/exchangelog.h"
#include "models/exchange/exchangesql.h"
#include "models/exchange/packagesql.h"
#include "models/exchange/packagetarget.h"
#include "models/exchange/travellingtables.h"
#include "models/io/privatefile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPacker, "kopru.exchange.pack")

namespace kopru {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(Package)
};

// Local tables whose rows carry a change serial (docs/exchange.md, "Versions and change marks").
const char *const kStampedTables[] = { "field", "centre", "school", "competency", "teacher", "need_rating", "partner",
    "training_session", "placement", "plan_decision", "proposal", "review_item", "uid_alias", "tombstone" };

// Filling order: a table can add the rows that rows already in the package
// refer to (a session's partner, a teacher's school).
const char *const kFillOrder[] = { "placement", "plan_decision", "training_session", "partner", "teacher", "teacher_record",
    "need_rating", "school", "competency", "centre", "field", "uid_alias", "proposal", "review_item" };

// Which rows of `table` go to the receiver (see the table "What travels in
// which direction"). `changed` selects rows changed since the acknowledged
// package; `me` is the sender. The package's tables filled so far are at
// `pkg.` (PackageTarget::prefix() replaces it).
QString selection(const QString &table, const DatabaseRole &me, const DatabaseRole &to, const QString &changed)
{
    if (me.isCentre()) { // centre → national office: what the centre owns
        const QString c = QString::number(me.centreId());
        if (table == QLatin1String("teacher_record"))
            return QStringLiteral("t.centre_id = %1 AND %2").arg(c, changed);
        for (const char *own : { "school", "teacher", "partner", "training_session", "placement", "proposal" })
            if (table == QLatin1String(own))
                return QStringLiteral("t.owner_centre_id = %1 AND %2").arg(c, changed);
        return {};
    }
    // national office → centre N: what N may have and does not own.
    const QString n = QString::number(to.centreId());
    const QString fieldsOfN = QStringLiteral("(SELECT field_id FROM main.centre_field WHERE centre_id = %1)").arg(n);
    const QString teachersOfN = QStringLiteral("(SELECT id FROM main.teacher WHERE centre_id = %1)").arg(n);
    if (table == QLatin1String("uid_alias") || table == QLatin1String("field") || table == QLatin1String("centre")
        || table == QLatin1String("competency"))
        return changed;
    if (table == QLatin1String("school"))
        return QStringLiteral("t.owner_centre_id IS NOT %1 AND (%2 OR t.id IN (SELECT school_id FROM main.teacher WHERE uid IN "
                              "(SELECT uid FROM pkg.teacher)))")
            .arg(n, changed);
    if (table == QLatin1String("teacher"))
        return QStringLiteral("t.centre_id = %1 AND t.owner_centre_id IS NOT %1 AND %2").arg(n, changed);
    if (table == QLatin1String("teacher_record"))
        return QStringLiteral("t.uid IN (SELECT uid FROM pkg.teacher)");
    if (table == QLatin1String("need_rating"))
        return QStringLiteral("t.teacher_id IN %1 AND (%2 OR t.teacher_id IN (SELECT id FROM main.teacher WHERE uid IN "
                              "(SELECT uid FROM pkg.teacher)))")
            .arg(teachersOfN, changed);
    if (table == QLatin1String("placement"))
        return QStringLiteral("t.owner_centre_id IS NULL AND t.teacher_id IN %1 AND %2").arg(teachersOfN, changed);
    if (table == QLatin1String("plan_decision"))
        return QStringLiteral("t.placement_id IN (SELECT id FROM main.placement WHERE owner_centre_id = %1) AND %2")
            .arg(n, changed);
    if (table == QLatin1String("training_session"))
        return QStringLiteral(
            "t.owner_centre_id IS NOT %1 AND ((t.field_id IN %2 AND %3) OR t.uid IN (SELECT session_uid FROM pkg.placement))")
            .arg(n, fieldsOfN, changed);
    if (table == QLatin1String("partner"))
        return QStringLiteral(
            "t.owner_centre_id IS NOT %1 AND ((%3 AND (EXISTS (SELECT 1 FROM main.training_session s WHERE "
            "s.partner_id = t.id AND s.field_id IN %2) OR EXISTS (SELECT 1 FROM main.partner_competency pc JOIN "
            "main.competency k ON k.id = pc.competency_id WHERE pc.partner_id = t.id AND k.field_id IN %2))) "
            "OR t.uid IN (SELECT partner_uid FROM pkg.training_session))")
            .arg(n, fieldsOfN, changed);
    if (table == QLatin1String("review_item"))
        return QStringLiteral("t.centres LIKE '%,%1,%' AND %2").arg(n, changed);
    return {}; // proposals go up only
}

QString tombstoneSelection(const DatabaseRole &me, const DatabaseRole &to, const QString &changed)
{
    if (me.isCentre())
        return QStringLiteral("(owner_centre_id = %1 OR (erased = 1 AND deleted_by = '%2')) AND %3")
            .arg(QString::number(me.centreId()), me.code(), changed);
    return QStringLiteral("(owner_centre_id IS NOT %1 OR erased = 1) AND %2").arg(QString::number(to.centreId()), changed);
}

Status checkPair(QSqlDatabase db, const DatabaseRole &me, const DatabaseRole &to)
{
    if (me.isCentre() && !to.isNational())
        return Status::failure(
            Text::tr("a centre sends its packages to the national office only (this database is %1)").arg(me.displayName()));
    if (me.isNational() && !to.isCentre())
        return Status::failure(Text::tr("the national office sends packages to centres (--to CENTRE)"));
    if (to.isCentre()) {
        auto known = ExchangeSql::scalar(db, QStringLiteral("SELECT count(*) FROM centre WHERE id = ?"), { to.centreId() });
        if (!known)
            return known.error();
        if (known.value().toInt() == 0)
            return Status::failure(Text::tr("there is no centre %1").arg(to.centreId()));
    }
    return {};
}

} // namespace

Expected<PackageManifest> Packer::pack(Database &database, const Options &options)
{
    QSqlDatabase db = database.connection();
    auto me = DatabaseRole::read(db);
    if (!me)
        return me.error();
    if (Status s = checkPair(db, me.value(), options.receiver); !s)
        return s.error();

    PrivateFile file(options.outPath, PrivateFile::Existing::Replace);
    if (Status s = file.open(); !s)
        return s.error();
    PackageTarget target(db, file.temporaryPath());
    if (!target.status())
        return target.status().error();

    PackageManifest m;
    {
        Transaction tx(db);
        if (!tx.began())
            return tx.began().error();
        auto peer = ExchangeLog::ensurePeer(db, options.receiver);
        if (!peer)
            return peer.error();
        // Everything changed since the last package gets the next serial.
        auto last = ExchangeSql::scalar(db, QStringLiteral("SELECT value FROM meta WHERE key = 'change_serial'"));
        if (!last)
            return last.error();
        const qint64 serial = last.value().toLongLong() + 1;
        if (Status s = ExchangeSql::exec(db,
                QStringLiteral("INSERT INTO meta(key, value) VALUES ('change_serial', ?) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                { QString::number(serial) });
            !s)
            return s.error();
        for (const char *table : kStampedTables)
            if (Status s = ExchangeSql::exec(db,
                    QStringLiteral("UPDATE main.%1 SET change_serial = ? WHERE change_serial IS NULL").arg(QLatin1String(table)),
                    { serial });
                !s)
                return s.error();

        bool full = options.full;
        qint64 mark = -1;
        if (!full) {
            auto base = ExchangeLog::serialOf(db, peer.value().id, peer.value().ackedSeq);
            if (!base)
                return base.error();
            mark = peer.value().ackedSeq > 0 ? base.value() : 0;
            // A centre whose fields changed gets everything again (what it may
            // have depends on its fields).
            if (options.receiver.isCentre()) {
                auto centre = ExchangeSql::scalar(
                    db, QStringLiteral("SELECT change_serial FROM centre WHERE id = ?"), { options.receiver.centreId() });
                if (!centre)
                    return centre.error();
                if (mark > 0 && centre.value().toLongLong() > mark) {
                    full = true;
                    mark = -1;
                }
            }
        }
        const QString changed = QStringLiteral("t.change_serial > %1").arg(mark);

        if (Status s = target.create(); !s)
            return s.error();
        const QString pkg = target.prefix();
        for (const char *name : kFillOrder) {
            const TravellingTable *t = TravellingTables::table(QLatin1String(name));
            const QString where = selection(t->name, me.value(), options.receiver, changed).replace(QStringLiteral("pkg."), pkg);
            if (where.isEmpty())
                continue;
            if (Status s = ExchangeSql::exec(db, PackageSql::copyLocal(*t, pkg, where)); !s)
                return s.error();
        }
        for (const TravellingList &l : TravellingTables::lists())
            if (Status s = ExchangeSql::exec(db, PackageSql::copyLocalList(l, pkg)); !s)
                return s.error();
        if (Status s = ExchangeSql::exec(db,
                QStringLiteral("INSERT INTO %1tombstone(table_name, uid, owner_centre_id, version, erased, deleted_at, "
                               "deleted_by) SELECT table_name, uid, owner_centre_id, version, erased, deleted_at, "
                               "deleted_by FROM main.tombstone t WHERE ")
                        .arg(pkg)
                    + tombstoneSelection(me.value(), options.receiver, changed));
            !s)
            return s.error();
        if (Status s = target.finish(); !s)
            return s.error();
        QSqlDatabase pkgFile = target.file();
        const QString schema = target.schema();

        for (const TravellingTables::DigestTable &t : TravellingTables::digestTables()) {
            auto n = Sql::scalar(pkgFile, QStringLiteral("SELECT count(*) FROM %1.%2").arg(schema, t.name));
            if (!n)
                return n.error();
            if (n.value().toLongLong() > 0)
                m.rows[t.name] = n.value().toLongLong();
        }
        auto digest = ContentDigest::ofPackage(pkgFile, schema);
        if (!digest)
            return digest.error();
        m.contentSha256 = digest.value();
        m.schemaVersion = Schema::kCurrentVersion;
        m.senderDatabaseId = database.databaseId();
        m.sender = me.value();
        m.receiverDatabaseId = peer.value().databaseId;
        m.receiver = options.receiver;
        m.sequence = peer.value().lastSentSeq + 1;
        m.baseSequence = full ? 0 : peer.value().ackedSeq;
        m.ackSequence = peer.value().lastReceivedSeq;
        m.full = full;
        m.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        m.program = QStringLiteral("Köprü %1").arg(QStringLiteral(KOPRU_VERSION));
        if (Status s = m.write(pkgFile, schema); !s)
            return s.error();
        if (Status s = Sql::exec(
                pkgFile, QStringLiteral("PRAGMA %1.application_id = %2").arg(schema).arg(PackageManifest::kApplicationId));
            !s)
            return s.error();
        if (Status s
            = Sql::exec(pkgFile, QStringLiteral("PRAGMA %1.user_version = %2").arg(schema).arg(PackageManifest::kFormat));
            !s)
            return s.error();

        ExchangePackageRecord record;
        record.direction = QStringLiteral("sent");
        record.sequence = m.sequence;
        record.baseSequence = m.baseSequence;
        record.ackSequence = m.ackSequence;
        record.serial = serial;
        record.full = full;
        record.fileName = QFileInfo(options.outPath).fileName();
        record.contentSha = m.contentSha256;
        QJsonObject counts;
        for (const auto &[table, rows] : m.rows)
            counts.insert(table, rows);
        record.counts = QString::fromUtf8(QJsonDocument(counts).toJson(QJsonDocument::Compact));
        if (Status s = ExchangeLog::record(db, peer.value().id, record); !s)
            return s.error();
        ExchangePeer updated = peer.value();
        updated.lastSentSeq = m.sequence;
        if (Status s = ExchangeLog::update(db, updated); !s)
            return s.error();
        if (Status s = tx.commit(); !s)
            return s.error();
    }
    qCInfo(lcPacker) << "package" << m.sequence << "for" << options.receiver.code() << m.totalRows() << "rows";
    if (Status s = target.close(); !s)
        return s.error();
    if (Status s = file.commit(); !s)
        return s.error();
    return m;
}

} // namespace kopru
