// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/planning/placementpage.h"

#include "models/db/database.h"
#include "models/db/sql.h"
#include "models/domain/turkishtext.h"
#include "models/editing/changenotifier.h"
#include "models/itemmodels/roles.h"
#include "models/itemmodels/turkishfilterproxy.h"
#include "models/planning/conflictmodel.h"
#include "models/planning/placementedits.h"
#include "models/planning/placementmodel.h"
#include "views/delegates/numberdelegate.h"
#include "views/pages/columnchooser.h"
#include "views/pages/compactcombo.h"
#include "views/pages/flowlayout.h"
#include "views/pages/liverefresh.h"
#include "views/pages/pageregistry.h"
#include "views/pages/pagewiring.h"
#include "views/planning/movedialog.h"
#include "views/planning/planrunner.h"
#include "views/planning/unplaceddialog.h"
#include "views/planning/weightsdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QScopeGuard>
#include <QSplitter>
#include <QSqlQuery>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>

namespace kopru {

namespace {

// A combo box's "All" entry has the id 0: no filter.
QVariant idOrAll(int id)
{
    return id == 0 ? QVariant() : QVariant(id);
}

// The status combo box: a status, "locked", or empty for all.
void setStatusFilter(TurkishFilterProxy *filter, const QString &status)
{
    const bool locked = status == QLatin1String("locked");
    filter->setRoleFilter(LockedRole, locked ? QVariant(true) : QVariant());
    filter->setRoleFilter(StatusRole, locked || status.isEmpty() ? QVariant() : QVariant(status));
}

} // namespace

PlacementPage::PlacementPage(QUndoStack *undo, QWidget *parent)
    : Page(undo, parent)
    , m_model(new PlacementModel(this))
    , m_filter(new TurkishFilterProxy(this))
    , m_conflicts(new ConflictModel(this))
    , m_runner(new PlanRunner(this))
{
    setObjectName(QStringLiteral("PlacementPage"));
    // Other users' changes of what the page shows (docs/server.md).
    LiveRefresh::follow(this,
        { QStringLiteral("field"), QStringLiteral("partner"), QStringLiteral("placement"), QStringLiteral("plan_decision"),
            QStringLiteral("plan_run"), QStringLiteral("province"), QStringLiteral("teacher"),
            QStringLiteral("training_session") });
    m_filter->setSourceModel(m_model);
    createLayout();
    connect(m_runner, &PlanRunner::finished, this, &PlacementPage::runFinished);
    connect(m_runner, &PlanRunner::progress, this, [this](int percent) {
        if (m_progress)
            m_progress->setValue(percent);
    });
    // A placement edit refused because someone changed the placement since:
    // the message with a "Reload" choice, which reloads the plan shown here.
    PageWiring::offerReload(this);
    connect(ChangeNotifier::instance(), &ChangeNotifier::tableChanged, this, [this](const QString &table) {
        // Other users' changes come through LiveRefresh (coalesced).
        if (table == QLatin1String("placement") && m_db && isVisible() && !ChangeNotifier::instance()->isDeliveringOthers())
            refresh();
    });
    updateActions();
}

PlacementPage::~PlacementPage()
{
    m_runner->cancel();
    m_runner->wait();
}

QString PlacementPage::pageTitle() const
{
    return tr("Placement plan");
}

void PlacementPage::createLayout()
{
    m_field = new QComboBox(this);
    m_field->setObjectName(QStringLiteral("placementField"));
    makeCompact(m_field);
    m_province = new QComboBox(this);
    m_province->setObjectName(QStringLiteral("placementProvince"));
    makeCompact(m_province, 12);
    m_province->setToolTip(tr("The teachers' province; also the scope of \"Run optimiser\""));
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("placementStatus"));
    m_status->addItem(tr("All statuses"), QString());
    m_status->addItem(PlacementModel::statusText(QStringLiteral("proposed")), QStringLiteral("proposed"));
    m_status->addItem(PlacementModel::statusText(QStringLiteral("confirmed")), QStringLiteral("confirmed"));
    m_status->addItem(PlacementModel::statusText(QStringLiteral("completed")), QStringLiteral("completed"));
    m_status->addItem(tr("locked"), QStringLiteral("locked"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("placementSearch"));
    m_search->setPlaceholderText(tr("Search teacher, province, partner, reason…"));
    m_search->setClearButtonEnabled(true);
    connect(m_field, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setRoleFilter(FieldIdRole, idOrAll(m_field->currentData().toInt()));
        updateActions();
    });
    connect(m_province, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setRoleFilter(ProvinceIdRole, idOrAll(m_province->currentData().toInt()));
        updateActions();
    });
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        setStatusFilter(m_filter, m_status->currentData().toString());
        updateActions();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setSearchText(text);
        updateActions();
    });

    auto *weightsButton = new QPushButton(tr("&Goals…"), this);
    weightsButton->setObjectName(QStringLiteral("goalsButton"));
    connect(weightsButton, &QPushButton::clicked, this, [this] {
        WeightsDialog dialog(m_weights, this);
        if (dialog.exec() == QDialog::Accepted)
            setWeights(dialog.weights());
    });
    m_run = new QPushButton(tr("&Run optimiser"), this);
    m_run->setObjectName(QStringLiteral("runOptimiser"));
    m_run->setToolTip(
        tr("Re-plan every placement that is not locked or confirmed, of the selected field and province (or of all)"));
    connect(m_run, &QPushButton::clicked, this, &PlacementPage::runOptimiser);

    // Toolbars wrap on a narrow window, labels wrap: nothing here sets the
    // window's minimum width (issue #18).
    auto *filters = new FlowLayout;
    filters->addWidget(new QLabel(tr("Field:"), this));
    filters->addWidget(m_field, 2);
    filters->addWidget(m_province, 1);
    filters->addWidget(new QLabel(tr("Status:"), this));
    filters->addWidget(m_status, 1);
    filters->addWidget(m_search, 3);
    filters->addWidget(weightsButton);
    filters->addWidget(m_run);

    m_weightsLabel = new QLabel(this);
    m_weightsLabel->setObjectName(QStringLiteral("weightsLabel"));
    m_runLabel = new QLabel(this);
    m_runLabel->setObjectName(QStringLiteral("lastRunLabel"));
    m_runLabel->setWordWrap(true);
    m_weightsLabel->setWordWrap(true);
    auto *unplaced = new QPushButton(tr("&Unplaced Teachers…"), this);
    unplaced->setObjectName(QStringLiteral("unplacedButton"));
    unplaced->setToolTip(tr("Who was left out, and why"));
    connect(unplaced, &QPushButton::clicked, this, &PlacementPage::showUnplaced);
    auto *info = new QHBoxLayout;
    info->addWidget(m_runLabel, 1);
    info->addWidget(unplaced);
    info->addWidget(m_weightsLabel);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("placementTable"));
    m_table->setModel(m_filter);
    m_table->setItemDelegate(new NumberDelegate(m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PlacementModel::Teacher, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    ColumnChooser::install(m_table, pageName());
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PlacementPage::updateActions);
    connect(m_table, &QTableView::doubleClicked, this, &PlacementPage::moveSelected);

    m_lock = new QPushButton(tr("&Lock"), this);
    m_lock->setObjectName(QStringLiteral("lockPlacement"));
    m_confirm = new QPushButton(tr("&Confirm"), this);
    m_confirm->setObjectName(QStringLiteral("confirmPlacement"));
    m_move = new QPushButton(tr("&Move…"), this);
    m_move->setObjectName(QStringLiteral("movePlacement"));
    m_remove = new QPushButton(tr("Re&move"), this);
    m_remove->setObjectName(QStringLiteral("removePlacement"));
    connect(m_lock, &QPushButton::clicked, this, &PlacementPage::toggleLockSelected);
    connect(m_confirm, &QPushButton::clicked, this, &PlacementPage::confirmSelected);
    connect(m_move, &QPushButton::clicked, this, &PlacementPage::moveSelected);
    connect(m_remove, &QPushButton::clicked, this, &PlacementPage::removeSelected);
    m_countLabel = new QLabel(this);
    auto *actions = new FlowLayout;
    actions->addWidget(m_lock);
    actions->addWidget(m_confirm);
    actions->addWidget(m_move);
    actions->addWidget(m_remove);
    actions->addStretch();
    actions->addWidget(m_countLabel);

    m_conflictLabel = new QLabel(this);
    m_conflictLabel->setWordWrap(true);
    m_conflictLabel->setObjectName(QStringLiteral("conflictLabel"));
    m_conflictView = new QTableView(this);
    m_conflictView->setObjectName(QStringLiteral("conflictTable"));
    m_conflictView->setModel(m_conflicts);
    m_conflictView->verticalHeader()->hide();
    m_conflictView->verticalHeader()->setDefaultSectionSize(m_conflictView->fontMetrics().height() + 8);
    m_conflictView->horizontalHeader()->setStretchLastSection(true);
    m_conflictView->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_conflictView, &QTableView::clicked, this, [this](const QModelIndex &index) {
        const int row = m_model->rowOf(index.data(ConflictModel::PlacementIdRole).toInt());
        if (row >= 0) {
            const QModelIndex at = m_filter->mapFromSource(m_model->index(row, 0));
            if (at.isValid())
                m_table->selectRow(at.row());
            return;
        }
        // A session-wide conflict (over capacity): the session's first placement shown, to move one out.
        const QVariant session = index.data(SessionIdRole);
        for (int r = 0; r < m_filter->rowCount(); ++r)
            if (m_filter->index(r, 0).data(SessionIdRole) == session) {
                m_table->selectRow(r);
                return;
            }
    });

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_table);
    topLayout->addLayout(actions);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_conflictLabel);
    bottomLayout->addWidget(m_conflictView);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 560, 140 });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(info);
    layout->addWidget(splitter, 1);
    setWeights(m_weights);
}

