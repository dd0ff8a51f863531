// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/exchange/exchangepage.h"

#include "models/db/database.h"
#include "models/editing/dbcommand.h"
#include "models/exchange/centrestatusmodel.h"
#include "models/exchange/databaserole.h"
#include "models/exchange/exchangelogmodel.h"
#include "models/exchange/reviewlistmodel.h"
#include "views/pages/liverefresh.h"
#include "views/pages/pageregistry.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <tuple>

namespace kopru {

namespace {

QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

// Asks which placements of an over-used session to reject.
QStringList choosePlacements(const std::vector<ReviewListModel::Choice> &choices, QWidget *parent)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(ExchangePage::tr("Reject Placements"));
    auto *label = new QLabel(ExchangePage::tr("Placements to reject (their centres cancel them):"), &dialog);
    auto *list = new QListWidget(&dialog);
    for (const ReviewListModel::Choice &c : choices) {
        auto *item = new QListWidgetItem(c.label, list);
        item->setData(Qt::UserRole, c.uid);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(label);
    layout->addWidget(list);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    QStringList chosen;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked)
            chosen << list->item(i)->data(Qt::UserRole).toString();
    return chosen;
}

} // namespace

Page *createExchangePage(QUndoStack *undo, QWidget *parent)
{
    return new ExchangePage(undo, parent);
}

ExchangePage::ExchangePage(QUndoStack *undo, QWidget *parent)
    : Page(undo, parent)
{
    setObjectName(QStringLiteral("ExchangePage"));
    // Other users' changes of what the page shows (docs/server.md).
    LiveRefresh::follow(this,
        { QStringLiteral("centre"), QStringLiteral("exchange_package"), QStringLiteral("exchange_peer"),
            QStringLiteral("proposal"), QStringLiteral("review_item"), QStringLiteral("review_parked"),
            QStringLiteral("uid_alias") });
    auto *title = new QLabel(pageTitle(), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_role = new QLabel(this);
    m_role->setObjectName(QStringLiteral("exchangeRole"));
    m_role->setWordWrap(true);
    m_role->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_log = new ExchangeLogModel(this);
    m_review = new ReviewListModel(this);
    m_centres = new CentreStatusModel(this);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("exchangeTabs"));
    m_logView = makeTable(m_log, QStringLiteral("exchangeLog"), m_tabs);
    m_tabs->addTab(m_logView, tr("&Packages"));

    auto *reviewTab = new QWidget(m_tabs);
    m_reviewView = makeTable(m_review, QStringLiteral("reviewList"), reviewTab);
    m_reviewView->horizontalHeader()->setSectionResizeMode(ReviewListModel::Subject, QHeaderView::Stretch);
    m_reviewView->horizontalHeader()->setStretchLastSection(false);
    m_reviewHint = new QLabel(reviewTab);
    m_reviewHint->setObjectName(QStringLiteral("reviewHint"));
    m_reviewHint->setWordWrap(true);
    auto *actionRow = new QHBoxLayout;
    actionRow->addWidget(m_reviewHint, 1);
    for (auto action : { ResolveReviewCommand::Action::Keep, ResolveReviewCommand::Action::Merge,
             ResolveReviewCommand::Action::KeepAll, ResolveReviewCommand::Action::RejectPlacements,
             ResolveReviewCommand::Action::Adopt, ResolveReviewCommand::Action::Reject }) {
        auto *button = new QPushButton(ResolveReviewCommand::title(action) + QStringLiteral("…"), reviewTab);
        button->setObjectName(QStringLiteral("resolve_") + ResolveReviewCommand::code(action));
        connect(button, &QPushButton::clicked, this, [this, action] { actionClicked(action); });
        actionRow->addWidget(button);
        m_actions[action] = button;
    }
    auto *reviewLayout = new QVBoxLayout(reviewTab);
    reviewLayout->setContentsMargins(0, 0, 0, 0);
    reviewLayout->addWidget(m_reviewView, 1);
    reviewLayout->addLayout(actionRow);
    m_tabs->addTab(reviewTab, tr("&Review list"));
    connect(m_reviewView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ExchangePage::updateActions);
    connect(m_review, &QAbstractItemModel::modelReset, this, &ExchangePage::updateActions);

    m_centreView = makeTable(m_centres, QStringLiteral("centreStatus"), m_tabs);
    m_centreView->horizontalHeader()->setSectionResizeMode(CentreStatusModel::Centre, QHeaderView::Stretch);
    m_centreView->horizontalHeader()->setStretchLastSection(false);
    for (int c = 0; c < m_centres->columnCount(); ++c)
        if (c != CentreStatusModel::Centre)
            m_centreView->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_centreTab = m_centreView;
    m_tabs->addTab(m_centreView, tr("&Centres"));

    // The window's File ▸ Send to… and Receive Package…, also here.
    auto *header = new QHBoxLayout;
    header->addWidget(title, 1);
    for (const auto &[name, text, action] : { std::tuple { "exchangeSend", tr("&Send to…"), "sendAction" },
             std::tuple { "exchangeReceive", tr("Recei&ve Package…"), "receiveAction" } }) {
        auto *button = new QPushButton(text, this);
        button->setObjectName(QLatin1String(name));
        const QString actionName = QLatin1String(action);
        connect(button, &QPushButton::clicked, this, [this, actionName] {
            if (auto *a = window()->findChild<QAction *>(actionName))
                a->trigger();
        });
        header->addWidget(button);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_role);
    layout->addWidget(m_tabs, 1);
    updateActions();
}

