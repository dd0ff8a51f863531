// SPDX-License-Identifier: GPL-3.0-or-later
// The national exchange end to end (docs/exchange.md): the demo's national
// office and its 15 centres built from one seed; every centre's package
// merged in three orders gives the same national content; receiving again
// changes nothing; damaged, tampered, foreign, unknown-sender, out-of-order,
// stale and newer packages are refused with the database byte for byte as it
// was; the national office's packages take the other centres' partners down.
#include "models/demo/demogenerator.h"
#include "models/exchange/packer.h"
#include "models/exchange/receiver.h"
#include "models/safety/purge.h"
#include "tests/common/exchangeutil.h"

#include <QFile>
#include <QRegularExpression>
#include <algorithm>
#include <numeric>

using namespace kopru;
using test::scalar;

class TestExchange : public QObject
{
    Q_OBJECT
    test::ExchangeWorkspace m_work;
    QString m_national; // the demo national office, as built
    std::map<int, QString> m_centres; // centre id → its demo database, as built
    std::map<int, QString> m_packages; // centre id → its first (full) package
    std::map<int, qint64> m_packageRows; // centre id → rows in it
    QString m_merged; // the national office with every centre's first package (mergedNational())
    int m_n = 0;

    QString path(const QString &name) const { return m_work.path(name); }
    QString copyOf(const QString &source) { return m_work.copyOf(source); }
    static QString build(const QString &file, const DatabaseRole &role) { return test::ExchangeWorkspace::build(file, role); }
    static Expected<PackageManifest> pack(const QString &dbPath, const DatabaseRole &to, const QString &out, bool full = false)
    {
        return test::ExchangeWorkspace::pack(dbPath, to, out, full);
    }
    static Expected<Receiver::Result> receive(const QString &dbPath, const QString &package, bool dryRun = false)
    {
        return test::ExchangeWorkspace::receive(dbPath, package, dryRun);
    }
    static bool change(const QString &dbPath, const QStringList &statements)
    {
        return test::ExchangeWorkspace::change(dbPath, statements);
    }
    static QVariant value(const QString &dbPath, const QString &sql) { return test::ExchangeWorkspace::value(dbPath, sql); }

    // The national office with every centre's first package applied.
    QString mergedNational()
    {
        if (m_merged.isEmpty()) {
            const QString national = copyOf(m_national);
            for (const auto &[c, package] : m_packages) {
                auto r = receive(national, package);
                if (!r) {
                    qWarning("%s", qPrintable(r.message()));
                    return {};
                }
            }
            m_merged = national;
        }
        return copyOf(m_merged);
    }

    // A refused package leaves the database byte for byte as it was, and
    // the message names the file and says so.
    void expectRefused(const QString &dbPath, const QString &package, const QString &why)
    {
        {
            auto settle = Database::open(dbPath);
            QVERIFY(settle);
        } // a WAL left open is checkpointed on close
        const QByteArray before = test::fileBytes(dbPath);
        auto r = receive(dbPath, package);
        QVERIFY2(!r, qPrintable(why));
        QVERIFY2(
            r.message().contains(package) && r.message().contains(QStringLiteral("was not changed")), qPrintable(r.message()));
        QVERIFY2(r.message().contains(why), qPrintable(r.message() + QStringLiteral(" — expected: ") + why));
        QVERIFY(test::fileBytes(dbPath) == before);
    }

    // A package whose manifest or content was changed by hand.
    QString tampered(const QString &package, const QString &sql)
    {
        const QString copy = path(QStringLiteral("tampered%1.kopru-pkg").arg(++m_n));
        if (!QFile::copy(package, copy))
            return {};
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            raw.setDatabaseName(copy);
            if (!raw.open() || !Sql::exec(raw, sql))
                qWarning("cannot tamper with %s", qPrintable(copy));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        return copy;
    }

    QMap<QString, QByteArray> digests(const QString &dbPath)
    {
        auto db = Database::open(dbPath);
        return db ? test::contentDigests(db.value()->connection()) : QMap<QString, QByteArray>();
    }

private slots:
    void initTestCase()
    {
        m_national = build(path(QStringLiteral("national.kopru")), DatabaseRole::national());
        QVERIFY(!m_national.isEmpty());
        for (int c = 1; c <= 15; ++c) {
            const QString file = build(path(QStringLiteral("centre%1.kopru").arg(c)), DatabaseRole::centre(c));
            QVERIFY(!file.isEmpty());
            m_centres[c] = file;
            // Packing writes to the centre (serial, log): a copy keeps the built one clean.
            const QString working = copyOf(file);
            const QString out = path(QStringLiteral("centre%1-1.kopru-pkg").arg(c));
            auto m = pack(working, DatabaseRole::national(), out);
            QVERIFY2(m, qPrintable(m.message()));
            QCOMPARE(m->sequence, 1);
            QCOMPARE(m->baseSequence, 0);
            m_packages[c] = out;
            m_packageRows[c] = m->totalRows();
        }
    }