void PlacementPage::setWeights(const PlanWeights &w)
{
    m_weights = w;
    m_weightsLabel->setText(WeightsDialog::summary(w));
    m_weightsLabel->setToolTip(w == PlanWeights {}
            ? tr("The default weights: strictly more placed teachers, then more covered need, then less travel")
            : tr("Weights changed by hand"));
}

void PlacementPage::loadFields()
{
    const int current = m_field->currentData().toInt();
    const QSignalBlocker block(m_field);
    m_field->clear();
    m_field->addItem(tr("All fields"), 0);
    if (m_db) {
        QSqlQuery q(m_db->connection());
        const bool turkish = QLocale().language() == QLocale::Turkish;
        if (q.exec(QStringLiteral("SELECT id, code, name_tr, name_en FROM field ORDER BY code")))
            while (q.next())
                m_field->addItem(
                    q.value(1).toString() + QStringLiteral(" – ") + q.value(turkish ? 2 : 3).toString(), q.value(0).toInt());
    }
    const int index = m_field->findData(current);
    m_field->setCurrentIndex(index < 0 ? 0 : index);
    m_filter->setRoleFilter(FieldIdRole, idOrAll(m_field->currentData().toInt()));

    const int currentProvince = m_province->currentData().toInt();
    const QSignalBlocker blockProvince(m_province);
    m_province->clear();
    m_province->addItem(tr("All provinces"), 0);
    if (m_db) {
        QSqlQuery q(m_db->connection());
        std::vector<std::pair<QString, int>> provinces;
        if (q.exec(QStringLiteral("SELECT id, name FROM province")))
            while (q.next())
                provinces.emplace_back(q.value(1).toString(), q.value(0).toInt());
        std::sort(provinces.begin(), provinces.end(),
            [](const auto &a, const auto &b) { return TurkishText::compare(a.first, b.first) < 0; });
        for (const auto &[name, id] : provinces)
            m_province->addItem(name, id);
    }
    const int provinceIndex = m_province->findData(currentProvince);
    m_province->setCurrentIndex(provinceIndex < 0 ? 0 : provinceIndex);
    m_filter->setRoleFilter(ProvinceIdRole, idOrAll(m_province->currentData().toInt()));
}

