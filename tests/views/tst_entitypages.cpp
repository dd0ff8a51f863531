// SPDX-License-Identifier: GPL-3.0-or-later
// The entity pages offscreen: editing through the delegates, refusals reported
// at the cell and as status messages, add and undo, Turkish search typed into the search box,
// and the explicit confirmation before placements go with a partner.
#include "app/common/translations.h"
#include "models/demo/demogenerator.h"
#include "models/itemmodels/partnertablemodel.h"
#include "models/itemmodels/roles.h"
#include "models/itemmodels/sessioncompetencymodel.h"
#include "models/itemmodels/teachertablemodel.h"
#include "models/itemmodels/turkishfilterproxy.h"
#include "tests/common/testutil.h"
#include "views/delegates/entitydelegate.h"
#include "views/delegates/numberdelegate.h"
#include "views/delegates/refusalnote.h"
#include "views/pages/entitybrowser.h"
#include "views/pages/page.h"
#include "views/pages/pageregistry.h"
#include "views/pages/recorddialog.h"
#include "views/partners/partnerdetailpanel.h"
#include "views/partners/partnerspage.h"
#include "views/teachers/teacherdetailpanel.h"
#include "views/teachers/teacherspage.h"

#include <QApplication>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QTranslator>
#include <QUndoStack>

using namespace kopru;
using kopru::test::scalar;

class TestEntityPages : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    QUndoStack m_undo;
    std::unique_ptr<Page> m_page;
    int m_n = 0;
    int m_isikId = 0, m_partnerWithPlacements = 0;

    QSqlDatabase c() const { return m_db->connection(); }

    // The page made by `create` (with m_undo) on the test database, shown and
    // exposed, `size` when given; its browser, or nullptr when something failed.
    EntityBrowser *openPage(Page *(*create)(QUndoStack *, QWidget *), QSize size = {})
    {
        m_page.reset(create(&m_undo, nullptr));
        m_page->setDatabase(m_db.get());
        if (size.isValid())
            m_page->resize(size);
        m_page->show();
        if (!QTest::qWaitForWindowExposed(m_page.get()))
            return nullptr;
        return m_page->findChild<EntityBrowser *>();
    }

    // The table of the open page.
    QTableView *entitiesView() const { return m_page->findChild<QTableView *>(QStringLiteral("entities")); }

    // The editor of type T that `view` shows, nullptr when none is visible.
    template <typename T> static T *visibleEditor(QTableView *view)
    {
        T *editor = nullptr;
        for (T *e : view->viewport()->findChildren<T *>())
            if (e->isVisible())
                editor = e;
        return editor;
    }

    static QModelIndex proxyIndexOf(EntityBrowser *browser, int id, int column)
    {
        QAbstractItemModel *proxy = browser->proxy();
        for (int r = 0; r < proxy->rowCount(); ++r)
            if (proxy->index(r, 0).data(IdRole).toInt() == id)
                return proxy->index(r, column);
        return {};
    }

    static void typeText(QWidget *w, const QString &text)
    {
        // QTest::keyClicks aborts on non-ASCII in Qt 6.4: one key event per character.
        for (QChar ch : text)
            QTest::sendKeyEvent(QTest::Click, w, Qt::Key_unknown, QString(ch), Qt::NoModifier);
    }

