// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/teachers/teacherspage.h"

#include "models/db/database.h"
#include "models/db/sql.h"
#include "models/editing/changenotifier.h"
#include "models/editing/dbcommand.h"
#include "models/exchange/databaserole.h"
#include "models/exchange/proposecorrectioncommand.h"
#include "models/itemmodels/teachertablemodel.h"
#include "models/itemmodels/turkishfilterproxy.h"
#include "models/safety/purge.h"
#include "views/pages/entitybrowser.h"
#include "views/pages/pageregistry.h"
#include "views/pages/pagewiring.h"
#include "views/pages/recorddialog.h"
#include "views/teachers/teacherdetailpanel.h"

#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace kopru {

TeachersPage::TeachersPage(QUndoStack *undo, QWidget *parent)
    : Page(undo, parent)
    , m_model(new TeacherTableModel(this))
{
    m_model->setUndoStack(undo);
    auto *layout = new QVBoxLayout(this);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_browser = new EntityBrowser(pageName(), m_model,
        EntityBrowser::FieldFilter | EntityBrowser::ProvinceFilter | EntityBrowser::CentreFilter, m_splitter);
    m_detail = new TeacherDetailPanel(m_browser->proxy(), undo, m_splitter);
    m_splitter->addWidget(m_browser);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    PageWiring::restoreSplitter(m_splitter, pageName());
    layout->addWidget(m_splitter);

    m_browser->addButton()->setText(tr("&Add teacher…"));
    connect(m_browser, &EntityBrowser::addRequested, this, &TeachersPage::addTeacher);
    connect(m_browser, &EntityBrowser::deleteRequested, this, &TeachersPage::deleteSelected);
    connect(m_browser, &EntityBrowser::currentIdChanged, this, &TeachersPage::currentChanged);
    connect(m_browser->view(), &QWidget::customContextMenuRequested, this, &TeachersPage::showContextMenu);
    // An edit of the current teacher (here, in the form or by undo) updates the panel's title.
    connect(m_browser->proxy(), &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
            const int row = m_browser->view()->currentIndex().row();
            if (row >= topLeft.row() && row <= bottomRight.row())
                currentChanged();
        });
    connect(m_model, &EntityTableModel::editRefused, this, [this](const QString &r) { emit statusMessage(r, 10000); });
    connect(m_detail, &TeacherDetailPanel::editRefused, this, [this](const QString &r) { emit statusMessage(r, 10000); });
    PageWiring::forwardChanges(this);
}

TeachersPage::~TeachersPage()
{
    PageWiring::saveSplitter(m_splitter, pageName());
    // Views first: an open editor commits while the models and lookups still exist.
    delete m_splitter;
}

void TeachersPage::setDatabase(Database *db)
{
    m_db = db;
    if (!db) {
        m_model->clear();
        m_lookups = Lookups();
        m_browser->setLookups(nullptr);
        m_detail->setDatabase(QSqlDatabase());
        return;
    }
    if (Status s = m_lookups.load(db->connection()); !s)
        emit statusMessage(s.message(), 0);
    if (Status s = m_model->load(db->connection(), &m_lookups); !s)
        emit statusMessage(tr("Cannot load the teachers: %1").arg(s.message()), 0);
    m_browser->setLookups(&m_lookups);
    m_detail->setDatabase(db->connection());
    m_browser->addButton()->setEnabled(!db->isReadOnly());
    if (!m_pendingFieldCode.isEmpty())
        setFieldCode(m_pendingFieldCode);
    if (m_browser->proxy()->rowCount() > 0)
        m_browser->view()->selectRow(0);
}

void TeachersPage::setFieldCode(const QString &code)
{
    m_pendingFieldCode = code;
    if (m_db)
        m_browser->setFieldFilter(m_lookups.fieldIdOfCode(code));
}

void TeachersPage::refresh()
{
    if (deferWhileHidden())
        return;
    if (m_db) {
        // Schools, centres and provinces may be new too (an import): names come from the lookups.
        if (Status s = m_lookups.load(m_db->connection()); !s)
            emit statusMessage(s.message(), 0);
        m_browser->setLookups(&m_lookups);
        (void)m_model->load(m_db->connection(), &m_lookups);
        currentChanged();
    }
}

void TeachersPage::currentChanged()
{
    const QModelIndex current = m_browser->view()->currentIndex();
    m_detail->showRow(current.isValid() ? current.row() : -1, m_browser->currentId());
}