void PlacementPage::setDatabase(Database *db)
{
    m_db = db;
    loadFields();
    // The weights of the last run are shown and used again.
    PlanWeights weights;
    if (m_db) {
        auto params = Sql::scalar(m_db->connection(), QStringLiteral("SELECT parameters FROM plan_run ORDER BY id DESC LIMIT 1"));
        if (params && params.value().isValid()) {
            const QJsonObject o = QJsonDocument::fromJson(params.value().toString().toUtf8()).object();
            if (auto w = PlanWeights::fromJson(o.value(QStringLiteral("weights")).toObject()))
                weights = w.value();
        }
    }
    setWeights(weights);
    if (!m_pendingFieldCode.isEmpty())
        setFieldCode(m_pendingFieldCode);
    refresh();
}

void PlacementPage::setFieldCode(const QString &code)
{
    m_pendingFieldCode = code;
    for (int i = 0; i < m_field->count(); ++i)
        if (m_field->itemText(i).startsWith(code + QStringLiteral(" – "))) {
            m_field->setCurrentIndex(i);
            m_pendingFieldCode.clear();
            return;
        }
}

void PlacementPage::refresh()
{
    const int selected = selectedPlacement();
    const QSqlDatabase c = m_db ? m_db->connection() : QSqlDatabase();
    Status s = m_model->reload(c);
    if (s)
        s = m_conflicts->reload(c);
    if (!s)
        emit statusMessage(s.message(), 0);
    showConflictCount();
    m_table->resizeColumnsToContents();
    if (m_table->columnWidth(PlacementModel::Teacher) > 220)
        m_table->setColumnWidth(PlacementModel::Teacher, 220);
    if (m_table->columnWidth(PlacementModel::Partner) > 260)
        m_table->setColumnWidth(PlacementModel::Partner, 260);
    if (selected > 0) {
        const int row = m_model->rowOf(selected);
        const QModelIndex at = row < 0 ? QModelIndex() : m_filter->mapFromSource(m_model->index(row, 0));
        if (at.isValid())
            m_table->selectRow(at.row());
    }
    showLastRun();
    updateActions();
}

