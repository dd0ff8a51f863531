// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/competencies/competenciespage.h"

#include "models/db/database.h"
#include "models/itemmodels/competencytablemodel.h"
#include "models/itemmodels/roles.h"
#include "models/itemmodels/turkishfilterproxy.h"
#include "views/pages/entitybrowser.h"
#include "views/pages/pageregistry.h"
#include "views/pages/pagewiring.h"
#include "views/pages/recorddialog.h"

#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShowEvent>
#include <QTableView>
#include <QVBoxLayout>

namespace kopru {

CompetenciesPage::CompetenciesPage(QUndoStack *undo, QWidget *parent)
    : Page(undo, parent)
    , m_model(new CompetencyTableModel(this))
{
    m_model->setUndoStack(undo);
    auto *layout = new QVBoxLayout(this);
    m_browser = new EntityBrowser(pageName(), m_model, EntityBrowser::FieldFilter, this);
    layout->addWidget(m_browser);
    m_browser->addButton()->setText(tr("&Add competency…"));
    connect(m_browser, &EntityBrowser::addRequested, this, &CompetenciesPage::addCompetency);
    connect(m_browser, &EntityBrowser::deleteRequested, this, &CompetenciesPage::deleteSelected);
    connect(m_model, &EntityTableModel::editRefused, this, [this](const QString &r) { emit statusMessage(r, 10000); });
    PageWiring::forwardChanges(this);
}

CompetenciesPage::~CompetenciesPage()
{
    delete m_browser; // an open editor commits while the model and lookups still exist
}

void CompetenciesPage::setDatabase(Database *db)
{
    m_db = db;
    if (!db) {
        m_model->clear();
        m_lookups = Lookups();
        m_browser->setLookups(nullptr);
        return;
    }
    if (Status s = m_lookups.load(db->connection()); !s)
        emit statusMessage(s.message(), 0);
    if (Status s = m_model->load(db->connection(), &m_lookups); !s)
        emit statusMessage(tr("Cannot load the competencies: %1").arg(s.message()), 0);
    m_browser->setLookups(&m_lookups);
    m_browser->addButton()->setEnabled(!db->isReadOnly());
    if (!m_pendingFieldCode.isEmpty())
        setFieldCode(m_pendingFieldCode);
}

void CompetenciesPage::setFieldCode(const QString &code)
{
    m_pendingFieldCode = code;
    if (m_db)
        m_browser->setFieldFilter(m_lookups.fieldIdOfCode(code));
}

void CompetenciesPage::refresh()
{
    if (deferWhileHidden())
        return;
    if (m_db)
        (void)m_model->load(m_db->connection(), &m_lookups);
}

void CompetenciesPage::addCompetency()
{
    if (!m_db)
        return;
    RecordDialog dialog(tr("Add competency"),
        { { QT_TRANSLATE_NOOP("EntityColumns", "Field"), "field_id", ValueKind::Field, true },
            { QT_TRANSLATE_NOOP("EntityColumns", "Code"), "code", ValueKind::Text, true },
            { QT_TRANSLATE_NOOP("EntityColumns", "Turkish title"), "title_tr", ValueKind::Text, true },
            { QT_TRANSLATE_NOOP("EntityColumns", "English title"), "title_en", ValueKind::Text },
            { QT_TRANSLATE_NOOP("EntityColumns", "Unit"), "unit", ValueKind::Text } },
        m_lookups, this);
    if (const QVariant field = m_browser->proxy()->roleFilter(FieldIdRole); field.isValid())
        dialog.setValue("field_id", field);
    const CompetencyTableModel *model = m_model;
    dialog.setExtraCheck([model](const QVariantMap &v) {
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->rawValue(r, CompetencyTableModel::Field) == v.value(QStringLiteral("field_id"))
                && model->rawValue(r, CompetencyTableModel::Code).toString() == v.value(QStringLiteral("code")).toString())
                return tr("The code %1 is already used in this field.").arg(v.value(QStringLiteral("code")).toString());
        return QString();
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto id = m_model->insertRecord(
        dialog.values(), tr("Add competency %1").arg(dialog.values().value(QStringLiteral("code")).toString()));
    if (!id) {
        emit statusMessage(tr("The competency was not added: %1").arg(id.message()), 10000);
        return;
    }
    m_browser->selectId(id.value());
}

void CompetenciesPage::deleteSelected()
{
    const QList<int> ids = m_browser->selectedIds();
    if (!m_db || ids.isEmpty())
        return;
    const auto answer = QMessageBox::question(this, tr("Delete competencies"),
        tr("Delete %n competency(ies) together with their need ratings and their place in sessions?\n\n"
           "You can undo this with Edit › Undo.",
            nullptr, int(ids.size())),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (Status s = m_model->removeIds(ids, false); !s)
        emit statusMessage(tr("Nothing was deleted: %1").arg(s.message()), 10000);
}

QLineEdit *CompetenciesPage::searchEdit() const
{
    return m_browser->searchEdit();
}

QTableView *CompetenciesPage::printTable() const
{
    return m_browser->view();
}

Page *createCompetenciesPage(QUndoStack *undo, QWidget *parent)
{
    return new CompetenciesPage(undo, parent);
}

} // namespace kopru
