// SPDX-License-Identifier: GPL-3.0-or-later
// The item models of the Exchange page (docs/exchange.md): the exchange log,
// the review list with its choices and decisions, the national office's
// status per centre — each checked by QAbstractItemModelTester and against
// what the packages really did.
#include "models/exchange/centrestatusmodel.h"
#include "models/exchange/exchangelogmodel.h"
#include "models/exchange/resolvereviewcommand.h"
#include "models/exchange/reviewlistmodel.h"
#include "models/itemmodels/roles.h"
#include "tests/common/exchangeutil.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUndoStack>

using namespace kopru;
using test::scalar;
using Work = test::ExchangeWorkspace;

class TestExchangeModels : public QObject
{
    Q_OBJECT
    Work m_work;
    QString m_national, m_centre1, m_centre4, m_uid1, m_uid4;

    QString path(const QString &name) const { return m_work.path(name); }

private slots:
    void initTestCase()
    {
        m_national = Work::build(path(QStringLiteral("national.kopru")), DatabaseRole::national());
        m_centre1 = Work::build(path(QStringLiteral("centre1.kopru")), DatabaseRole::centre(1));
        m_centre4 = Work::build(path(QStringLiteral("centre4.kopru")), DatabaseRole::centre(4));
        QVERIFY(!m_national.isEmpty() && !m_centre1.isEmpty() && !m_centre4.isEmpty());
        // Both centres register the same teacher (a national ID the survey does not have).
        const QString reg
            = QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id, centre_id) VALUES "
                             "('10000000146', '%1', 'Çağlayan', (SELECT id FROM field WHERE code = 'ELK'), 34, %2)");
        QVERIFY(Work::change(m_centre1, { reg.arg(QStringLiteral("Şükrü")).arg(1) }));
        QVERIFY(Work::change(m_centre4, { reg.arg(QStringLiteral("Şükran")).arg(4) }));
        m_uid1 = Work::value(m_centre1, QStringLiteral("SELECT uid FROM teacher WHERE national_id = '10000000146'")).toString();
        m_uid4 = Work::value(m_centre4, QStringLiteral("SELECT uid FROM teacher WHERE national_id = '10000000146'")).toString();
        int n = 0;
        for (const auto &[db, role] : { std::pair { m_centre1, 1 }, std::pair { m_centre4, 4 } }) {
            const QString file = path(QStringLiteral("p%1.kopru-pkg").arg(++n));
            auto m = Work::pack(db, DatabaseRole::national(), file);
            QVERIFY2(m, qPrintable(m.message()));
            QCOMPARE(m->sender, DatabaseRole::centre(role));
            auto r = Work::receive(m_national, file);
            QVERIFY2(r, qPrintable(r.message()));
        }
    }

    void logListsWhatWasSentAndReceived()
    {
        auto national = Database::open(m_national);
        QVERIFY(national);
        ExchangeLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(national.value()->connection());
        QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
        const QSqlDatabase c = national.value()->connection();
        QCOMPARE(model.rowCount(), scalar(c, QStringLiteral("SELECT count(*) FROM exchange_package")).toInt());
        QCOMPARE(model.rowCount(), 2);
        QSet<int> centres;
        qint64 conflicts = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const ExchangeLogModel::Entry &e = model.entry(row);
            QVERIFY(!e.sent);
            QCOMPARE(e.sequence, 1);
            centres << e.peerCentre;
            // Rows changed and held, as the exchange log recorded them.
            const QJsonObject counts = QJsonDocument::fromJson(
                scalar(c,
                    QStringLiteral(
                        "SELECT p.counts FROM exchange_package p JOIN exchange_peer e ON e.id = p.peer_id WHERE e.centre_id = %1")
                        .arg(e.peerCentre))
                    .toString()
                    .toUtf8())
                                           .object();
            qint64 changed = 0, held = 0;
            for (auto it = counts.begin(); it != counts.end(); ++it) {
                const QJsonObject t = it->toObject();
                changed += t.value(QStringLiteral("new")).toInteger() + t.value(QStringLiteral("updated")).toInteger()
                    + t.value(QStringLiteral("deleted")).toInteger();
                held += t.value(QStringLiteral("conflicts")).toInteger();
            }
            QVERIFY(e.rows > 0);
            QCOMPARE(e.rows, changed);
            QCOMPARE(e.conflicts, held);
            conflicts += e.conflicts;
            QCOMPARE(model.index(row, ExchangeLogModel::Direction).data().toString(), QStringLiteral("Received"));
            QVERIFY(!model.index(row, ExchangeLogModel::When).data().toString().isEmpty());
        }
        QVERIFY(conflicts >= 1); // the second registration of 10000000146 is held in the review list
        QCOMPARE(centres, (QSet<int> { 1, 4 }));
        QVERIFY(model.index(0, ExchangeLogModel::Peer).data().toString().contains(QStringLiteral("MTAL")));

        // The sender's side: one package sent to the national office.
        auto centre = Database::open(m_centre1);
        QVERIFY(centre);
        model.setDatabase(centre.value()->connection());
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.entry(0).sent);
        QCOMPARE(model.entry(0).peerCentre, 0);
        QCOMPARE(model.index(0, ExchangeLogModel::Peer).data().toString(), QStringLiteral("National office"));
        QCOMPARE(model.index(0, ExchangeLogModel::Content).data().toString(), QStringLiteral("Everything"));
        qint64 rows = 0;
        const QJsonObject counts = QJsonDocument::fromJson(
            scalar(centre.value()->connection(), QStringLiteral("SELECT counts FROM exchange_package")).toString().toUtf8())
                                       .object();
        for (auto it = counts.begin(); it != counts.end(); ++it)
            rows += it->toInteger();
        QVERIFY(rows > 0);
        QCOMPARE(model.entry(0).rows, rows);
    }

    void centreStatusPerCentre()
    {
        auto national = Database::open(m_national);
        QVERIFY(national);
        CentreStatusModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(national.value()->connection());
        QCOMPARE(model.rowCount(), 15);
        for (int row = 0; row < model.rowCount(); ++row) {
            const CentreStatusModel::Entry &e = model.entry(row);
            QCOMPARE(e.centreId, row + 1);
            QCOMPARE(model.index(row, 0).data(CentreIdRole).toInt(), e.centreId);
            const bool sent = e.centreId == 1 || e.centreId == 4;
            QCOMPARE(e.lastReceived, sent ? 1 : 0);
            QCOMPARE(e.receivedAt.isEmpty(), !sent);
            QCOMPARE(e.openConflicts, sent ? 1 : 0);
            QCOMPARE(e.lastSent, 0);
        }
        QCOMPARE(model.index(1, CentreStatusModel::ReceivedAt).data().toString(), QStringLiteral("never"));
    }

    void reviewListWithChoicesAndDecisions()
    {
        const QString copy = m_work.copyOf(m_national);
        auto national = Database::open(copy);
        QVERIFY(national);
        const QSqlDatabase c = national.value()->connection();
        ReviewListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(c);
        QCOMPARE(model.rowCount(), scalar(c, QStringLiteral("SELECT count(*) FROM review_item")).toInt());
        const int row
            = model.rowOf(scalar(c, QStringLiteral("SELECT id FROM review_item WHERE kind = 'duplicate_teacher'")).toInt());
        QVERIFY(row >= 0);
        QCOMPARE(model.item(row).subject, QStringLiteral("10000000146"));
        QCOMPARE(model.openCount(), scalar(c, QStringLiteral("SELECT count(*) FROM review_item WHERE status = 'open'")).toInt());
        QCOMPARE(model.index(row, ReviewListModel::Kind).data().toString(), QStringLiteral("Teacher registered twice"));
        QCOMPARE(model.index(row, ReviewListModel::Centres).data().toString(), QStringLiteral("1, 4"));
        QCOMPARE(model.actions(row),
            (QList<ResolveReviewCommand::Action> {
                ResolveReviewCommand::Action::Keep, ResolveReviewCommand::Action::Merge, ResolveReviewCommand::Action::Reject }));
        const auto choices = model.choices(row);
        QCOMPARE(int(choices.size()), 2);
        QStringList uids, labels;
        for (const auto &choice : choices) {
            uids << choice.uid;
            labels << choice.label;
        }
        QCOMPARE(QSet<QString>(uids.begin(), uids.end()), (QSet<QString> { m_uid1, m_uid4 }));
        QVERIFY2(labels.join(QLatin1Char('|')).contains(QStringLiteral("Şükrü Çağlayan")), qPrintable(labels.join('|')));
        QVERIFY(labels.join(QLatin1Char('|')).contains(QStringLiteral("Şükran Çağlayan")));

        // A decision through the undo stack: the model follows it, and its undo and redo.
        QUndoStack stack;
        const int id = model.item(row).id;
        QVERIFY(DbCommand::run(&stack,
            std::make_unique<ResolveReviewCommand>(
                c, id, ResolveReviewCommand::Action::Keep, m_uid1, QStringList(), QStringLiteral("keep"))));
        const int after = model.rowOf(id);
        QCOMPARE(model.item(after).status, QStringLiteral("resolved"));
        QCOMPARE(model.index(after, ReviewListModel::Resolution).data().toString(), QStringLiteral("Keep One"));
        QVERIFY(model.actions(after).isEmpty());
        stack.undo();
        QCOMPARE(model.item(model.rowOf(id)).status, QStringLiteral("open"));
        QCOMPARE(int(model.choices(model.rowOf(id)).size()), 2);
        stack.redo();
        QCOMPARE(model.item(model.rowOf(id)).resolution, QStringLiteral("keep"));
    }
};

QTEST_GUILESS_MAIN(TestExchangeModels)
#include "tst_exchangemodels.moc"
