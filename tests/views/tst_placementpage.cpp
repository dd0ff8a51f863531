// SPDX-License-Identifier: GPL-3.0-or-later
// The placement page: manual edits with undo, conflicts, filters, a re-plan in
// the worker thread; every item model under QAbstractItemModelTester.
#include "models/db/connection.h"
#include "models/db/sql.h"
#include "models/demo/demogenerator.h"
#include "models/domain/turkishtext.h"
#include "models/itemmodels/turkishfilterproxy.h"
#include "models/planning/candidatemodel.h"
#include "models/planning/conflictmodel.h"
#include "models/planning/conflicts.h"
#include "models/planning/placementedits.h"
#include "models/planning/placementmodel.h"
#include "models/planning/planner.h"
#include "models/planning/planreason.h"
#include "models/planning/unplacedmodel.h"
#include "models/safety/backupmanager.h"
#include "tests/common/testutil.h"
#include "views/pages/pageregistry.h"
#include "views/planning/movedialog.h"
#include "views/planning/placementpage.h"
#include "views/planning/planrunner.h"
#include "views/planning/unplaceddialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>

using namespace kopru;
using kopru::test::scalar;

class TestPlacementPage : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QUndoStack m_stack;
    std::unique_ptr<PlacementPage> m_page;

    QSqlDatabase c() const { return m_db->connection(); }
    // Selects the row of the table showing `placementId`.
    bool select(int placementId)
    {
        const int row = m_page->placementModel()->rowOf(placementId);
        const QModelIndex at = row < 0 ? QModelIndex() : m_page->filter()->mapFromSource(m_page->placementModel()->index(row, 0));
        if (!at.isValid())
            return false;
        m_page->table()->selectRow(at.row());
        return true;
    }
    int firstProposed() const
    {
        return scalar(c(), QStringLiteral("SELECT min(id) FROM placement WHERE status = 'proposed' AND locked = 0")).toInt();
    }
    QPushButton *button(const char *name) const { return m_page->findChild<QPushButton *>(QLatin1String(name)); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the plan's backups go to a test folder
        m_db = test::newDatabase(m_dir.filePath(QStringLiteral("page.kopru")));
        QVERIFY(m_db);
        DemoGenerator::Options demo;
        demo.teachers = 400;
        demo.partners = 80;
        demo.minPlaces = 200;
        QVERIFY(DemoGenerator::generate(c(), demo));
        QVERIFY(Planner::run(c(), {}));
        Page *page = createPlacementPage(&m_stack, nullptr);
        m_page.reset(qobject_cast<PlacementPage *>(page));
        QVERIFY(m_page);
        QCOMPARE(m_page->pageName(), QStringLiteral("placement"));
        new QAbstractItemModelTester(m_page->placementModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        new QAbstractItemModelTester(m_page->filter(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        new QAbstractItemModelTester(m_page->conflictModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        m_page->setDatabase(m_db.get());
        m_page->resize(1200, 700);
        // The plan shows every placement but the cancelled ones (the demo's first programme has some).
        QCOMPARE(m_page->placementModel()->rowCount(),
            scalar(c(), QStringLiteral("SELECT count(*) FROM placement WHERE status <> 'cancelled'")).toInt());
        QVERIFY(m_page->placementModel()->rowCount() > 100);
        QCOMPARE(m_page->conflictModel()->rowCount(), 0); // an optimiser plan keeps every rule
    }

    void lockAndUndo()
    {
        const int id = firstProposed();
        QVERIFY(select(id));
        QVERIFY(button("lockPlacement")->isEnabled());
        button("lockPlacement")->click();
        QCOMPARE(scalar(c(), QStringLiteral("SELECT locked FROM placement WHERE id = %1").arg(id)).toInt(), 1);
        QVERIFY(m_page->placementModel()->index(m_page->placementModel()->rowOf(id), 0).data(LockedRole).toBool());
        m_stack.undo();
        QCOMPARE(scalar(c(), QStringLiteral("SELECT locked FROM placement WHERE id = %1").arg(id)).toInt(), 0);
        QVERIFY(!m_page->placementModel()->index(m_page->placementModel()->rowOf(id), 0).data(LockedRole).toBool());
        m_stack.redo();
        QCOMPARE(scalar(c(), QStringLiteral("SELECT locked FROM placement WHERE id = %1").arg(id)).toInt(), 1);
        m_stack.undo();
    }

    void confirmRemoveAndUndo()
    {
        const int id = firstProposed();
        const QString before = scalar(c(),
            QStringLiteral("SELECT teacher_id || '|' || session_id || '|' || status || '|' || score || '|' || reason "
                           "FROM placement WHERE id = %1")
                .arg(id))
                                   .toString();
        QVERIFY(select(id));
        button("confirmPlacement")->click();
        QCOMPARE(scalar(c(), QStringLiteral("SELECT status FROM placement WHERE id = %1").arg(id)).toString(),
            QStringLiteral("confirmed"));
        m_stack.undo();
        QVERIFY(select(id));
        button("removePlacement")->click();
        QCOMPARE(scalar(c(), QStringLiteral("SELECT count(*) FROM placement WHERE id = %1").arg(id)).toInt(), 0);
        QCOMPARE(m_page->placementModel()->rowOf(id), -1);
        m_stack.undo();
        QCOMPARE(scalar(c(),
                     QStringLiteral("SELECT teacher_id || '|' || session_id || '|' || status || '|' || score || '|' || reason "
                                    "FROM placement WHERE id = %1")
                         .arg(id))
                     .toString(),
            before);
    }

    // A lock, confirm, remove or move reads back only the rows it changed
    // (PlacementModel::reloadRows): no reset of the 53,000 rows a national
    // plan has, and afterwards the model holds what a full reload would.
    void anEditReadsBackOnlyItsRows()
    {
        PlacementModel *model = m_page->placementModel();
        const auto contents = [](const PlacementModel &m) {
            QStringList rows;
            for (int r = 0; r < m.rowCount(); ++r) {
                QStringList cells;
                for (int col = 0; col < m.columnCount(); ++col)
                    cells << m.index(r, col).data().toString();
                for (int role : { int(IdRole), int(SessionIdRole), int(StatusRole), int(LockedRole), int(SearchKeyRole) })
                    cells << m.index(r, 0).data(role).toString();
                rows << cells.join(QLatin1Char('|'));
            }
            return rows;
        };
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        const int id = firstProposed();
        QVERIFY(select(id));
        button("lockPlacement")->click();
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), model->rowOf(id));
        QCOMPARE(changed.at(0).at(1).toModelIndex().column(), PlacementModel::ColumnCount - 1);
        QVERIFY(select(id));
        button("confirmPlacement")->click();
        QVERIFY(select(id));
        const int rows = model->rowCount();
        button("removePlacement")->click();
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model->rowCount(), rows - 1);
        QCOMPARE(model->rowOf(id), -1);
        m_stack.undo(); // the same id comes back, in its place by id
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model->rowCount(), rows);
        QVERIFY(model->rowOf(id) >= 0);
        QCOMPARE(resets.count(), 0);
        PlacementModel full;
        QVERIFY(full.reload(c()));
        QCOMPARE(contents(*model), contents(full));
        m_stack.undo();
        m_stack.undo();
        QCOMPARE(resets.count(), 0);
        QVERIFY(full.reload(c()));
        QCOMPARE(contents(*model), contents(full));
        // A placement cancelled elsewhere leaves the table; one that is not there is no change.
        QVERIFY(Sql::exec(c(), QStringLiteral("UPDATE placement SET status = 'cancelled' WHERE id = ?"), { id }));
        QVERIFY(model->reloadRows(c(), { id, id, 999999 }));
        QCOMPARE(model->rowOf(id), -1);
        QVERIFY(Sql::exec(c(), QStringLiteral("UPDATE placement SET status = 'proposed' WHERE id = ?"), { id }));
        QVERIFY(model->reloadRows(c(), { id }));
        QVERIFY(full.reload(c()));
        QCOMPARE(contents(*model), contents(full));
        QCOMPARE(resets.count(), 0);

        // A move into a full session and its undo: the conflicts read for the
        // edit's scope are the whole check's, and gone again after the undo.
        const auto conflicts = [this] {
            QStringList out;
            for (const PlanConflict &p : m_page->conflictModel()->conflicts())
                out << p.description;
            return out;
        };
        const auto whole = [this] {
            QStringList out;
            if (auto found = Conflicts::detect(c()))
                for (const PlanConflict &p : found.value())
                    out << p.description;
            return out;
        };
        const int fullSession = scalar(c(),
            QStringLiteral("SELECT x.session_id FROM placement x JOIN training_session s ON s.id = x.session_id "
                           "WHERE x.status <> 'cancelled' AND x.id <> %1 GROUP BY x.session_id HAVING count(*) >= s.capacity "
                           "LIMIT 1")
                .arg(id))
                                    .toInt();
        QVERIFY(fullSession > 0);
        QVERIFY(select(id));
        m_page->moveSelectedTo(fullSession);
        QVERIFY(!conflicts().isEmpty());
        QCOMPARE(conflicts(), whole());
        m_stack.undo();
        QCOMPARE(conflicts(), whole());
        QVERIFY(conflicts().isEmpty());
        QCOMPARE(resets.count(), 0);
    }

    void moveThroughTheDialogAndUndo()
    {
        const int id = firstProposed();
        const int teacher = scalar(c(), QStringLiteral("SELECT teacher_id FROM placement WHERE id = %1").arg(id)).toInt();
        const int session = scalar(c(), QStringLiteral("SELECT session_id FROM placement WHERE id = %1").arg(id)).toInt();
        QVERIFY(select(id));
        int chosen = 0;
        bool sawDialog = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<MoveDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            sawDialog = true;
            QAbstractItemModelTester tester(dialog->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            // Ranked: the sessions that fit come first, by falling score.
            CandidateModel *m = dialog->model();
            bool fitting = true;
            for (int r = 0; r < m->rowCount(); ++r) {
                const bool fits = m->index(r, 0).data(CandidateModel::FitsRole).toBool();
                QVERIFY(fitting || !fits);
                fitting = fits;
                if (r > 0 && fits == m->index(r - 1, 0).data(CandidateModel::FitsRole).toBool())
                    QVERIFY(m->index(r, CandidateModel::Score).data().toDouble()
                        <= m->index(r - 1, CandidateModel::Score).data().toDouble());
                QVERIFY(m->index(r, 0).data(SessionIdRole).toInt() != session);
            }
            QVERIFY(m->rowCount() > 0);
            chosen = dialog->sessionId();
            // The best candidate may be full when the plan filled every session: say yes to the question.
            QTimer::singleShot(0, [] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (box && box->objectName() == QLatin1String("fullSessionQuestion"))
                    box->button(QMessageBox::Yes)->click();
            });
            dialog->accept();
        });
        button("movePlacement")->click();
        QVERIFY(sawDialog);
        QVERIFY(chosen > 0);
        QCOMPARE(scalar(c(), QStringLiteral("SELECT session_id FROM placement WHERE id = %1").arg(id)).toInt(), chosen);
        QCOMPARE(scalar(c(), QStringLiteral("SELECT locked FROM placement WHERE id = %1").arg(id)).toInt(), 1);
        QVERIFY(PlanReason::render(scalar(c(), QStringLiteral("SELECT reason FROM placement WHERE id = %1").arg(id)).toString())
                    .startsWith(QStringLiteral("moved by hand")));
        m_stack.undo();
        QCOMPARE(scalar(c(), QStringLiteral("SELECT session_id FROM placement WHERE id = %1").arg(id)).toInt(), session);
        QCOMPARE(scalar(c(), QStringLiteral("SELECT teacher_id FROM placement WHERE id = %1").arg(id)).toInt(), teacher);
        QCOMPARE(scalar(c(), QStringLiteral("SELECT locked FROM placement WHERE id = %1").arg(id)).toInt(), 0);
    }

    void conflictsFollowAnOverCapacityEdit()
    {
        // A full session of the same field as some proposed placement elsewhere.
        QSqlQuery q(c());
        QVERIFY(q.exec(QStringLiteral("SELECT x.id, s.id FROM placement x JOIN teacher t ON t.id = x.teacher_id JOIN "
                                      "training_session s ON s.field_id = t.field_id "
                                      "WHERE s.id <> x.session_id AND x.locked = 0 AND s.capacity <= (SELECT count(*) FROM "
                                      "placement y WHERE y.session_id = s.id) "
                                      "AND s.start_date >= ifnull(t.available_from, s.start_date) AND s.end_date <= "
                                      "ifnull(t.available_to, s.end_date) LIMIT 1")));
        QVERIFY(q.next());
        const int id = q.value(0).toInt(), full = q.value(1).toInt();
        QCOMPARE(m_page->conflictModel()->rowCount(), 0);
        QVERIFY(select(id));
        m_page->moveSelectedTo(full);
        QCOMPARE(m_page->conflictModel()->rowCount(), 1);
        const QModelIndex conflict = m_page->conflictModel()->index(0, 0);
        QCOMPARE(conflict.data(ConflictModel::KindRole).toInt(), int(PlanConflict::OverCapacity));
        QCOMPARE(conflict.data(SessionIdRole).toInt(), full);
        QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("conflictLabel"))->text().contains(QStringLiteral("1")));
        // Clicking the session-wide conflict selects one of the full session's placements.
        auto *conflicts = m_page->findChild<QTableView *>(QStringLiteral("conflictTable"));
        QVERIFY(conflicts);
        // A placement of another session selected first, so that the click has to move the selection.
        QVERIFY(select(scalar(
            c(), QStringLiteral("SELECT min(id) FROM placement WHERE session_id <> %1 AND status <> 'cancelled'").arg(full))
                           .toInt()));
        QTest::mouseClick(
            conflicts->viewport(), Qt::LeftButton, {}, conflicts->visualRect(conflicts->model()->index(0, 1)).center());
        QCOMPARE(m_page->findChild<QTableView *>(QStringLiteral("placementTable"))
                     ->selectionModel()
                     ->selectedRows()
                     .value(0)
                     .data(SessionIdRole)
                     .toInt(),
            full);
        m_stack.undo();
        QCOMPARE(m_page->conflictModel()->rowCount(), 0);
    }

    // Issue #18 point 8: moving a teacher into a full session asks first.
    void moveIntoAFullSessionAsksFirst()
    {
        QSqlQuery q(c());
        QVERIFY(q.exec(QStringLiteral("SELECT x.id, s.id, s.capacity, p.name FROM placement x JOIN teacher t ON t.id = "
                                      "x.teacher_id JOIN training_session s ON s.field_id = t.field_id JOIN partner p ON p.id "
                                      "= s.partner_id WHERE s.id <> x.session_id AND x.locked = 0 AND x.status = 'proposed' "
                                      "AND s.capacity <= (SELECT count(*) FROM placement y WHERE y.session_id = s.id) LIMIT 1")));
        QVERIFY(q.next());
        const int id = q.value(0).toInt(), full = q.value(1).toInt(), capacity = q.value(2).toInt();
        const QString partner = q.value(3).toString();
        const int session = scalar(c(), QStringLiteral("SELECT session_id FROM placement WHERE id = %1").arg(id)).toInt();
        const int edits = m_stack.index();
        const int commands = m_stack.count();
        const auto moveAnswering = [&](QMessageBox::StandardButton answer) {
            QString question;
            QTimer::singleShot(0, this, [&] {
                auto *dialog = qobject_cast<MoveDialog *>(QApplication::activeModalWidget());
                if (!dialog)
                    return;
                for (int r = 0; r < dialog->model()->rowCount(); ++r)
                    if (dialog->model()->index(r, 0).data(SessionIdRole).toInt() == full)
                        dialog->view()->selectRow(r);
                QCOMPARE(dialog->sessionId(), full);
                QTimer::singleShot(0, this, [&] {
                    auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                    if (!box)
                        return;
                    QCOMPARE(box->objectName(), QStringLiteral("fullSessionQuestion"));
                    question = box->text();
                    box->button(answer)->click();
                });
                dialog->accept();
            });
            QVERIFY(select(id));
            button("movePlacement")->click();
            // The question names the session and its capacity.
            QVERIFY2(question.contains(partner), qPrintable(question));
            QVERIFY2(question.contains(QString::number(capacity)), qPrintable(question));
        };
        moveAnswering(QMessageBox::No);
        QCOMPARE(scalar(c(), QStringLiteral("SELECT session_id FROM placement WHERE id = %1").arg(id)).toInt(), session);
        QCOMPARE(m_stack.index(), edits); // nothing changed, nothing to undo
        QCOMPARE(m_stack.count(), commands);
        moveAnswering(QMessageBox::Yes);
        QCOMPARE(scalar(c(), QStringLiteral("SELECT session_id FROM placement WHERE id = %1").arg(id)).toInt(), full);
        QCOMPARE(m_stack.index(), edits + 1);
        m_stack.undo();
        QCOMPARE(scalar(c(), QStringLiteral("SELECT session_id FROM placement WHERE id = %1").arg(id)).toInt(), session);
    }

    void filtersFoldTurkishCase()
    {
        TurkishFilterProxy *f = m_page->filter();
        const auto combo = [this](const char *name) { return m_page->findChild<QComboBox *>(QLatin1String(name)); };
        const auto choose = [](QComboBox *box, const QVariant &value) {
            const int index = box->findData(value);
            QVERIFY(index >= 0);
            box->setCurrentIndex(index);
        };
        const QString name = m_page->placementModel()->index(0, PlacementModel::Teacher).data().toString();
        f->setSearchText(TurkishText::toUpper(name));
        QVERIFY(f->rowCount() >= 1);
        for (int r = 0; r < f->rowCount(); ++r)
            QVERIFY(TurkishText::searchKey(QString(f->index(r, PlacementModel::Teacher).data().toString() + QLatin1Char(' ')
                                               + f->index(r, PlacementModel::Province).data().toString() + QLatin1Char(' ')
                                               + f->index(r, PlacementModel::Partner).data().toString() + QLatin1Char(' ')
                                               + f->index(r, PlacementModel::Reason).data().toString()))
                        .contains(TurkishText::searchKey(name)));
        f->setSearchText(QString());
        const int all = f->rowCount();
        choose(combo("placementField"), 1);
        QCOMPARE(f->rowCount(),
            scalar(c(),
                QStringLiteral("SELECT count(*) FROM placement x JOIN teacher t ON t.id = x.teacher_id WHERE t.field_id = 1"))
                .toInt());
        choose(combo("placementField"), 0);
        choose(combo("placementStatus"), QStringLiteral("confirmed"));
        QCOMPARE(f->rowCount(), scalar(c(), QStringLiteral("SELECT count(*) FROM placement WHERE status = 'confirmed'")).toInt());
        choose(combo("placementStatus"), QStringLiteral("locked"));
        QCOMPARE(f->rowCount(),
            scalar(c(), QStringLiteral("SELECT count(*) FROM placement WHERE locked = 1 AND status <> 'cancelled'")).toInt());
        combo("placementStatus")->setCurrentIndex(0); // all
        QCOMPARE(f->rowCount(), all);
        choose(combo("placementProvince"), 34);
        QCOMPARE(f->rowCount(),
            scalar(c(),
                QStringLiteral("SELECT count(*) FROM placement x JOIN teacher t ON t.id = x.teacher_id WHERE t.province_id = 34"))
                .toInt());
        choose(combo("placementProvince"), 0);
        QCOMPARE(f->rowCount(), all);
    }

    void fieldCodePreselectsTheFilter()
    {
        const QString code = scalar(c(), QStringLiteral("SELECT code FROM field WHERE id = 2")).toString();
        m_page->setFieldCode(code);
        QCOMPARE(m_page->filter()->rowCount(),
            scalar(c(),
                QStringLiteral("SELECT count(*) FROM placement x JOIN teacher t ON t.id = x.teacher_id WHERE t.field_id = 2"))
                .toInt());
        m_page->setFieldCode(QStringLiteral("NONE"));
    }

    void replanInTheWorkerKeepsLockedPlacements()
    {
        auto *combo = m_page->findChild<QComboBox *>(QStringLiteral("placementField"));
        QVERIFY(combo);
        combo->setCurrentIndex(0); // all fields
        const int id = firstProposed();
        QVERIFY(select(id));
        button("lockPlacement")->click();
        const QString locked
            = scalar(c(), QStringLiteral("SELECT group_concat(id || ':' || session_id) FROM placement WHERE locked = 1"))
                  .toString();
        const int runs = scalar(c(), QStringLiteral("SELECT count(*) FROM plan_run")).toInt();
        QSignalSpy done(m_page->runner(), &PlanRunner::finished);
        m_page->runOptimiser();
        QVERIFY(done.wait(60000) || done.count() == 1);
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QCOMPARE(scalar(c(), QStringLiteral("SELECT count(*) FROM plan_run")).toInt(), runs + 1);
        QCOMPARE(scalar(c(), QStringLiteral("SELECT group_concat(id || ':' || session_id) FROM placement WHERE locked = 1"))
                     .toString(),
            locked);
        QCOMPARE(m_page->placementModel()->rowCount(),
            scalar(c(), QStringLiteral("SELECT count(*) FROM placement WHERE status <> 'cancelled'")).toInt());
        QCOMPARE(m_page->conflictModel()->rowCount(), 0);
    }

    // The worker backs the file up on a second thread while it plans (as
    // kopru-cli plan does); the backup holds the state before the run, and
    // the plan is committed only after it.
    void replanIsBackedUpMeanwhileWithTheStateBefore()
    {
        const QString path = m_db->path();
        QVERIFY(Sql::exec(
            c(), QStringLiteral("UPDATE teacher SET notes = 'before the plan' WHERE id = (SELECT min(id) FROM teacher)")));
        QTest::qWait(1100); // file times have a resolution of a second on some file systems
        const int runs = scalar(c(), QStringLiteral("SELECT count(*) FROM plan_run")).toInt();
        const QList<BackupInfo> before = BackupManager().list(path);
        QSignalSpy done(m_page->runner(), &PlanRunner::finished);
        m_page->runOptimiser();
        QVERIFY(done.wait(60000) || done.count() == 1);
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QCOMPARE(scalar(c(), QStringLiteral("SELECT count(*) FROM plan_run")).toInt(), runs + 1);
        QList<BackupInfo> after = BackupManager().list(path);
        QCOMPARE(after.size(), std::min(before.size() + 1, qsizetype(BackupManager().keep())));
        const auto newest = std::max_element(
            after.begin(), after.end(), [](const BackupInfo &a, const BackupInfo &b) { return a.created < b.created; });
        QCOMPARE(newest->reason, QStringLiteral("plan"));
        auto backup = Connection::open(newest->path, Connection::Access::ReadOnly);
        QVERIFY2(backup, qPrintable(backup.message()));
        QCOMPARE(scalar(backup.value()->db(), QStringLiteral("SELECT count(*) FROM plan_run")).toInt(), runs);
        QCOMPARE(
            scalar(backup.value()->db(), QStringLiteral("SELECT notes FROM teacher WHERE id = (SELECT min(id) FROM teacher)"))
                .toString(),
            QStringLiteral("before the plan"));
    }

    void provinceScopedReplanLeavesOtherProvincesAlone()
    {
        auto *province = m_page->findChild<QComboBox *>(QStringLiteral("placementProvince"));
        QVERIFY(province);
        province->setCurrentIndex(province->findData(34));
        QCOMPARE(province->currentText(), QStringLiteral("İstanbul"));
        const QString outside = scalar(c(),
            QStringLiteral("SELECT group_concat(x.id || ':' || x.session_id || ':' || x.plan_run_id) FROM placement x "
                           "JOIN teacher t ON t.id = x.teacher_id WHERE t.province_id <> 34"))
                                    .toString();
        QSignalSpy done(m_page->runner(), &PlanRunner::finished);
        m_page->runOptimiser();
        QVERIFY(done.wait(60000) || done.count() == 1);
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QCOMPARE(scalar(c(),
                     QStringLiteral("SELECT group_concat(x.id || ':' || x.session_id || ':' || x.plan_run_id) FROM placement x "
                                    "JOIN teacher t ON t.id = x.teacher_id WHERE t.province_id <> 34"))
                     .toString(),
            outside);
        const int run = scalar(c(), QStringLiteral("SELECT max(id) FROM plan_run")).toInt();
        QVERIFY(scalar(c(), QStringLiteral("SELECT parameters FROM plan_run WHERE id = %1").arg(run))
                    .toString()
                    .contains(QStringLiteral("\"province\":34")));
        QCOMPARE(m_page->filter()->rowCount(),
            scalar(c(),
                QStringLiteral("SELECT count(*) FROM placement x JOIN teacher t ON t.id = x.teacher_id WHERE t.province_id = 34"))
                .toInt());
        province->setCurrentIndex(0);
    }

    void unplacedTeachersWithTheirReasons()
    {
        const int unplaced = scalar(c(),
            QStringLiteral("SELECT count(*) FROM teacher t WHERE NOT EXISTS (SELECT 1 FROM placement x WHERE x.teacher_id = t.id "
                           "AND x.status <> 'cancelled')"))
                                 .toInt();
        QVERIFY(unplaced > 0);
        bool sawDialog = false;
        QString saved;
        const QString csv = m_dir.filePath(QStringLiteral("unplaced.csv"));
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<UnplacedDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            sawDialog = true;
            QAbstractItemModelTester tester(dialog->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            QAbstractItemModelTester proxyTester(dialog->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            QCOMPARE(dialog->model()->rowCount(), unplaced);
            // Each row says why; the reason filter keeps the rows of one reason.
            QHash<int, int> byReason;
            for (int r = 0; r < dialog->model()->rowCount(); ++r) {
                const QModelIndex reason = dialog->model()->index(r, UnplacedModel::Reason);
                QVERIFY(!reason.data().toString().isEmpty());
                ++byReason[reason.data(UnplacedModel::ReasonRole).toInt()];
            }
            QComboBox *filter = dialog->reasonFilter();
            for (int i = 1; i < filter->count(); ++i) {
                filter->setCurrentIndex(i);
                QCOMPARE(dialog->proxy()->rowCount(), byReason.value(filter->currentData().toInt()));
            }
            filter->setCurrentIndex(0);
            QCOMPARE(dialog->proxy()->rowCount(), unplaced);
            saved = dialog->save(csv);
            // For people to look at (KOPRU_SCREENSHOT_DIR=dir).
            if (const QString dir = qEnvironmentVariable("KOPRU_SCREENSHOT_DIR"); !dir.isEmpty())
                dialog->grab().save(QDir(dir).filePath(QStringLiteral("unplaced-dialog.png")));
            dialog->reject();
        });
        QPushButton *button = m_page->findChild<QPushButton *>(QStringLiteral("unplacedButton"));
        QVERIFY(button);
        button->click();
        QVERIFY(sawDialog);
        QVERIFY2(saved.isEmpty(), qPrintable(saved));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()).count(QLatin1Char('\n')), unplaced + 1); // header and one line each
    }

    // Issue #15: a teacher the plan left out is placed by hand from the list
    // (e.g. in a place freed by a cancellation), ranked as for a move; the
    // placement is undoable and keeps its global id through undo and redo.
    void placeAnUnplacedTeacher()
    {
        const int teacher = scalar(c(),
            QStringLiteral(
                "SELECT min(t.id) FROM teacher t WHERE NOT EXISTS (SELECT 1 FROM placement x WHERE x.teacher_id = t.id "
                "AND x.status <> 'cancelled') AND EXISTS (SELECT 1 FROM training_session s WHERE s.field_id = "
                "t.field_id)"))
                                .toInt();
        QVERIFY(teacher > 0);
        const auto placements = [this, teacher] {
            return scalar(c(),
                QStringLiteral("SELECT count(*) FROM placement WHERE teacher_id = %1 AND status <> 'cancelled'").arg(teacher))
                .toInt();
        };
        QCOMPARE(placements(), 0);
        int before = -1, after = -1;
        QStringList handled;
        QTimer driver;
        driver.setInterval(20);
        connect(&driver, &QTimer::timeout, this, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *dialog = qobject_cast<UnplacedDialog *>(modal)) {
                if (handled.contains(QStringLiteral("unplaced"))) {
                    after = dialog->model()->rowCount();
                    dialog->reject();
                    return;
                }
                handled << QStringLiteral("unplaced");
                before = dialog->model()->rowCount();
                auto *view = dialog->findChild<QTableView *>(QStringLiteral("unplacedTable"));
                for (int r = 0; r < dialog->proxy()->rowCount(); ++r)
                    if (dialog->proxy()->index(r, 0).data(TeacherIdRole).toInt() == teacher)
                        view->selectRow(r);
                QCOMPARE(dialog->selectedTeacher(), teacher);
                auto *place = dialog->findChild<QPushButton *>(QStringLiteral("placeUnplacedButton"));
                QVERIFY(place && place->isEnabled());
                QTimer::singleShot(0, place, &QPushButton::click); // opens the choice of session (modal)
            } else if (auto *move = qobject_cast<MoveDialog *>(modal)) {
                handled << QStringLiteral("move");
                QVERIFY(move->model()->rowCount() > 0);
                QCOMPARE(move->findChild<QPushButton *>(QStringLiteral("moveAcceptButton"))->text(), QStringLiteral("&Place"));
                move->view()->selectRow(0); // the best ranked
                move->accept();
            } else if (modal && modal->objectName() == QLatin1String("fullSessionQuestion")) {
                handled << QStringLiteral("full");
                if (auto *box = qobject_cast<QMessageBox *>(modal))
                    box->button(QMessageBox::Yes)->click();
            }
        });
        driver.start();
        m_page->findChild<QPushButton *>(QStringLiteral("unplacedButton"))->click();
        driver.stop();
        QVERIFY2(handled.contains(QStringLiteral("move")), qPrintable(handled.join(QLatin1Char(','))));
        QCOMPARE(placements(), 1);
        QCOMPARE(after, before - 1); // the list was read again
        const QString row = QStringLiteral("SELECT status || ':' || locked || ':' || (reason <> '') FROM placement WHERE "
                                           "teacher_id = %1 AND status <> 'cancelled'")
                                .arg(teacher);
        QCOMPARE(scalar(c(), row).toString(), QStringLiteral("proposed:1:1"));
        const QString uid = scalar(
            c(), QStringLiteral("SELECT uid FROM placement WHERE teacher_id = %1 AND status <> 'cancelled'").arg(teacher))
                                .toString();
        QVERIFY(!uid.isEmpty());
        m_stack.undo();
        QCOMPARE(placements(), 0);
        m_stack.redo();
        QCOMPARE(placements(), 1);
        QCOMPARE(
            scalar(c(), QStringLiteral("SELECT uid FROM placement WHERE teacher_id = %1 AND status <> 'cancelled'").arg(teacher))
                .toString(),
            uid);
        // A teacher who has a placement is moved, not placed again.
        QVERIFY(!PlacementEditCommand::place(
            c(), teacher, scalar(c(), QStringLiteral("SELECT min(id) FROM training_session")).toInt(), {}));
    }

    void cleanupTestCase()
    {
        m_stack.clear();
        m_page.reset();
    }
};

QTEST_MAIN(TestPlacementPage)
#include "tst_placementpage.moc"
