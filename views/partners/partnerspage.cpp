// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/partners/partnerspage.h"

#include "models/db/database.h"
#include "models/itemmodels/partnertablemodel.h"
#include "models/itemmodels/roles.h"
#include "models/itemmodels/turkishfilterproxy.h"
#include "views/pages/entitybrowser.h"
#include "views/pages/pageregistry.h"
#include "views/pages/pagewiring.h"
#include "views/pages/recorddialog.h"
#include "views/partners/partnerdetailpanel.h"

#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShowEvent>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace kopru {

PartnersPage::PartnersPage(QUndoStack *undo, QWidget *parent)
    : Page(undo, parent)
    , m_model(new PartnerTableModel(this))
{
    m_model->setUndoStack(undo);
    auto *layout = new QVBoxLayout(this);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_browser = new EntityBrowser(pageName(), m_model, EntityBrowser::ProvinceFilter, m_splitter);
    m_detail = new PartnerDetailPanel(undo, m_splitter);
    m_splitter->addWidget(m_browser);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    PageWiring::restoreSplitter(m_splitter, pageName());
    layout->addWidget(m_splitter);

    m_browser->addButton()->setText(tr("&Add partner…"));
    connect(m_browser, &EntityBrowser::addRequested, this, &PartnersPage::addPartner);
    connect(m_browser, &EntityBrowser::deleteRequested, this, &PartnersPage::deleteSelected);
    connect(m_browser, &EntityBrowser::currentIdChanged, this, &PartnersPage::currentChanged);
    connect(m_model, &EntityTableModel::editRefused, this, [this](const QString &r) { emit statusMessage(r, 10000); });
    connect(m_detail, &PartnerDetailPanel::statusMessage, this, &Page::statusMessage);
    PageWiring::forwardChanges(this);
}

PartnersPage::~PartnersPage()
{
    PageWiring::saveSplitter(m_splitter, pageName());
    // Views first: an open editor commits while the models and lookups still exist.
    delete m_splitter;
}

void PartnersPage::setDatabase(Database *db)
{
    m_db = db;
    if (!db) {
        m_model->clear();
        m_lookups = Lookups();
        m_browser->setLookups(nullptr);
        m_detail->setDatabase(QSqlDatabase(), nullptr, true);
        return;
    }
    if (Status s = m_lookups.load(db->connection()); !s)
        emit statusMessage(s.message(), 0);
    if (!m_fieldCode.isEmpty())
        m_fieldId = m_lookups.fieldIdOfCode(m_fieldCode);
    if (Status s = m_model->load(db->connection(), &m_lookups); !s)
        emit statusMessage(tr("Cannot load the partners: %1").arg(s.message()), 0);
    m_browser->setLookups(&m_lookups);
    m_detail->setDatabase(db->connection(), &m_lookups, db->isReadOnly());
    m_browser->addButton()->setEnabled(!db->isReadOnly());
    if (m_browser->proxy()->rowCount() > 0)
        m_browser->view()->selectRow(0);
}

void PartnersPage::setFieldCode(const QString &code)
{
    // Partners have no field of their own; a new session gets this field.
    m_fieldCode = code;
    m_fieldId = m_lookups.fieldIdOfCode(code);
}

void PartnersPage::refresh()
{
    if (deferWhileHidden())
        return;
    if (m_db) {
        // Provinces and fields named by new records need fresh lookups (an import).
        if (Status s = m_lookups.load(m_db->connection()); !s)
            emit statusMessage(s.message(), 0);
        m_browser->setLookups(&m_lookups);
        (void)m_model->load(m_db->connection(), &m_lookups);
        currentChanged();
    }
}

void PartnersPage::currentChanged()
{
    const QModelIndex current = m_browser->view()->currentIndex();
    m_detail->showPartner(m_browser->currentId(),
        current.isValid() ? current.siblingAtColumn(PartnerTableModel::Name).data().toString() + QStringLiteral(" — ")
                + current.siblingAtColumn(PartnerTableModel::Province).data().toString()
                          : QString(),
        m_fieldId);
}

void PartnersPage::addPartner()
{
    if (!m_db)
        return;
    RecordDialog dialog(tr("Add partner"),
        { { QT_TRANSLATE_NOOP("EntityColumns", "Company"), "name", ValueKind::Text, true },
            { QT_TRANSLATE_NOOP("EntityColumns", "Sector"), "sector", ValueKind::Text },
            { QT_TRANSLATE_NOOP("EntityColumns", "Province"), "province_id", ValueKind::Province, true },
            { QT_TRANSLATE_NOOP("EntityColumns", "District"), "district", ValueKind::Text },
            { QT_TRANSLATE_NOOP("EntityColumns", "Contact person"), "contact_person", ValueKind::Text },
            { QT_TRANSLATE_NOOP("EntityColumns", "Phone"), "phone", ValueKind::Phone },
            { QT_TRANSLATE_NOOP("EntityColumns", "E-mail"), "email", ValueKind::Email } },
        m_lookups, this);
    if (const QVariant province = m_browser->proxy()->roleFilter(ProvinceIdRole); province.isValid())
        dialog.setValue("province_id", province);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto id = m_model->insertRecord(
        dialog.values(), tr("Add partner %1").arg(dialog.values().value(QStringLiteral("name")).toString()));
    if (!id) {
        emit statusMessage(tr("The partner was not added: %1").arg(id.message()), 10000);
        return;
    }
    m_browser->selectId(id.value());
}

void PartnersPage::deleteSelected()
{
    const QList<int> ids = m_browser->selectedIds();
    if (!m_db || ids.isEmpty())
        return;
    auto placements = m_model->placementsAffected(ids);
    if (!placements) {
        emit statusMessage(placements.message(), 10000);
        return;
    }
    const int n = placements.value();
    const QString what = ids.size() == 1
        ? m_browser->view()->currentIndex().siblingAtColumn(PartnerTableModel::Name).data().toString()
        : tr("%n partners", nullptr, int(ids.size()));
    QMessageBox box(n > 0 ? QMessageBox::Warning : QMessageBox::Question, tr("Delete partners"),
        n > 0 ? tr("Teachers are placed in sessions of %1: deleting it removes %n placement(s) as well.", nullptr, n).arg(what)
              : tr("Delete %1 with its training sessions?").arg(what),
        QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("confirmDelete"));
    box.setInformativeText(tr("You can undo this with Edit › Undo."));
    QPushButton *ok
        = box.addButton(n > 0 ? tr("Delete and remove %n placement(s)", nullptr, n) : tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != ok)
        return;
    if (Status s = m_model->removeIds(ids, n > 0); !s)
        emit statusMessage(tr("Nothing was deleted: %1").arg(s.message()), 10000);
}

QLineEdit *PartnersPage::searchEdit() const
{
    return m_browser->searchEdit();
}

QTableView *PartnersPage::printTable() const
{
    return m_browser->view();
}

Page *createPartnersPage(QUndoStack *undo, QWidget *parent)
{
    return new PartnersPage(undo, parent);
}

} // namespace kopru
