// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/partners/partnerdetailpanel.h"

#include "models/itemmodels/lookups.h"
#include "models/itemmodels/partnertablemodel.h"
#include "models/itemmodels/roles.h"
#include "models/itemmodels/sessioncompetencymodel.h"
#include "models/itemmodels/turkishfilterproxy.h"
#include "views/delegates/entitydelegate.h"
#include "views/pages/flowlayout.h"

#include <QDate>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace kopru {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->setWordWrap(false);
    view->setItemDelegate(new EntityDelegate(view));
    return view;
}

} // namespace

PartnerDetailPanel::PartnerDetailPanel(QUndoStack *undo, QWidget *parent)
    : QWidget(parent)
    , m_sessions(new SessionTableModel(this))
    , m_sessionProxy(new TurkishFilterProxy(this))
    , m_coverage(new SessionCompetencyModel(this))
{
    m_sessions->setUndoStack(undo);
    m_coverage->setUndoStack(undo);
    m_sessionProxy->setSourceModel(m_sessions);
    connect(m_sessions, &EntityTableModel::editRefused, this, [this](const QString &r) { emit statusMessage(r, 10000); });
    connect(m_coverage, &SessionCompetencyModel::editRefused, this, [this](const QString &r) { emit statusMessage(r, 10000); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);

    auto *bar = new FlowLayout;
    bar->addWidget(new QLabel(tr("Training sessions"), this), 1);
    m_add = new QPushButton(QIcon::fromTheme(QStringLiteral("list-add")), tr("Add &session"), this);
    m_delete = new QPushButton(QIcon::fromTheme(QStringLiteral("list-remove")), tr("Delete session…"), this);
    bar->addWidget(m_add);
    bar->addWidget(m_delete);
    layout->addLayout(bar);
    connect(m_add, &QPushButton::clicked, this, &PartnerDetailPanel::addSession);
    connect(m_delete, &QPushButton::clicked, this, &PartnerDetailPanel::deleteSession);

    m_sessionsView = makeTable(m_sessionProxy, this);
    m_sessionsView->setObjectName(QStringLiteral("sessions"));
    m_sessionsView->setSortingEnabled(true);
    m_sessionsView->sortByColumn(SessionTableModel::Start, Qt::AscendingOrder);
    m_sessionsView->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_sessionsView, 2);
    connect(m_sessionsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PartnerDetailPanel::sessionChanged);

    m_coverageTitle = new QLabel(this);
    m_coverageTitle->setWordWrap(true);
    layout->addWidget(m_coverageTitle);
    m_coverageView = makeTable(m_coverage, this);
    m_coverageView->setObjectName(QStringLiteral("coverage"));
    m_coverageView->horizontalHeader()->setSectionResizeMode(SessionCompetencyModel::Title, QHeaderView::Stretch);
    layout->addWidget(m_coverageView, 3);
    connect(m_coverage, &QAbstractItemModel::dataChanged, this, &PartnerDetailPanel::sessionChanged);
    showPartner(0, QString(), 0);
}

void PartnerDetailPanel::setDatabase(QSqlDatabase db, const Lookups *lookups, bool readOnly)
{
    m_db = db;
    m_lookups = lookups;
    m_readOnly = readOnly;
    showPartner(0, QString(), 0);
}

void PartnerDetailPanel::showPartner(int partnerId, const QString &name, int preferredFieldId)
{
    m_partnerId = partnerId;
    m_preferredFieldId = preferredFieldId;
    setEnabled(partnerId > 0);
    m_title->setText(partnerId > 0 ? name : tr("No partner selected"));
    m_sessions->setPartner(partnerId);
    if (m_db.isOpen() && m_lookups && partnerId > 0)
        (void)m_sessions->load(m_db, m_lookups);
    else
        m_sessions->clear();
    m_add->setEnabled(partnerId > 0 && !m_readOnly);
    if (m_sessionProxy->rowCount() > 0)
        m_sessionsView->selectRow(0);
    else
        sessionChanged();
    m_sessionsView->resizeColumnsToContents();
    m_sessionsView->setColumnWidth(
        SessionTableModel::Field, std::min(m_sessionsView->columnWidth(SessionTableModel::Field), 170));
}

int PartnerDetailPanel::currentSessionId() const
{
    const QModelIndex current = m_sessionsView->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0).data(IdRole).toInt() : 0;
}

void PartnerDetailPanel::sessionChanged()
{
    const int session = currentSessionId();
    if (session != m_coverage->sessionId() || sender() != m_coverage)
        (void)m_coverage->load(m_db, session);
    m_delete->setEnabled(session > 0 && !m_readOnly);
    m_coverageTitle->setText(session > 0
            ? tr("Competencies covered by the selected session: %1 of %2")
                  .arg(QLocale().toString(m_coverage->coveredCount()), QLocale().toString(m_coverage->rowCount()))
            : tr("Select a session to see the competencies it covers."));
}

void PartnerDetailPanel::addSession()
{
    if (!m_db.isOpen() || m_partnerId <= 0 || !m_lookups)
        return;
    int field = m_preferredFieldId;
    if (field <= 0 && m_sessions->rowCount() > 0)
        field = m_sessions->rawValue(0, SessionTableModel::Field).toInt();
    if (field <= 0 && !m_lookups->fields().empty())
        field = m_lookups->fields().front().id;
    QDate start = QDate::currentDate().addDays(7);
    while (start.dayOfWeek() != Qt::Monday)
        start = start.addDays(1);
    // Ten working days, the usual on-the-job training.
    const QVariantMap values { { QStringLiteral("partner_id"), m_partnerId }, { QStringLiteral("field_id"), field },
        { QStringLiteral("start_date"), start }, { QStringLiteral("end_date"), start.addDays(11) },
        { QStringLiteral("hours"), 80 }, { QStringLiteral("capacity"), 2 } };
    auto id = m_sessions->insertRecord(values, tr("Add session"));
    if (!id) {
        emit statusMessage(tr("The session was not added: %1").arg(id.message()), 10000);
        return;
    }
    const QModelIndex index = m_sessionProxy->mapFromSource(m_sessions->index(m_sessions->rowOfId(id.value()), 0));
    m_sessionsView->setCurrentIndex(index);
    emit statusMessage(tr("Session added with default dates, hours and capacity: adjust them in the table."), 8000);
}

void PartnerDetailPanel::deleteSession()
{
    const int session = currentSessionId();
    if (session <= 0)
        return;
    auto placements = m_sessions->placementsAffected({ session });
    if (!placements) {
        emit statusMessage(placements.message(), 10000);
        return;
    }
    const int n = placements.value();
    QString text = tr("Delete the selected session and the list of competencies it covers?");
    if (n > 0)
        text = tr("%n teacher(s) are placed in this session. Deleting it removes these placements too.", nullptr, n);
    QMessageBox box(n > 0 ? QMessageBox::Warning : QMessageBox::Question, tr("Delete session"), text, QMessageBox::Cancel, this);
    box.setInformativeText(tr("You can undo this with Edit › Undo."));
    QPushButton *ok = box.addButton(
        n > 0 ? tr("Delete session and %n placement(s)", nullptr, n) : tr("Delete session"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != ok)
        return;
    if (Status s = m_sessions->removeIds({ session }, n > 0); !s)
        emit statusMessage(tr("Nothing was deleted: %1").arg(s.message()), 10000);
}

} // namespace kopru