    void everyCentreHasDataOfItsOwn()
    {
        // Centre 7 coordinates no pilot field; the demo has it host a share of
        // the Istanbul centres' teachers and partners (DemoGenerator), so no
        // centre's package is empty — at the tests' seed and at the demo's seed 1.
        for (int c = 1; c <= 15; ++c) {
            QVERIFY2(m_packageRows[c] > 0, qPrintable(QStringLiteral("centre %1").arg(c)));
            QVERIFY(value(m_centres[c], QStringLiteral("SELECT count(*) FROM teacher WHERE centre_id = %1").arg(c)).toInt() > 0);
            QVERIFY(value(m_centres[c], QStringLiteral("SELECT count(*) FROM partner WHERE owner_centre_id = %1").arg(c)).toInt()
                > 0);
        }
        QCOMPARE(value(m_national, QStringLiteral("SELECT count(*) FROM teacher WHERE centre_id = 7")),
            value(m_centres[7], QStringLiteral("SELECT count(*) FROM teacher")));
        auto db = Database::create(path(QStringLiteral("seed1-centre7.kopru")), [](QSqlDatabase c) -> Status {
            DemoGenerator::Options o; // the demo's sizes
            o.seed = 1;
            o.role = DatabaseRole::centre(7);
            auto s = DemoGenerator::generate(c, o);
            return s ? Status() : Status(s.error());
        });
        QVERIFY2(db, qPrintable(db.message()));
        const QSqlDatabase c = db.value()->connection();
        QVERIFY(scalar(c, QStringLiteral("SELECT count(*) FROM teacher WHERE centre_id = 7")).toInt() > 0);
        QVERIFY(scalar(c, QStringLiteral("SELECT count(*) FROM partner WHERE owner_centre_id = 7")).toInt() > 0);
        QVERIFY(scalar(c, QStringLiteral("SELECT count(*) FROM training_session WHERE owner_centre_id = 7")).toInt() > 0);
        auto m = Packer::pack(
            *db.value(), Packer::Options { DatabaseRole::national(), path(QStringLiteral("seed1-c7.kopru-pkg")), true });
        QVERIFY2(m, qPrintable(m.message()));
        const auto rows = [&m](const char *table) {
            const auto it = m->rows.find(QLatin1String(table));
            return it == m->rows.end() ? qint64(0) : it->second;
        };
        QVERIFY(rows("partner") > 0);
        QVERIFY(rows("training_session") > 0);
        QVERIFY(rows("teacher_record") > 0);
    }