void TeachersPage::addTeacher()
{
    if (!m_db)
        return;
    RecordDialog dialog(tr("Add teacher"),
        { { QT_TRANSLATE_NOOP("EntityColumns", "National ID"), "national_id", ValueKind::NationalId, true },
            { QT_TRANSLATE_NOOP("EntityColumns", "First name"), "first_name", ValueKind::Text, true },
            { QT_TRANSLATE_NOOP("EntityColumns", "Last name"), "last_name", ValueKind::Text, true },
            { QT_TRANSLATE_NOOP("EntityColumns", "Field"), "field_id", ValueKind::Field, true },
            { QT_TRANSLATE_NOOP("EntityColumns", "Province"), "province_id", ValueKind::Province, true },
            { QT_TRANSLATE_NOOP("EntityColumns", "Centre"), "centre_id", ValueKind::Centre },
            { QT_TRANSLATE_NOOP("EntityColumns", "E-mail"), "email", ValueKind::Email },
            { QT_TRANSLATE_NOOP("EntityColumns", "Phone"), "phone", ValueKind::Phone } },
        m_lookups, this);
    if (const QVariant field = m_browser->proxy()->roleFilter(FieldIdRole); field.isValid())
        dialog.setValue("field_id", field);
    if (const QVariant province = m_browser->proxy()->roleFilter(ProvinceIdRole); province.isValid())
        dialog.setValue("province_id", province);
    QSqlDatabase db = m_db->connection();
    dialog.setExtraCheck([db](const QVariantMap &v) {
        auto n = Sql::scalar(
            db, QStringLiteral("SELECT count(*) FROM teacher WHERE national_id = ?"), { v.value(QStringLiteral("national_id")) });
        return n && n.value().toInt() > 0 ? tr("Another teacher already has this national ID.") : QString();
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QVariantMap values = dialog.values();
    auto id = m_model->insertRecord(values,
        tr("Add teacher %1 %2")
            .arg(values.value(QStringLiteral("first_name")).toString(), values.value(QStringLiteral("last_name")).toString()));
    if (!id) {
        emit statusMessage(tr("The teacher was not added: %1").arg(id.message()), 10000);
        return;
    }
    m_browser->selectId(id.value());
    emit statusMessage(tr("Teacher added."), 5000);
}

void TeachersPage::deleteSelected()
{
    const QList<int> ids = m_browser->selectedIds();
    if (!m_db || ids.isEmpty())
        return;
    const QString who = ids.size() == 1
        ? m_browser->view()->currentIndex().siblingAtColumn(TeacherTableModel::FirstName).data().toString() + QLatin1Char(' ')
            + m_browser->view()->currentIndex().siblingAtColumn(TeacherTableModel::LastName).data().toString()
        : tr("%n teachers", nullptr, int(ids.size()));
    const auto answer = QMessageBox::question(this, tr("Delete teachers"),
        tr("Delete %1 together with their need ratings and placements?\n\nYou can undo this with Edit › Undo.").arg(who),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (Status s = m_model->removeIds(ids, true); !s)
        emit statusMessage(tr("Nothing was deleted: %1").arg(s.message()), 10000);
}

void TeachersPage::eraseCurrent()
{
    const int id = m_browser->currentId();
    if (!m_db || id <= 0)
        return;
    const QModelIndex current = m_browser->view()->currentIndex();
    const QString who = current.siblingAtColumn(TeacherTableModel::FirstName).data().toString() + QLatin1Char(' ')
        + current.siblingAtColumn(TeacherTableModel::LastName).data().toString();
    QMessageBox box(QMessageBox::Warning, tr("Erase personal data (KVKK)"),
        tr("Erase all data of %1 for good: the teacher, their need ratings and placements.").arg(who), QMessageBox::Cancel, this);
    box.setInformativeText(tr("This cannot be undone. The undo history is cleared as well, so that it keeps no copy of "
                              "their data. The audit log records only that an erasure took place."));
    QPushButton *erase = box.addButton(tr("Erase for good"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != erase)
        return;
    if (Status s = purgeTeacher(m_db->connection(), id); !s) {
        emit statusMessage(tr("Nothing was erased: %1").arg(s.message()), 10000);
        return;
    }
    undoStack()->clear();
    ChangeNotifier::instance()->notify(QStringLiteral("teacher"), { id });
    ChangeNotifier::instance()->notifyAll(QStringLiteral("placement"));
    emit statusMessage(tr("The teacher's personal data was erased."), 8000);
}

void TeachersPage::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    const bool writable = m_db && !m_db->isReadOnly() && m_browser->currentId() > 0;
    QAction *del = menu.addAction(tr("&Delete…"), this, &TeachersPage::deleteSelected);
    del->setEnabled(writable);
    menu.addSeparator();
    QAction *erase = menu.addAction(tr("&Erase personal data (KVKK)…"), this, &TeachersPage::eraseCurrent);
    erase->setEnabled(writable);
    if (isCentre()) {
        // The national office owns a teacher's identity: a centre proposes.
        QMenu *propose = menu.addMenu(tr("Propose &Correction"));
        propose->setEnabled(writable);
        const int clicked = m_browser->view()->indexAt(pos).column();
        for (const QString &column : correctableColumns()) {
            const int c = m_model->columnOf(column.toLatin1().constData());
            QAction *action
                = propose->addAction(tr("%1…").arg(m_model->column(c).title()), this, [this, column] { askCorrection(column); });
            if (c == clicked)
                propose->setDefaultAction(action);
        }
    }
    menu.exec(m_browser->view()->viewport()->mapToGlobal(pos));
}

bool TeachersPage::isCentre() const
{
    if (!m_db)
        return false;
    auto role = DatabaseRole::read(m_db->connection());
    return role && role.value().isCentre();
}

QStringList TeachersPage::correctableColumns()
{
    // The school is chosen by name on import, not edited here.
    QStringList columns = ProposeCorrectionCommand::columns();
    columns.removeAll(QStringLiteral("school_id"));
    return columns;
}

void TeachersPage::askCorrection(const QString &dbColumn)
{
    const int id = m_browser->currentId();
    const int column = m_model->columnOf(dbColumn.toLatin1().constData());
    const int row = m_model->rowOfId(id);
    if (!m_db || m_db->isReadOnly() || id <= 0 || column < 0 || row < 0 || !correctableColumns().contains(dbColumn))
        return;
    const ColumnSpec spec = m_model->column(column);
    const QModelIndex current = m_browser->view()->currentIndex();
    const QString who = current.siblingAtColumn(TeacherTableModel::FirstName).data().toString() + QLatin1Char(' ')
        + current.siblingAtColumn(TeacherTableModel::LastName).data().toString();
    RecordDialog dialog(tr("Propose a correction: %1").arg(who),
        { { spec.header, spec.dbColumn, spec.kind, spec.required, spec.minimum, spec.maximum },
            { QT_TRANSLATE_NOOP("EntityColumns", "Reason"), "note", ValueKind::Text, true } },
        m_lookups, this);
    dialog.setObjectName(QStringLiteral("proposeCorrection"));
    const QVariant now = m_model->rawValue(row, column);
    dialog.setIntro(tr("The national office keeps %1's identity. Write the correct value and why; the proposal reaches "
                       "the national office with your next package, which adopts or rejects it.\n\nNow: %2")
                        .arg(who, m_browser->view()->currentIndex().siblingAtColumn(column).data().toString()));
    dialog.setValue(spec.dbColumn, now);
    const QString name = dbColumn;
    dialog.setExtraCheck([now, name](const QVariantMap &v) {
        const QVariant proposed = v.value(name);
        return proposed == now && proposed.isNull() == now.isNull()
            ? tr("The proposed value is the one the national office has now.")
            : QString();
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QVariantMap values = dialog.values();
    auto command = std::make_unique<ProposeCorrectionCommand>(m_db->connection(), id, dbColumn, values.value(dbColumn),
        values.value(QStringLiteral("note")).toString(), tr("Propose a correction of %1 of %2").arg(spec.title(), who),
        m_model->seenRow(row));
    if (Status s = DbCommand::run(undoStack(), std::move(command)); !s) {
        emit statusMessage(tr("The correction was not proposed: %1").arg(s.message()), 10000);
        return;
    }
    emit statusMessage(tr("Correction proposed. It reaches the national office with the next package (File ▸ Send to…), "
                          "which decides it."),
        10000);
}

QLineEdit *TeachersPage::searchEdit() const
{
    return m_browser->searchEdit();
}

QTableView *TeachersPage::printTable() const
{
    return m_browser->view();
}

Page *createTeachersPage(QUndoStack *undo, QWidget *parent)
{
    return new TeachersPage(undo, parent);
}

} // namespace kopru