void PlacementPage::showLastRun()
{
    if (!m_db) {
        m_runLabel->clear();
        return;
    }
    QSqlQuery q(m_db->connection());
    if (q.exec(QStringLiteral("SELECT placed, unplaced, duration_ms, started_at FROM plan_run ORDER BY id DESC LIMIT 1"))
        && q.next())
        m_runLabel->setText(tr("Last optimiser run %4: %1 placed, %2 left unplaced, %3 ms")
                                .arg(QLocale().toString(q.value(0).toInt()), QLocale().toString(q.value(1).toInt()),
                                    QLocale().toString(q.value(2).toDouble(), 'f', 0),
                                    q.value(3).toString().replace(QLatin1Char('T'), QLatin1Char(' '))));
    else
        m_runLabel->setText(tr("The optimiser has not run on this database yet."));
}

void PlacementPage::showUnplaced()
{
    if (!m_db)
        return;
    PlanScope scope;
    scope.fieldId = m_field->currentData().toInt();
    scope.provinceId = m_province->currentData().toInt();
    UnplacedDialog dialog(m_db->connection(), scope, this);
    connect(&dialog, &UnplacedDialog::placeRequested, this, [this, &dialog](int teacherId, const QString &name) {
        if (placeUnplaced(teacherId, name, &dialog))
            dialog.reload();
    });
    dialog.exec();
}

int PlacementPage::selectedRowRole(int role) const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(role).toInt();
}

int PlacementPage::selectedPlacement() const
{
    return selectedRowRole(IdRole);
}

void PlacementPage::updateActions()
{
    const bool has = m_db && selectedPlacement() > 0;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const bool locked = has && rows.first().data(LockedRole).toBool();
    m_lock->setText(locked ? tr("Un&lock") : tr("&Lock"));
    for (QPushButton *b : { m_lock, m_confirm, m_move, m_remove })
        b->setEnabled(has && !m_runner->isRunning());
    m_confirm->setEnabled(has && rows.first().data(StatusRole).toString() == QLatin1String("proposed"));
    m_run->setEnabled(m_db && !m_db->isReadOnly() && !m_runner->isRunning());
    m_countLabel->setText(
        tr("%1 of %2 placements shown").arg(QLocale().toString(m_filter->rowCount()), QLocale().toString(m_model->rowCount())));
}