    void mergesTheCentresInAnyOrder()
    {
        std::vector<int> order(15);
        std::iota(order.begin(), order.end(), 1);
        std::vector<std::vector<int>> orders { order, std::vector<int>(order.rbegin(), order.rend()) };
        std::vector<int> shuffled = order;
        std::rotate(shuffled.begin(), shuffled.begin() + 7, shuffled.end());
        std::swap(shuffled[0], shuffled[9]);
        std::swap(shuffled[3], shuffled[12]);
        orders.push_back(shuffled);

        QMap<QString, QByteArray> first;
        for (const auto &o : orders) {
            const QString national = copyOf(m_national);
            for (int c : o) {
                auto r = receive(national, m_packages[c]);
                QVERIFY2(r, qPrintable(r.message()));
                QCOMPARE(r->outcome, Receiver::Outcome::Applied);
                QCOMPARE(r->summary.changedRows() > 0, m_packageRows[c] > 0);
            }
            const auto d = digests(national);
            QVERIFY(!d.isEmpty());
            if (first.isEmpty()) {
                first = d;
                auto db = Database::open(national);
                QVERIFY(db);
                const QSqlDatabase n = db.value()->connection();
                qint64 partners = 0, placements = 0, records = 0;
                for (const auto &[c, file] : m_centres) {
                    auto centre = Database::open(file);
                    QVERIFY(centre);
                    partners += scalar(centre.value()->connection(), QStringLiteral("SELECT count(*) FROM partner")).toLongLong();
                    placements
                        += scalar(centre.value()->connection(), QStringLiteral("SELECT count(*) FROM placement")).toLongLong();
                    records += scalar(
                        centre.value()->connection(), QStringLiteral("SELECT count(*) FROM teacher WHERE record_version > 1"))
                                   .toLongLong();
                }
                QVERIFY(partners > 0 && placements > 0 && records > 0);
                QCOMPARE(scalar(n, QStringLiteral("SELECT count(*) FROM partner")).toLongLong(), partners);
                QCOMPARE(scalar(n, QStringLiteral("SELECT count(*) FROM placement")).toLongLong(), placements);
                QCOMPARE(
                    scalar(n, QStringLiteral("SELECT count(*) FROM teacher WHERE record_version > 1")).toLongLong(), records);
                QCOMPARE(scalar(n, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(), 0);
                QCOMPARE(scalar(n, QStringLiteral("SELECT count(*) FROM review_item")).toInt(), 0);
                QCOMPARE(scalar(n, QStringLiteral("SELECT count(*) FROM exchange_peer WHERE last_received_seq = 1")).toInt(), 15);
            } else {
                for (auto it = first.cbegin(); it != first.cend(); ++it)
                    QVERIFY2(d.value(it.key()) == it.value(), qPrintable(it.key()));
            }
        }
    }

    void receivingAgainChangesNothing()
    {
        const QString national = copyOf(m_national);
        auto r = receive(national, m_packages[3]);
        QVERIFY2(r, qPrintable(r.message()));
        const QByteArray before = test::fileBytes(national);
        auto again = receive(national, m_packages[3]);
        QVERIFY2(again, qPrintable(again.message()));
        QCOMPARE(again->outcome, Receiver::Outcome::AlreadyReceived);
        QCOMPARE(test::fileBytes(national), before);
        // A new package with the same content: applied, 0 rows changed.
        const QString centre = copyOf(m_centres[3]);
        auto first = pack(centre, DatabaseRole::national(), path(QStringLiteral("c3-a.kopru-pkg")));
        auto full = pack(centre, DatabaseRole::national(), path(QStringLiteral("c3-b.kopru-pkg")), true);
        QVERIFY(first && full);
        QCOMPARE(full->sequence, 2);
        const auto d = digests(national);
        auto third = receive(national, path(QStringLiteral("c3-b.kopru-pkg")));
        QVERIFY2(third, qPrintable(third.message()));
        QCOMPARE(third->outcome, Receiver::Outcome::Applied);
        QCOMPARE(third->summary.changedRows(), 0);
        QVERIFY(third->summary.tables.at(QStringLiteral("partner")).unchanged > 0);
        QCOMPARE(digests(national), d);
    }

    void dryRunChangesNothing()
    {
        const QString national = copyOf(m_national);
        {
            auto settle = Database::open(national);
            QVERIFY(settle);
        }
        const QByteArray before = test::fileBytes(national);
        auto dry = receive(national, m_packages[5], true);
        QVERIFY2(dry, qPrintable(dry.message()));
        QCOMPARE(dry->outcome, Receiver::Outcome::DryRun);
        QVERIFY(test::fileBytes(national) == before);
        auto real = receive(national, m_packages[5]);
        QVERIFY2(real, qPrintable(real.message()));
        QCOMPARE(real->summary.changedRows(), dry->summary.changedRows());
        QCOMPARE(
            real->summary.tables.at(QStringLiteral("partner")).added, dry->summary.tables.at(QStringLiteral("partner")).added);
    }

    void refusesWhatItMustNotApply()
    {
        const QString national = copyOf(m_national);
        QVERIFY(receive(national, m_packages[3]));
        // Out of sequence: centre 3 heard back from the national office (acknowledged
        // its package 1) and makes package 2, which continues from 1.
        const QString centre = copyOf(m_centres[3]);
        QVERIFY(pack(centre, DatabaseRole::national(), path(QStringLiteral("c3-1.kopru-pkg"))));
        const QString national2 = copyOf(m_national);
        QVERIFY(receive(national2, path(QStringLiteral("c3-1.kopru-pkg"))));
        QVERIFY(pack(national2, DatabaseRole::centre(3), path(QStringLiteral("n-c3-1.kopru-pkg"))));
        auto back = receive(centre, path(QStringLiteral("n-c3-1.kopru-pkg")));
        QVERIFY2(back, qPrintable(back.message()));
        QVERIFY(change(
            centre, { QStringLiteral("UPDATE partner SET name = name || ' Ltd.' WHERE id = (SELECT min(id) FROM partner)") }));
        auto second = pack(centre, DatabaseRole::national(), path(QStringLiteral("c3-2.kopru-pkg")));
        QVERIFY2(second, qPrintable(second.message()));
        QCOMPARE(second->baseSequence, 1);
        QCOMPARE(second->sequence, 2);
        QCOMPARE(second->rows.at(QStringLiteral("partner")), 1);
        const QString fresh = copyOf(m_national);
        expectRefused(fresh, path(QStringLiteral("c3-2.kopru-pkg")), QStringLiteral("continues from package 1"));
        // Stale: package 1 after package 2.
        QVERIFY(receive(national2, path(QStringLiteral("c3-2.kopru-pkg"))));
        expectRefused(national2, path(QStringLiteral("c3-1.kopru-pkg")), QStringLiteral("older than package 2"));
        // Tampered content, a newer schema or format, damage.
        expectRefused(fresh, tampered(m_packages[3], QStringLiteral("UPDATE partner SET name = 'Sahte A.Ş.' WHERE rowid = 1")),
            QStringLiteral("does not match its checksum"));
        expectRefused(fresh,
            tampered(m_packages[3], QStringLiteral("UPDATE manifest SET value = '99' WHERE key = 'schema_version'")),
            QStringLiteral("newer Köprü"));
        expectRefused(fresh, tampered(m_packages[3], QStringLiteral("UPDATE manifest SET value = '2' WHERE key = 'format'")),
            QStringLiteral("newer Köprü"));
        {
            const QString cut = path(QStringLiteral("cut.kopru-pkg"));
            QFile in(m_packages[3]), out(cut);
            QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
            out.write(in.read(in.size() / 2));
        }
        expectRefused(fresh, path(QStringLiteral("cut.kopru-pkg")), QStringLiteral("damaged"));
        {
            QFile text(path(QStringLiteral("text.kopru-pkg")));
            QVERIFY(text.open(QIODevice::WriteOnly));
            text.write("TC Kimlik No;Ad\n10000000146;Ayşe\n");
        }
        expectRefused(fresh, path(QStringLiteral("text.kopru-pkg")), QStringLiteral("not a Köprü package"));
        expectRefused(fresh, m_centres[4], QStringLiteral("not a Köprü package")); // a database, not a package
        // Foreign: a package for the national office received by a centre; one
        // for centre 4 received by centre 3; one this database made itself.
        expectRefused(copyOf(m_centres[4]), m_packages[3], QStringLiteral("not for this database"));
        QVERIFY(pack(national2, DatabaseRole::centre(4), path(QStringLiteral("n-c4.kopru-pkg"))));
        expectRefused(copyOf(m_centres[3]), path(QStringLiteral("n-c4.kopru-pkg")), QStringLiteral("not for this database"));
        expectRefused(national2, path(QStringLiteral("n-c4.kopru-pkg")), QStringLiteral("made by this database itself"));
        // Unknown sender: another database that says it is centre 3.
        const QString impostor = build(path(QStringLiteral("impostor.kopru")), DatabaseRole::centre(3));
        QVERIFY(pack(impostor, DatabaseRole::national(), path(QStringLiteral("impostor.kopru-pkg"))));
        expectRefused(national, path(QStringLiteral("impostor.kopru-pkg")), QStringLiteral("unknown sender"));
    }

    // What the national office sends down: the catalogue and survey the
    // centre has already (unchanged), the partners and sessions of the other
    // centre of the same field, with their Turkish names intact.
    void partnersTravelDownToTheOtherCentreOfTheField()
    {
        const QString national = mergedNational();
        QVERIFY(!national.isEmpty());
        const QString centre1 = copyOf(m_centres[1]); // YEN, ELK — centre 4 has ELK too
        auto m = pack(national, DatabaseRole::centre(1), path(QStringLiteral("n-c1.kopru-pkg")));
        QVERIFY2(m, qPrintable(m.message()));
        QCOMPARE(m->sequence, 1);
        auto r = receive(centre1, path(QStringLiteral("n-c1.kopru-pkg")));
        QVERIFY2(r, qPrintable(r.message()));
        const auto &t = r->summary.tables;
        QCOMPARE(t.at(QStringLiteral("teacher")).added + t.at(QStringLiteral("teacher")).updated, 0);
        QVERIFY(t.at(QStringLiteral("teacher")).unchanged > 0);
        QCOMPARE(t.at(QStringLiteral("need_rating")).changed(), 0);
        QVERIFY(t.at(QStringLiteral("partner")).added > 0);
        QCOMPARE(t.at(QStringLiteral("partner")).refused, 0);
        const QString others
            = value(centre1, QStringLiteral("SELECT count(*) FROM partner WHERE owner_centre_id = 4")).toString();
        QVERIFY(others.toInt() > 0);
        // The same names, letter for letter (ç ğ ı İ ö ş ü).
        auto c1 = Database::open(centre1);
        auto c4 = Database::open(m_centres[4]);
        QVERIFY(c1 && c4);
        QSqlQuery arrived(c1.value()->connection());
        QVERIFY(arrived.exec(QStringLiteral("SELECT uid, name FROM partner WHERE owner_centre_id = 4")));
        int turkish = 0, compared = 0;
        while (arrived.next()) {
            const QString name = arrived.value(1).toString();
            QCOMPARE(name,
                scalar(c4.value()->connection(),
                    QStringLiteral("SELECT name FROM partner WHERE uid = '%1'").arg(arrived.value(0).toString()))
                    .toString());
            ++compared;
            if (name.contains(QRegularExpression(QStringLiteral("[çğıİöşüÇĞÖŞÜ]"))))
                ++turkish;
        }
        QVERIFY(compared > 0 && turkish > 0);
        QCOMPARE(value(centre1, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(), 0);
        // The centre cannot see another centre's teachers or placements.
        QCOMPARE(value(centre1, QStringLiteral("SELECT count(*) FROM teacher WHERE centre_id IS NOT 1")).toInt(), 0);
        QCOMPARE(value(centre1, QStringLiteral("SELECT count(*) FROM placement WHERE owner_centre_id IS NOT 1")).toInt(), 0);
        // Nothing changed since: the next package holds nothing.
        auto next = pack(national, DatabaseRole::centre(1), path(QStringLiteral("n-c1-2.kopru-pkg")));
        QVERIFY(next);
        QCOMPARE(next->baseSequence, 0); // centre 1 has not acknowledged yet
        auto ack = pack(centre1, DatabaseRole::national(), path(QStringLiteral("c1-ack.kopru-pkg")));
        QVERIFY(ack);
        QCOMPARE(ack->ackSequence, 1);
        QVERIFY(receive(national, path(QStringLiteral("c1-ack.kopru-pkg"))));
        auto third = pack(national, DatabaseRole::centre(1), path(QStringLiteral("n-c1-3.kopru-pkg")));
        QVERIFY(third);
        QCOMPARE(third->baseSequence, 1);
        QCOMPARE(third->totalRows(), 0);
    }

    void deletionsTravel()
    {
        const QString national = mergedNational();
        // Centre 1 has centre 4's partners (ELK) from the national office.
        const QString centre1 = copyOf(m_centres[1]);
        QVERIFY(pack(national, DatabaseRole::centre(1), path(QStringLiteral("del-n-c1-a.kopru-pkg"))));
        QVERIFY(receive(centre1, path(QStringLiteral("del-n-c1-a.kopru-pkg"))));
        // Centre 4 deletes a partner of the field ELK, its placements first (its sessions go with it).
        const QString centre4 = copyOf(m_centres[4]);
        const QString partner = value(centre4,
            QStringLiteral(
                "SELECT p.uid FROM partner p JOIN training_session s ON s.partner_id = p.id JOIN field f ON f.id = s.field_id "
                "WHERE f.code = 'ELK' LIMIT 1"))
                                    .toString();
        QVERIFY(!partner.isEmpty());
        QCOMPARE(value(centre1, QStringLiteral("SELECT count(*) FROM partner WHERE uid = '%1'").arg(partner)).toInt(), 1);
        QVERIFY(
            pack(centre4, DatabaseRole::national(), path(QStringLiteral("del-c4-1.kopru-pkg")))); // package 1, applied already
        QVERIFY(change(centre4,
            { QStringLiteral("DELETE FROM placement WHERE session_id IN (SELECT s.id FROM training_session s JOIN partner p ON "
                             "p.id = s.partner_id WHERE p.uid = '%1')")
                    .arg(partner),
                QStringLiteral("DELETE FROM partner WHERE uid = '%1'").arg(partner) }));
        auto m = pack(centre4, DatabaseRole::national(), path(QStringLiteral("del-c4-2.kopru-pkg")));
        QVERIFY2(m, qPrintable(m.message()));
        QVERIFY(m->rows.at(QStringLiteral("tombstone")) >= 2); // the partner and its sessions
        auto r = receive(national, path(QStringLiteral("del-c4-2.kopru-pkg")));
        QVERIFY2(r, qPrintable(r.message()));
        QCOMPARE(r->summary.tables.at(QStringLiteral("partner")).deleted, 1);
        QCOMPARE(value(national, QStringLiteral("SELECT count(*) FROM partner WHERE uid = '%1'").arg(partner)).toInt(), 0);
        QCOMPARE(value(national, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(), 0);
        // ... and on to centre 1.
        auto down = pack(national, DatabaseRole::centre(1), path(QStringLiteral("del-n-c1-b.kopru-pkg")));
        QVERIFY2(down, qPrintable(down.message()));
        auto gone = receive(centre1, path(QStringLiteral("del-n-c1-b.kopru-pkg")));
        QVERIFY2(gone, qPrintable(gone.message()));
        QCOMPARE(gone->summary.tables.at(QStringLiteral("partner")).deleted, 1);
        QCOMPARE(value(centre1, QStringLiteral("SELECT count(*) FROM partner WHERE uid = '%1'").arg(partner)).toInt(), 0);
        QCOMPARE(value(centre1, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(), 0);
    }

    // A KVKK erasure at either end erases the person at the other, with
    // everything that belongs to them; an older package cannot bring them back.
    void erasuresTravel()
    {
        const QString national = mergedNational();
        const QString centre2 = copyOf(m_centres[2]);
        QVERIFY(pack(centre2, DatabaseRole::national(), path(QStringLiteral("c2-e1.kopru-pkg")))); // as sent before
        const QString placed
            = value(centre2, QStringLiteral("SELECT t.uid FROM teacher t JOIN placement p ON p.teacher_id = t.id LIMIT 1"))
                  .toString();
        QVERIFY(!placed.isEmpty());
        {
            auto db = Database::open(centre2);
            QVERIFY(db);
            const int id
                = scalar(db.value()->connection(), QStringLiteral("SELECT id FROM teacher WHERE uid = '%1'").arg(placed)).toInt();
            QVERIFY(purgeTeacher(db.value()->connection(), id));
        }
        auto m = pack(centre2, DatabaseRole::national(), path(QStringLiteral("c2-e2.kopru-pkg")), true);
        QVERIFY2(m, qPrintable(m.message()));
        auto r = receive(national, path(QStringLiteral("c2-e2.kopru-pkg")));
        QVERIFY2(r, qPrintable(r.message()));
        QCOMPARE(r->summary.erasures, 1);
        QCOMPARE(value(national, QStringLiteral("SELECT count(*) FROM teacher WHERE uid = '%1'").arg(placed)).toInt(), 0);
        QCOMPARE(value(national,
                     QStringLiteral(
                         "SELECT count(*) FROM need_rating r LEFT JOIN teacher t ON t.id = r.teacher_id WHERE t.id IS NULL"))
                     .toInt(),
            0);
        QCOMPARE(value(national, QStringLiteral("SELECT erased FROM tombstone WHERE uid = '%1'").arg(placed)).toInt(), 1);
        QCOMPARE(value(national, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(), 0);
        // The national office erases a teacher of centre 5.
        const QString centre5 = copyOf(m_centres[5]);
        const QString other
            = value(centre5, QStringLiteral("SELECT t.uid FROM teacher t JOIN placement p ON p.teacher_id = t.id LIMIT 1"))
                  .toString();
        {
            auto db = Database::open(national);
            QVERIFY(db);
            const int id
                = scalar(db.value()->connection(), QStringLiteral("SELECT id FROM teacher WHERE uid = '%1'").arg(other)).toInt();
            QVERIFY(id > 0);
            QVERIFY(purgeTeacher(db.value()->connection(), id));
        }
        QVERIFY(pack(national, DatabaseRole::centre(5), path(QStringLiteral("n-c5-e.kopru-pkg"))));
        auto down = receive(centre5, path(QStringLiteral("n-c5-e.kopru-pkg")));
        QVERIFY2(down, qPrintable(down.message()));
        QCOMPARE(down->summary.erasures, 1);
        QCOMPARE(value(centre5, QStringLiteral("SELECT count(*) FROM teacher WHERE uid = '%1'").arg(other)).toInt(), 0);
        QCOMPARE(
            value(centre5,
                QStringLiteral("SELECT count(*) FROM placement p LEFT JOIN teacher t ON t.id = p.teacher_id WHERE t.id IS NULL"))
                .toInt(),
            0);
        QCOMPARE(value(centre5, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(), 0);
        // A package of centre 5 made before it heard of the erasure (it changed
        // the teacher's notes) brings nothing of the person back.
        const QString before = copyOf(m_centres[5]);
        QVERIFY(pack(before, DatabaseRole::national(), path(QStringLiteral("c5-old-1.kopru-pkg")))); // as applied before
        QVERIFY(change(before, { QStringLiteral("UPDATE teacher SET notes = 'Eylülde uygun' WHERE uid = '%1'").arg(other) }));
        QVERIFY(pack(before, DatabaseRole::national(), path(QStringLiteral("c5-old-2.kopru-pkg")), true));
        auto old = receive(national, path(QStringLiteral("c5-old-2.kopru-pkg")));
        QVERIFY2(old, qPrintable(old.message()));
        QVERIFY(old->summary.tables.at(QStringLiteral("teacher_record")).refused >= 1);
        QCOMPARE(value(national, QStringLiteral("SELECT count(*) FROM teacher WHERE uid = '%1'").arg(other)).toInt(), 0);
        QCOMPARE(value(national, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(), 0);
    }

    // Two centres register the same person: flagged, not merged — in any order.
    void sameTeacherAtTwoCentresIsFlaggedNotMerged()
    {
        const QString registration
            = QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id, centre_id) VALUES "
                             "('10000000146', '%1', 'Çağlayan', (SELECT id FROM field WHERE code = 'ELK'), 34, %2)");
        const QString centre1 = copyOf(m_centres[1]), centre4 = copyOf(m_centres[4]);
        QVERIFY(change(centre1, { registration.arg(QStringLiteral("Şükrü")).arg(1) }));
        QVERIFY(change(centre4, { registration.arg(QStringLiteral("Şükran")).arg(4) }));
        QVERIFY(pack(centre1, DatabaseRole::national(), path(QStringLiteral("dup1.kopru-pkg"))));
        QVERIFY(pack(centre4, DatabaseRole::national(), path(QStringLiteral("dup4.kopru-pkg"))));
        QMap<QString, QByteArray> first;
        for (const QStringList &order : { QStringList { QStringLiteral("dup1"), QStringLiteral("dup4") },
                 QStringList { QStringLiteral("dup4"), QStringLiteral("dup1") } }) {
            const QString national = copyOf(m_national);
            for (const QString &p : order) {
                auto r = receive(national, path(p + QStringLiteral(".kopru-pkg")));
                QVERIFY2(r, qPrintable(r.message()));
            }
            QCOMPARE(
                value(national, QStringLiteral("SELECT count(*) FROM teacher WHERE national_id = '10000000146'")).toInt(), 0);
            QCOMPARE(value(national,
                         QStringLiteral("SELECT status || ' ' || centres FROM review_item WHERE kind = 'duplicate_teacher'"))
                         .toString(),
                QStringLiteral("open ,1,4,"));
            QCOMPARE(
                value(national, QStringLiteral("SELECT count(*) FROM review_parked WHERE table_name = 'teacher'")).toInt(), 2);
            QCOMPARE(value(national, QStringLiteral("SELECT count(*) FROM pragma_foreign_key_check")).toInt(), 0);
            const auto d = digests(national);
            if (first.isEmpty())
                first = d;
            for (auto it = first.cbegin(); it != first.cend(); ++it)
                QVERIFY2(d.value(it.key()) == it.value(), qPrintable(it.key()));
        }
        // A registration of a person the survey has: held, the survey's record stays.
        const QString centre6 = copyOf(m_centres[6]);
        const QString known
            = value(m_national, QStringLiteral("SELECT national_id FROM teacher WHERE centre_id = 5 LIMIT 1")).toString();
        QVERIFY(change(centre6,
            { QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id, centre_id) "
                             "VALUES ('%1', 'Ayşe', 'Işık', 1, 34, 6)")
                    .arg(known) }));
        QVERIFY(pack(centre6, DatabaseRole::national(), path(QStringLiteral("dup6.kopru-pkg"))));
        const QString national = copyOf(m_national);
        auto r = receive(national, path(QStringLiteral("dup6.kopru-pkg")));
        QVERIFY2(r, qPrintable(r.message()));
        QCOMPARE(r->summary.reviewItemsOpened, 1);
        QCOMPARE(
            value(national,
                QStringLiteral("SELECT count(*) FROM teacher WHERE national_id = '%1' AND owner_centre_id IS NULL").arg(known))
                .toInt(),
            1);
        QCOMPARE(
            value(national,
                QStringLiteral("SELECT count(*) FROM review_item WHERE kind = 'duplicate_teacher' AND subject = '%1'").arg(known))
                .toInt(),
            1);
    }

    // Two centres place teachers in one session beyond its places: flagged.
    void overUsedSessionIsFlagged()
    {
        const QString national = mergedNational();
        const QString centre1 = copyOf(m_centres[1]);
        QVERIFY(pack(national, DatabaseRole::centre(1), path(QStringLiteral("cap-n-c1.kopru-pkg"))));
        QVERIFY(receive(centre1, path(QStringLiteral("cap-n-c1.kopru-pkg"))));
        // A session of centre 4 (ELK) that centre 4 filled: centre 1 adds one of its ELK teachers.
        const QString session = value(national,
            QStringLiteral("SELECT s.uid FROM training_session s JOIN field f ON f.id = s.field_id WHERE f.code = 'ELK' AND "
                           "s.owner_centre_id = 4 "
                           "AND (SELECT count(*) FROM placement p WHERE p.session_id = s.id AND p.status <> 'cancelled') = "
                           "s.capacity LIMIT 1"))
                                    .toString();
        QVERIFY(!session.isEmpty());
        QVERIFY(change(centre1,
            { QStringLiteral("UPDATE placement SET status = 'cancelled' WHERE teacher_id = (SELECT t.id FROM teacher t "
                             "JOIN field f ON f.id = t.field_id WHERE f.code = 'ELK' LIMIT 1)"),
                QStringLiteral("INSERT INTO placement(teacher_id, session_id) SELECT t.id, s.id FROM teacher t JOIN field f ON "
                               "f.id = t.field_id, training_session s WHERE f.code = 'ELK' AND s.uid = '%1' LIMIT 1")
                    .arg(session) }));
        auto m = pack(centre1, DatabaseRole::national(), path(QStringLiteral("cap-c1.kopru-pkg")));
        QVERIFY2(m, qPrintable(m.message()));
        auto r = receive(national, path(QStringLiteral("cap-c1.kopru-pkg")));
        QVERIFY2(r, qPrintable(r.message()));
        QCOMPARE(r->summary.reviewItemsOpened, 1);
        QCOMPARE(value(national,
                     QStringLiteral("SELECT kind || ' ' || status || ' ' || centres FROM review_item WHERE subject = '%1'")
                         .arg(session))
                     .toString(),
            QStringLiteral("capacity open ,1,4,"));
    }

    // A centre's correction of a survey teacher goes to the review list.
    void correctionGoesToTheReviewList()
    {
        const QString national = mergedNational();
        const QString centre2 = copyOf(m_centres[2]);
        QVERIFY(change(centre2,
            { QStringLiteral("INSERT INTO proposal(teacher_id, column_name, proposed_value, base_version) "
                             "SELECT id, 'last_name', 'Öztürk', version FROM teacher LIMIT 1") }));
        QVERIFY(pack(centre2, DatabaseRole::national(), path(QStringLiteral("corr-0.kopru-pkg")))); // package 1, applied already
        QVERIFY(pack(centre2, DatabaseRole::national(), path(QStringLiteral("corr.kopru-pkg")), true));
        auto r = receive(national, path(QStringLiteral("corr.kopru-pkg")));
        QVERIFY2(r, qPrintable(r.message()));
        QCOMPARE(r->summary.tables.at(QStringLiteral("proposal")).added, 1);
        QCOMPARE(value(national, QStringLiteral("SELECT kind || ' ' || status || ' ' || centres FROM review_item")).toString(),
            QStringLiteral("correction open ,2,"));
        QVERIFY(value(national, QStringLiteral("SELECT detail FROM review_item")).toString().contains(QStringLiteral("Öztürk")));
    }
};

QTEST_GUILESS_MAIN(TestExchange)
#include "tst_exchange.moc"