private slots:
    // Issue #18: whole numbers keep the locale's digit grouping in the tables
    // (an item view's locale omits it); other values are untouched.
    void wholeNumbersAreGrouped()
    {
        QLocale viewLocale(QLocale::Turkish, QLocale::Turkey);
        viewLocale.setNumberOptions(QLocale::OmitGroupSeparator); // what QAbstractItemView passes
        NumberDelegate numbers;
        QCOMPARE(numbers.displayText(4275, viewLocale), QStringLiteral("4.275"));
        QCOMPARE(numbers.displayText(qlonglong(100000), viewLocale), QStringLiteral("100.000"));
        QCOMPARE(numbers.displayText(2.91, viewLocale), QStringLiteral("2,91"));
        QCOMPARE(numbers.displayText(QStringLiteral("10000000146"), viewLocale), QStringLiteral("10000000146"));
        QLocale english(QLocale::English);
        english.setNumberOptions(QLocale::OmitGroupSeparator);
        QCOMPARE(numbers.displayText(4275, english), QStringLiteral("4,275"));
        EntityDelegate entities; // the entity tables' delegate groups too
        QCOMPARE(entities.displayText(4275, viewLocale), QStringLiteral("4.275"));
    }

    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("KopruTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_entitypages"));
    }

    void init()
    {
        m_db = test::newDatabase(m_dir.filePath(QStringLiteral("p%1.kopru").arg(++m_n)));
        QVERIFY(m_db);
        DemoGenerator::Options o;
        o.teachers = 80;
        o.partners = 12;
        o.minPlaces = 20;
        o.programme = false; // the placements below are the only ones
        QVERIFY(DemoGenerator::generate(c(), o).ok());
        QVERIFY(Sql::exec(c(),
            QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id) "
                           "VALUES ('10000000146', 'AYŞE', 'IŞIK', 1, 34)")));
        m_isikId = scalar(c(), QStringLiteral("SELECT id FROM teacher WHERE national_id = '10000000146'")).toInt();
        const int session = scalar(c(), QStringLiteral("SELECT min(id) FROM training_session")).toInt();
        m_partnerWithPlacements
            = scalar(c(), QStringLiteral("SELECT partner_id FROM training_session WHERE id = %1").arg(session)).toInt();
        const int field = scalar(c(), QStringLiteral("SELECT field_id FROM training_session WHERE id = %1").arg(session)).toInt();
        QVERIFY(Sql::exec(c(),
            QStringLiteral("INSERT INTO placement(teacher_id, session_id) SELECT id, ? FROM teacher "
                           "WHERE field_id = ? ORDER BY id LIMIT 2"),
            { session, field }));
        QCOMPARE(scalar(c(), QStringLiteral("SELECT count(*) FROM placement")).toInt(), 2);
    }

    void cleanup()
    {
        m_page.reset();
        m_undo.clear();
        m_db.reset();
    }

    void invalidNationalIdTypedInTheTableIsRefused_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("checksum wrong") << QStringLiteral("17291716050") << false;
        QTest::newRow("ten digits") << QStringLiteral("1729171606") << false;
        QTest::newRow("valid") << QStringLiteral("17291716060") << true;
    }

    void invalidNationalIdTypedInTheTableIsRefused()
    {
        QFETCH(QString, typed);
        QFETCH(bool, accepted);
        EntityBrowser *browser = openPage(createTeachersPage, QSize(1200, 700));
        QVERIFY(browser);
        QSignalSpy status(m_page.get(), &Page::statusMessage);
        QTableView *view = entitiesView();
        QVERIFY(view);
        const QModelIndex cell = proxyIndexOf(browser, m_isikId, 0); // national ID column
        QVERIFY(cell.isValid());
        view->setCurrentIndex(cell);
        view->edit(cell);
        QLineEdit *editor = visibleEditor<QLineEdit>(view);
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, typed);
        QTest::keyClick(editor, Qt::Key_Return);
        if (accepted)
            QTRY_VERIFY(!editor->isVisible());
        else
            QVERIFY(editor->isVisible()); // a refused value keeps its editor open (see refusalIsExplainedAtTheCell)
        const QString stored
            = scalar(c(), QStringLiteral("SELECT national_id FROM teacher WHERE id = %1").arg(m_isikId)).toString();
        if (accepted) {
            QCOMPARE(stored, typed);
            QCOMPARE(m_undo.count(), 1);
            m_undo.undo();
            QCOMPARE(scalar(c(), QStringLiteral("SELECT national_id FROM teacher WHERE id = %1").arg(m_isikId)).toString(),
                QStringLiteral("10000000146"));
        } else {
            QCOMPARE(stored, QStringLiteral("10000000146"));
            QCOMPARE(m_undo.count(), 0);
            QVERIFY(status.count() >= 1);
            const QString message = status.last().at(0).toString();
            QVERIFY2(message.contains(QStringLiteral("National ID")), qPrintable(message));
            QCOMPARE(proxyIndexOf(browser, m_isikId, 0).data().toString(), QStringLiteral("10000000146"));
            QTest::keyClick(editor, Qt::Key_Escape);
            QTRY_VERIFY(!editor->isVisible());
        }
    }

    void refusalIsExplainedAtTheCell_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("columnTitle");
        QTest::newRow("English") << QStringLiteral("en") << QStringLiteral("National ID");
        QTest::newRow("Turkish") << QStringLiteral("tr") << QStringLiteral("T.C. Kimlik No");
    }

    // A refused value keeps the editor open with the typed text, a red frame and
    // the model's reason next to the cell; Esc puts the old value back and
    // writes nothing; a valid value is then accepted.
    void refusalIsExplainedAtTheCell()
    {
        QFETCH(QString, language);
        QFETCH(QString, columnTitle);
        Translations::install(*QCoreApplication::instance(), language);
        const auto restore = qScopeGuard([] {
            for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>())
                QCoreApplication::removeTranslator(t);
            QLocale::setDefault(QLocale::c());
        });
        EntityBrowser *browser = openPage(createTeachersPage, QSize(1200, 700));
        QVERIFY(browser);
        auto *model = m_page->findChild<TeacherTableModel *>();
        QVERIFY(model);
        QSignalSpy refused(model, &EntityTableModel::editRefused);
        QTableView *view = entitiesView();
        QVERIFY(view);
        const auto storedId = [this] {
            return scalar(c(), QStringLiteral("SELECT national_id FROM teacher WHERE id = %1").arg(m_isikId)).toString();
        };
        const QModelIndex cell = proxyIndexOf(browser, m_isikId, 0); // national ID column
        QVERIFY(cell.isValid());
        view->setCurrentIndex(cell);
        view->edit(cell);
        QLineEdit *editor = visibleEditor<QLineEdit>(view);
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("17291716050")); // checksum wrong
        QTest::keyClick(editor, Qt::Key_Return);

        QCOMPARE(refused.count(), 1);
        const QString reason = refused.last().at(0).toString();
        QVERIFY2(reason.startsWith(columnTitle), qPrintable(reason)); // in the UI language
        QCOMPARE(storedId(), QStringLiteral("10000000146"));
        QCOMPARE(m_undo.count(), 0);
        QVERIFY(editor->isVisible());
        QCOMPARE(editor->text(), QStringLiteral("17291716050"));
        QVERIFY(editor->styleSheet().contains(QStringLiteral("border")));
        QCOMPARE(editor->toolTip(), reason);
        RefusalNote *note = view->viewport()->findChild<RefusalNote *>(QStringLiteral("refusalNote"));
        QVERIFY(note);
        QCOMPARE(RefusalNote::of(editor), note);
        QVERIFY(note->isVisible());
        QCOMPARE(note->text(), reason);
        const QRect at = editor->geometry();
        QVERIFY2(note->geometry().top() == at.bottom() + 1 || note->geometry().bottom() == at.top() - 1,
            "the note is right under or over the cell");
        QVERIFY(note->geometry().left() <= at.left() && note->geometry().right() >= at.left());

        // Tab does not leave a refused value either; the note stays.
        QTest::keyClick(editor, Qt::Key_Tab);
        QVERIFY(editor->isVisible());
        QVERIFY(note->isVisible());
        QCOMPARE(storedId(), QStringLiteral("10000000146"));

        // Leaving with the mouse (a click on another cell) does not lose it
        // either: the cell's editor opens again with the typed text and the reason.
        const QModelIndex other = proxyIndexOf(browser, m_isikId, 1);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(other).center());
        QTRY_VERIFY(visibleEditor<QLineEdit>(view) && visibleEditor<QLineEdit>(view) != editor);
        editor = visibleEditor<QLineEdit>(view);
        QCOMPARE(view->currentIndex(), proxyIndexOf(browser, m_isikId, 0));
        QCOMPARE(editor->text(), QStringLiteral("17291716050"));
        QVERIFY(RefusalNote::of(editor));
        QCOMPARE(RefusalNote::of(editor)->text(), reason);
        QCOMPARE(storedId(), QStringLiteral("10000000146"));
        QCOMPARE(m_undo.count(), 0);
        QCOMPARE(view->viewport()->findChildren<RefusalNote *>().size(), 1);
        QVERIFY(refused.count() >= 3); // Return, Tab, leaving
        const int refusedBefore = refused.count();

        // Esc: the editor closes, the note goes, the old value stays.
        QTest::keyClick(editor, Qt::Key_Escape);
        QTRY_VERIFY(!editor->isVisible());
        QTRY_VERIFY(!view->viewport()->findChild<RefusalNote *>());
        QCOMPARE(proxyIndexOf(browser, m_isikId, 0).data().toString(), QStringLiteral("10000000146"));
        QCOMPARE(storedId(), QStringLiteral("10000000146"));
        QCOMPARE(m_undo.count(), 0);

        // Corrected after a refusal: accepted, the editor and the note go.
        view->edit(proxyIndexOf(browser, m_isikId, 0));
        editor = visibleEditor<QLineEdit>(view);
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("1729171605"));
        QTest::keyClick(editor, Qt::Key_Return);
        QVERIFY(editor->isVisible());
        QVERIFY(RefusalNote::of(editor));
        QTest::keyClick(editor, Qt::Key_End);
        QTest::keyClicks(editor, QStringLiteral("0")); // the typed text is still there to correct
        QCOMPARE(editor->text(), QStringLiteral("17291716050"));
        QTest::keyClick(editor, Qt::Key_Backspace);
        QTest::keyClick(editor, Qt::Key_Backspace);
        QTest::keyClicks(editor, QStringLiteral("60"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(!editor->isVisible());
        QTRY_VERIFY(!view->viewport()->findChild<RefusalNote *>());
        QCOMPARE(storedId(), QStringLiteral("17291716060"));
        QCOMPARE(m_undo.count(), 1);
        QCOMPARE(refused.count(), refusedBefore + 1); // the ten digits
    }

    void optionalDateCanBeClearedButRequiredDateCannot()
    {
        QVERIFY(Sql::exec(
            c(), QStringLiteral("UPDATE partner SET protocol_date = '2025-03-01' WHERE id = %1").arg(m_partnerWithPlacements)));
        EntityBrowser *browser = openPage(createPartnersPage, QSize(1400, 700));
        QVERIFY(browser);
        QTableView *view = entitiesView();
        QVERIFY(view);
        int dateColumn = -1;
        for (int col = 0; col < browser->proxy()->columnCount() && dateColumn < 0; ++col)
            if (browser->proxy()->index(0, col).data(ValueKindRole).toInt() == int(ValueKind::Date))
                dateColumn = col;
        QVERIFY(dateColumn >= 0);
        const QModelIndex cell = proxyIndexOf(browser, m_partnerWithPlacements, dateColumn);
        QVERIFY(!cell.data(RequiredRole).toBool());
        QCOMPARE(cell.data().toString(), QStringLiteral("01.03.2025"));
        view->setCurrentIndex(cell);
        view->edit(cell);
        QDateEdit *editor = visibleEditor<QDateEdit>(view);
        QVERIFY(editor);
        QCOMPARE(editor->date(), QDate(2025, 3, 1));
        QTest::keyClick(editor, Qt::Key_Delete);
        QCOMPARE(editor->text(), editor->specialValueText());
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(!editor->isVisible());
        const auto stored = [this] {
            return scalar(c(),
                QStringLiteral("SELECT coalesce(protocol_date, 'NULL') FROM partner WHERE id = %1").arg(m_partnerWithPlacements))
                .toString();
        };
        QCOMPARE(stored(), QStringLiteral("NULL"));
        const QString shown = proxyIndexOf(browser, m_partnerWithPlacements, dateColumn).data().toString();
        QCOMPARE(shown, QStringLiteral("—")); // empty dates show a dash
        QCOMPARE(m_undo.count(), 1);
        m_undo.undo();
        QCOMPARE(stored(), QStringLiteral("2025-03-01"));

        // An empty optional date opens at "(none)"; leaving it so writes nothing new.
        m_undo.redo();
        view->edit(proxyIndexOf(browser, m_partnerWithPlacements, dateColumn));
        editor = visibleEditor<QDateEdit>(view);
        QVERIFY(editor);
        QCOMPARE(editor->text(), editor->specialValueText());
        QTest::keyClick(editor, Qt::Key_Escape);
        QCOMPARE(stored(), QStringLiteral("NULL"));

        // A required date (a session's start) has no "(none)" and Delete does not clear it.
        EntityDelegate delegate;
        QStandardItemModel required(1, 1);
        required.setData(required.index(0, 0), int(ValueKind::Date), ValueKindRole);
        required.setData(required.index(0, 0), true, RequiredRole);
        required.setData(required.index(0, 0), QDate(2026, 5, 4), Qt::EditRole);
        QWidget host;
        std::unique_ptr<QWidget> raw(delegate.createEditor(&host, QStyleOptionViewItem(), required.index(0, 0)));
        auto *requiredEditor = qobject_cast<QDateEdit *>(raw.get());
        QVERIFY(requiredEditor);
        QVERIFY(requiredEditor->specialValueText().isEmpty());
        delegate.setEditorData(requiredEditor, required.index(0, 0));
        QCOMPARE(requiredEditor->date(), QDate(2026, 5, 4));
    }

    void addedTeacherIsGoneAfterUndo()
    {
        EntityBrowser *browser = openPage(createTeachersPage);
        QVERIFY(browser);
        const int before = scalar(c(), QStringLiteral("SELECT count(*) FROM teacher")).toInt();
        QString refusal;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<RecordDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->findChild<QLineEdit *>(QStringLiteral("national_id"))->setText(QStringLiteral("17291716050"));
            dialog->findChild<QLineEdit *>(QStringLiteral("first_name"))->setText(QStringLiteral("Deniz"));
            dialog->findChild<QLineEdit *>(QStringLiteral("last_name"))->setText(QStringLiteral("Işıklar"));
            dialog->accept(); // refused: checksum
            refusal = dialog->findChild<QLabel *>(QStringLiteral("problem"))->text();
            dialog->findChild<QLineEdit *>(QStringLiteral("national_id"))->setText(QStringLiteral("17291716060"));
            dialog->accept();
        });
        QSignalSpy status(m_page.get(), &Page::statusMessage);
        browser->addButton()->click();
        QVERIFY2(!refusal.isEmpty(), "the invalid national ID was not explained in the dialog");
        QVERIFY2(scalar(c(), QStringLiteral("SELECT count(*) FROM teacher")).toInt() == before + 1,
            qPrintable(status.isEmpty() ? QString() : status.last().at(0).toString()));
        const int id = scalar(c(), QStringLiteral("SELECT id FROM teacher WHERE national_id = '17291716060'")).toInt();
        QVERIFY(id > 0);
        QCOMPARE(browser->currentId(), id);
        QCOMPARE(m_undo.count(), 1);
        m_undo.undo();
        QCOMPARE(scalar(c(), QStringLiteral("SELECT count(*) FROM teacher")).toInt(), before);
        QVERIFY(!proxyIndexOf(browser, id, 0).isValid());
        m_undo.redo();
        QCOMPARE(scalar(c(), QStringLiteral("SELECT last_name FROM teacher WHERE id = %1").arg(id)).toString(),
            QStringLiteral("Işıklar"));
    }

    void typingIsikFindsIsikInCapitals()
    {
        EntityBrowser *browser = openPage(createTeachersPage);
        QVERIFY(browser);
        QLineEdit *search = browser->searchEdit();
        search->setFocus();
        typeText(search, QStringLiteral("ışık"));
        QCOMPARE(search->text(), QStringLiteral("ışık"));
        QTRY_VERIFY(browser->proxy()->rowCount() < scalar(c(), QStringLiteral("SELECT count(*) FROM teacher")).toInt());
        QVERIFY(proxyIndexOf(browser, m_isikId, 0).isValid());
        QCOMPARE(proxyIndexOf(browser, m_isikId, 1).data().toString(), QStringLiteral("IŞIK"));
        for (int r = 0; r < browser->proxy()->rowCount(); ++r)
            QVERIFY(browser->proxy()->index(r, 0).data(SearchKeyRole).toString().contains(QStringLiteral("ışık")));
        // Typed with Turkish letters, dotless and dotted i are different letters:
        // "işık" does not find IŞIK.
        search->clear();
        typeText(search, QStringLiteral("işık"));
        QTRY_VERIFY(!proxyIndexOf(browser, m_isikId, 0).isValid());
        // Typed in plain ASCII (an English keyboard), "isik" finds IŞIK, after
        // the rows that contain "isik" exactly.
        search->clear();
        typeText(search, QStringLiteral("isik"));
        QTRY_VERIFY(proxyIndexOf(browser, m_isikId, 0).isValid());
        QVERIFY(!browser->proxy()->isExactMatch(browser->proxy()->mapToSource(proxyIndexOf(browser, m_isikId, 0)).row()));
    }

    // Issue #18: a teacher imported into a new school shows the school on
    // refresh (the import's signal), not only after a restart.
    void newSchoolShowsAfterRefreshWithoutRestart()
    {
        EntityBrowser *browser = openPage(createTeachersPage);
        QVERIFY(browser);
        QVERIFY(Sql::exec(c(), QStringLiteral("INSERT INTO school(name, province_id) VALUES ('Yeni Ufuk MTAL', 6)")));
        const int school = scalar(c(), QStringLiteral("SELECT id FROM school WHERE name = 'Yeni Ufuk MTAL'")).toInt();
        QVERIFY(school > 0);
        QVERIFY(Sql::exec(c(),
            QStringLiteral("INSERT INTO teacher(national_id, first_name, last_name, field_id, province_id, school_id) "
                           "VALUES ('98765432150', 'Deniz', 'Yıldız', 1, 6, ?)"),
            { school }));
        const int id = scalar(c(), QStringLiteral("SELECT id FROM teacher WHERE national_id = '98765432150'")).toInt();
        m_page->refresh();
        QCOMPARE(proxyIndexOf(browser, id, TeacherTableModel::School).data().toString(), QStringLiteral("Yeni Ufuk MTAL"));
    }

    // Issue #18: with no teacher selected the detail panel shows nobody, not
    // the previous teacher greyed out.
    void detailPanelIsClearedWhenNothingIsSelected()
    {
        EntityBrowser *browser = openPage(createTeachersPage);
        QVERIFY(browser);
        browser->selectId(m_isikId);
        auto *panel = m_page->findChild<TeacherDetailPanel *>();
        QVERIFY(panel);
        const auto shownTexts = [panel] {
            QStringList texts;
            for (QLineEdit *edit : panel->findChildren<QLineEdit *>())
                if (!edit->text().isEmpty())
                    texts << edit->text();
            return texts;
        };
        QVERIFY(shownTexts().contains(QStringLiteral("IŞIK")));
        QVERIFY(panel->isEnabled());
        browser->proxy()->setSearchText(QStringLiteral("no such teacher anywhere"));
        QCOMPARE(browser->proxy()->rowCount(), 0);
        QCOMPARE(shownTexts(), QStringList());
        QVERIFY(!panel->isEnabled());
        QVERIFY(panel->findChild<QTableView *>(QStringLiteral("ratings"))->model()->rowCount() == 0);
    }

    void kvkkErasureSaysItCannotBeUndoneAndPurges()
    {
        EntityBrowser *browser = openPage(createTeachersPage);
        QVERIFY(browser);
        const int teacher = scalar(c(), QStringLiteral("SELECT teacher_id FROM placement LIMIT 1")).toInt();
        QVERIFY(scalar(c(), QStringLiteral("SELECT count(*) FROM need_rating WHERE teacher_id = %1").arg(teacher)).toInt() > 0);
        browser->selectId(teacher);
        // An earlier edit on the stack: erasure clears the history (it holds personal data).
        QVERIFY(
            browser->proxy()->setData(browser->view()->currentIndex().siblingAtColumn(2), QStringLiteral("Ada"), Qt::EditRole));
        QCOMPARE(m_undo.count(), 1);
        QString warning;
        const auto answer = [&](bool erase) {
            QTimer::singleShot(0, this, [&, erase] {
                auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
                if (!menu)
                    return;
                QAction *kvkk = nullptr;
                for (QAction *a : menu->actions())
                    if (a->text().contains(QStringLiteral("KVKK")))
                        kvkk = a;
                QTimer::singleShot(0, this, [&, erase] {
                    auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                    if (!box)
                        return;
                    warning = box->text() + QLatin1Char(' ') + box->informativeText();
                    for (QAbstractButton *b : box->buttons())
                        if ((box->buttonRole(b) == QMessageBox::DestructiveRole) == erase
                            && box->buttonRole(b) != QMessageBox::InvalidRole)
                            b->click();
                });
                menu->close();
                if (kvkk)
                    kvkk->trigger();
            });
            emit browser->view()->customContextMenuRequested(QPoint(10, 10));
        };
        answer(false); // cancel: nothing happens
        QVERIFY2(warning.contains(QStringLiteral("cannot be undone")), qPrintable(warning));
        QCOMPARE(scalar(c(), QStringLiteral("SELECT count(*) FROM teacher WHERE id = %1").arg(teacher)).toInt(), 1);
        QCOMPARE(m_undo.count(), 1);
        warning.clear();
        answer(true);
        QVERIFY(!warning.isEmpty());
        QCOMPARE(scalar(c(), QStringLiteral("SELECT count(*) FROM teacher WHERE id = %1").arg(teacher)).toInt(), 0);
        QCOMPARE(scalar(c(), QStringLiteral("SELECT count(*) FROM need_rating WHERE teacher_id = %1").arg(teacher)).toInt(), 0);
        QCOMPARE(scalar(c(), QStringLiteral("SELECT count(*) FROM placement WHERE teacher_id = %1").arg(teacher)).toInt(), 0);
        QCOMPARE(scalar(c(), QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'purge_teacher'")).toInt(), 1);
        QCOMPARE(m_undo.count(), 0);
        QVERIFY(!proxyIndexOf(browser, teacher, 0).isValid());
    }

    void deletingPartnerWithPlacementsNamesTheCountAndCancelKeepsAll()
    {
        EntityBrowser *browser = openPage(createPartnersPage);
        QVERIFY(browser);
        browser->selectId(m_partnerWithPlacements);
        QCOMPARE(browser->selectedIds(), QList<int> { m_partnerWithPlacements });
        const auto counts = [this] {
            return scalar(c(),
                QStringLiteral("SELECT (SELECT count(*) FROM partner) || '/' || (SELECT count(*) FROM training_session) "
                               "|| '/' || (SELECT count(*) FROM session_competency) || '/' || (SELECT count(*) FROM placement)"))
                .toString();
        };
        const QString before = counts();
        QString question;
        QTimer::singleShot(0, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            question = box->text();
            box->button(QMessageBox::Cancel)->click();
        });
        browser->deleteButton()->click();
        QVERIFY2(question.contains(QStringLiteral("2 placement")), qPrintable(question));
        QCOMPARE(counts(), before);
        QCOMPARE(m_undo.count(), 0);

        // Confirmed: partner, sessions and the two placements go, in one undoable step.
        QTimer::singleShot(0, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            for (QAbstractButton *b : box->buttons())
                if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                    b->click();
        });
        browser->deleteButton()->click();
        QCOMPARE(scalar(c(), QStringLiteral("SELECT count(*) FROM placement")).toInt(), 0);
        QCOMPARE(
            scalar(c(), QStringLiteral("SELECT count(*) FROM partner WHERE id = %1").arg(m_partnerWithPlacements)).toInt(), 0);
        QCOMPARE(m_undo.count(), 1);
        m_undo.undo();
        QCOMPARE(counts(), before);
    }

    void partnerDetailShowsSessionsAndCoverage()
    {
        QVERIFY(openPage(createPartnersPage));
        auto *page = qobject_cast<PartnersPage *>(m_page.get());
        QVERIFY(page);
        page->browser()->selectId(m_partnerWithPlacements);
        PartnerDetailPanel *detail = page->detail();
        const int sessions = scalar(
            c(), QStringLiteral("SELECT count(*) FROM training_session WHERE partner_id = %1").arg(m_partnerWithPlacements))
                                 .toInt();
        QCOMPARE(detail->sessionModel()->rowCount(), sessions);
        QVERIFY(detail->coverageModel()->sessionId() > 0);
        // Capacity 0 refused with a status message; 5 accepted.
        QSignalSpy status(page, &Page::statusMessage);
        auto *view = detail->sessionsView();
        const QModelIndex capacity = view->model()->index(0, 4);
        QVERIFY(!view->model()->setData(capacity, 0, Qt::EditRole));
        QCOMPARE(status.count(), 1);
        QVERIFY(view->model()->setData(capacity, 5, Qt::EditRole));
        const int sessionId = capacity.siblingAtColumn(0).data(IdRole).toInt();
        QCOMPARE(scalar(c(), QStringLiteral("SELECT capacity FROM training_session WHERE id = %1").arg(sessionId)).toInt(), 5);
    }
};

QTEST_MAIN(TestEntityPages)
#include "tst_entitypages.moc"