void PlacementPage::afterEdit(const Status &s, const QList<int> &placements)
{
    if (!s)
        emit statusMessage(s.message(), 8000);
    if (placements.isEmpty())
        refresh();
    else
        refreshPlacements(placements);
    emit dataModified();
}

PlacementEditCommand::Done PlacementPage::doneWith(const QList<int> &placements)
{
    QPointer<PlacementPage> self(this);
    return [self, placements](const Status &s) {
        if (self)
            self->afterEdit(s, placements);
    };
}

// After an edit of known placements (lock, confirm, move, remove, and their
// undo and redo): only their rows are read again, and only the conflicts
// they can change. The column widths stay as the user sees them.
void PlacementPage::refreshPlacements(const QList<int> &placements)
{
    const QSqlDatabase c = m_db ? m_db->connection() : QSqlDatabase();
    // The conflicts these placements can change: their sessions before the
    // edit and after, their teachers, themselves.
    ConflictScope scope;
    scope.placements = placements;
    const auto collect = [&] {
        for (int id : placements)
            if (const int row = m_model->rowOf(id); row >= 0) {
                const QModelIndex at = m_model->index(row, 0);
                scope.sessions << at.data(SessionIdRole).toInt();
                scope.teachers << at.data(TeacherIdRole).toInt();
            }
    };
    collect();
    Status s = m_model->reloadRows(c, placements);
    collect();
    if (s)
        s = m_conflicts->reloadWithin(c, scope);
    if (!s)
        emit statusMessage(s.message(), 0);
    showConflictCount();
    updateActions();
}

void PlacementPage::showConflictCount()
{
    const int count = m_conflicts->rowCount();
    m_conflictLabel->setText(count == 0 ? tr("No conflicts: every placement keeps the rules.")
                                        : tr("Conflicts: %1 (click one to select its placement)").arg(count));
    m_conflictView->resizeColumnToContents(ConflictModel::Kind);
}

namespace {
// Whether a command was made and done (its redo reports through `report`).
template <typename Make>
bool pushEdit(QUndoStack *stack, Make make, QWidget *page, const std::function<void(const Status &)> &report)
{
    auto command = make();
    if (!command) {
        report(command.error());
        return false;
    }
    if (stack)
        stack->push(command.value());
    else {
        command.value()->redo();
        delete command.value();
    }
    Q_UNUSED(page)
    return true;
}
} // namespace

void PlacementPage::toggleLockSelected()
{
    const int id = selectedPlacement();
    if (!m_db || id <= 0)
        return;
    const bool locked = selectedRowRole(LockedRole) != 0;
    const PlacementEditCommand::Done done = doneWith({ id });
    pushEdit(
        undoStack(), [&] { return PlacementEditCommand::setLocked(m_db->connection(), id, !locked, done); }, this, done);
}

void PlacementPage::confirmSelected()
{
    const int id = selectedPlacement();
    if (!m_db || id <= 0)
        return;
    const PlacementEditCommand::Done done = doneWith({ id });
    pushEdit(
        undoStack(), [&] { return PlacementEditCommand::confirm(m_db->connection(), id, done); }, this, done);
}

void PlacementPage::moveSelectedTo(int sessionId)
{
    const int id = selectedPlacement();
    if (!m_db || id <= 0 || sessionId <= 0)
        return;
    const PlacementEditCommand::Done done = doneWith({ id });
    pushEdit(
        undoStack(), [&] { return PlacementEditCommand::move(m_db->connection(), id, sessionId, done); }, this, done);
}

void PlacementPage::removeSelected()
{
    const int id = selectedPlacement();
    if (!m_db || id <= 0)
        return;
    const PlacementEditCommand::Done done = doneWith({ id });
    pushEdit(
        undoStack(), [&] { return PlacementEditCommand::remove(m_db->connection(), id, done); }, this, done);
}

void PlacementPage::moveSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (!m_db || rows.isEmpty())
        return;
    const QModelIndex row = rows.first();
    const int teacherId = row.data(TeacherIdRole).toInt();
    const QString teacherName = m_filter->index(row.row(), PlacementModel::Teacher).data().toString();
    MoveDialog dialog(m_db->connection(), teacherId, row.data(SessionIdRole).toInt(), teacherName, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const int sessionId = dialog.sessionId();
    if (confirmMoveInto(sessionId, teacherId, teacherName))
        moveSelectedTo(sessionId);
}