QString ExchangePage::pageTitle() const
{
    return tr("Exchange");
}

void ExchangePage::setDatabase(Database *db)
{
    m_db = db;
    const QSqlDatabase c = db ? db->connection() : QSqlDatabase();
    m_log->setDatabase(c);
    m_review->setDatabase(c);
    m_centres->setDatabase(c);
    refresh();
}

void ExchangePage::refresh()
{
    if (deferWhileHidden())
        return;
    if (!m_db) {
        m_role->clear();
        m_log->setDatabase(QSqlDatabase());
        m_review->setDatabase(QSqlDatabase());
        m_centres->setDatabase(QSqlDatabase());
        return;
    }
    auto role = DatabaseRole::read(m_db->connection());
    const bool national = !role || role->isNational();
    m_log->reload();
    m_review->reload();
    m_centres->reload();
    // Names and times whole: the log holds one row per package (hundreds at most).
    m_logView->resizeColumnsToContents();
    const int centreTab = m_tabs->indexOf(m_centreTab);
    m_tabs->setTabVisible(centreTab, national);
    const int open = m_review->openCount();
    m_tabs->setTabText(m_tabs->indexOf(m_reviewView->parentWidget()),
        open > 0 ? tr("&Review list (%n open)", nullptr, open) : tr("&Review list"));
    QString text = national ? tr("This database is the national office's. It receives the centres' packages, decides the "
                                 "conflicts of the review list and sends catalogues, survey results and decisions down.")
                            : tr("This database is %1's. It sends its work to the national office and receives the "
                                 "national catalogues, survey results and decisions; conflicts are decided there.")
                                  .arg(role->displayName());
    text += QLatin1Char(' ') + tr("Packages: File ▸ Send to… and File ▸ Receive Package…");
    m_role->setText(text);
    for (auto &[action, button] : m_actions)
        button->setVisible(national);
    updateActions();
}

QTableView *ExchangePage::printTable() const
{
    QWidget *current = m_tabs->currentWidget();
    if (current == m_reviewView->parentWidget())
        return m_reviewView;
    return current == m_centreView ? m_centreView : m_logView;
}

int ExchangePage::selectedReviewRow() const
{
    const QModelIndexList rows
        = m_reviewView->selectionModel() ? m_reviewView->selectionModel()->selectedRows() : QModelIndexList();
    return rows.isEmpty() ? -1 : rows.constFirst().row();
}

void ExchangePage::updateActions()
{
    const int row = selectedReviewRow();
    const QList<ResolveReviewCommand::Action> fit = m_review->actions(row);
    for (auto &[action, button] : m_actions)
        button->setEnabled(fit.contains(action) && m_db && !m_db->isReadOnly());
    if (m_review->rowCount() == 0)
        m_reviewHint->setText(tr("No conflicts: nothing waits for a decision."));
    else if (row < 0)
        m_reviewHint->setText(tr("Select a conflict to decide it. Every decision can be undone (Edit ▸ Undo)."));
    else
        m_reviewHint->setText(m_review->item(row).description);
}

void ExchangePage::actionClicked(ResolveReviewCommand::Action action)
{
    const int row = selectedReviewRow();
    if (row < 0)
        return;
    const std::vector<ReviewListModel::Choice> choices = m_review->choices(row);
    QString chosen;
    QStringList placements;
    if (action == ResolveReviewCommand::Action::Keep || action == ResolveReviewCommand::Action::Merge) {
        QStringList labels;
        for (const ReviewListModel::Choice &c : choices)
            labels << c.label;
        bool ok = false;
        const QString label = QInputDialog::getItem(this, ResolveReviewCommand::title(action),
            action == ResolveReviewCommand::Action::Keep ? tr("The record to keep (the others are rejected):")
                                                         : tr("The record the others are merged into:"),
            labels, 0, false, &ok);
        if (!ok)
            return;
        chosen = choices[std::size_t(labels.indexOf(label))].uid;
    } else if (action == ResolveReviewCommand::Action::RejectPlacements) {
        placements = choosePlacements(choices, this);
        if (placements.isEmpty())
            return;
    }
    if (Status s = resolve(row, action, chosen, placements); !s)
        QMessageBox::warning(this, ResolveReviewCommand::title(action), s.message());
}

Status ExchangePage::resolve(
    int row, ResolveReviewCommand::Action action, const QString &chosenUid, const QStringList &placements)
{
    if (!m_db || row < 0 || row >= m_review->rowCount())
        return Status::failure(tr("no conflict is selected"));
    const ReviewListModel::Item item = m_review->item(row);
    const QString text = tr("%1: %2").arg(ResolveReviewCommand::title(action), item.description);
    Status s = DbCommand::run(
        undoStack(), std::make_unique<ResolveReviewCommand>(m_db->connection(), item.id, action, chosenUid, placements, text));
    if (!s)
        return s;
    m_log->reload();
    m_centres->reload();
    const int again = m_review->rowOf(item.id);
    if (again >= 0)
        m_reviewView->selectRow(again);
    emit statusMessage(tr("Decided: %1 (Edit ▸ Undo takes it back)").arg(text), 8000);
    emit dataModified();
    return {};
}

} // namespace kopru