bool PlacementPage::confirmMoveInto(int sessionId, int teacherId, const QString &teacherName)
{
    if (!m_db || sessionId <= 0)
        return false;
    auto places = PlacementEdits::sessionPlaces(m_db->connection(), sessionId, teacherId);
    if (!places) {
        emit statusMessage(places.message(), 8000);
        return false;
    }
    if (!places->full())
        return true;
    const auto date
        = [](const QString &iso) { return QDate::fromString(iso, Qt::ISODate).toString(QStringLiteral("dd.MM.yyyy")); };
    const QString session = tr("%1, %2 – %3").arg(places->partner, date(places->start), date(places->end));
    QMessageBox box(QMessageBox::Question, tr("Session full"),
        tr("The session %1 is full: its %n place(s) are all taken.", nullptr, places->capacity).arg(session),
        QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(QStringLiteral("fullSessionQuestion"));
    box.setInformativeText(tr("Move %1 there anyway? The session will be over capacity.").arg(teacherName));
    box.setDefaultButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

void PlacementPage::runOptimiser()
{
    if (!m_db || m_runner->isRunning())
        return;
    PlanOptions options;
    options.scope.fieldId = m_field->currentData().toInt();
    options.scope.provinceId = m_province->currentData().toInt();
    options.weights = m_weights;
    m_progress = new QProgressDialog(tr("Planning placements…"), tr("Cancel"), 0, 100, this);
    m_progress->setObjectName(QStringLiteral("planProgress"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, m_runner, &PlanRunner::cancel);
    m_runner->start(m_db->locationToReopen(), options);
    updateActions();
}

void PlacementPage::runFinished(bool ok, const QString &message, const PlanResult &result)
{
    if (m_progress) {
        // Gone at once: reading the new plan back (tens of thousands of rows
        // at a national roll-out) must not look like a run stuck at 100 %.
        m_progress->hide();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    if (ok)
        emit statusMessage(tr("Optimiser: %1 placed, %2 left unplaced, %3 kept, in %4 ms%5")
                               .arg(QLocale().toString(result.placed), QLocale().toString(result.unplaced),
                                   QLocale().toString(result.kept), QLocale().toString(result.durationMs, 'f', 0))
                               .arg(result.lexicographic ? QString() : tr(" (the weights do not keep the order of the goals)")),
            10000);
    else
        emit statusMessage(message, 10000);
    {
        QApplication::setOverrideCursor(Qt::WaitCursor); // while the new plan is read back
        const auto restoreCursor = qScopeGuard([] { QApplication::restoreOverrideCursor(); });
        refresh();
        if (ok)
            emit dataModified();
    }
    if (!ok && m_runner->changedMeanwhile() && isVisible()) {
        // Someone changed placements while the optimiser ran: nothing was
        // stored; offer to plan over the current placements.
        QMessageBox box(QMessageBox::Warning, tr("Plan not stored"), message, QMessageBox::Close, this);
        QPushButton *again = box.addButton(tr("Plan again"), QMessageBox::AcceptRole);
        box.setDefaultButton(again);
        box.exec();
        if (box.clickedButton() == again)
            runOptimiser();
    }
}

Page *createPlacementPage(QUndoStack *undo, QWidget *parent)
{
    return new PlacementPage(undo, parent);
}

bool PlacementPage::placeUnplaced(int teacherId, const QString &teacherName, QWidget *parent)
{
    if (!m_db || teacherId <= 0)
        return false;
    MoveDialog choose(m_db->connection(), teacherId, 0, teacherName, parent);
    choose.setWindowTitle(tr("Place %1").arg(teacherName));
    choose.setAcceptText(tr("&Place"));
    if (choose.exec() != QDialog::Accepted)
        return false;
    const int sessionId = choose.sessionId();
    if (!confirmMoveInto(sessionId, teacherId, teacherName))
        return false;
    const PlacementEditCommand::Done done = doneWith({});
    return pushEdit(
        undoStack(), [&] { return PlacementEditCommand::place(m_db->connection(), teacherId, sessionId, done); }, this, done);
}

} // namespace kopru
