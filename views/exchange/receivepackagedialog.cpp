// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/exchange/receivepackagedialog.h"

#include "models/db/database.h"
#include "models/exchange/exchangelogmodel.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

namespace kopru {

QString ReceivePackageDialog::tableTitle(const QString &table)
{
    static const std::pair<const char *, const char *> titles[] = {
        { "field", QT_TR_NOOP("Fields") },
        { "centre", QT_TR_NOOP("Centres") },
        { "centre_field", QT_TR_NOOP("Fields of centres") },
        { "competency", QT_TR_NOOP("Competencies") },
        { "school", QT_TR_NOOP("Schools") },
        { "teacher", QT_TR_NOOP("Teachers") },
        { "teacher_record", QT_TR_NOOP("Centres' teacher records") },
        { "need_rating", QT_TR_NOOP("Need ratings") },
        { "partner", QT_TR_NOOP("Partners") },
        { "partner_competency", QT_TR_NOOP("Partners' competencies") },
        { "training_session", QT_TR_NOOP("Training sessions") },
        { "session_competency", QT_TR_NOOP("Sessions' competencies") },
        { "placement", QT_TR_NOOP("Placements") },
        { "plan_decision", QT_TR_NOOP("Plan decisions") },
        { "proposal", QT_TR_NOOP("Proposals") },
        { "review_item", QT_TR_NOOP("Review items") },
        { "uid_alias", QT_TR_NOOP("Merged records") },
        { "tombstone", QT_TR_NOOP("Deletions") },
    };
    for (const auto &[name, title] : titles)
        if (table == QLatin1String(name))
            return tr(title);
    return table;
}

ReceivePackageDialog::ReceivePackageDialog(Database *db, const QString &packagePath, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_path(packagePath)
{
    setObjectName(QStringLiteral("ReceivePackageDialog"));
    setWindowTitle(tr("Receive a Package"));
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("receiveHeader"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("receiveMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(QStringLiteral("receiveSummary"));
    m_table->setHorizontalHeaderLabels(
        { tr("Table"), tr("New"), tr("Updated"), tr("Unchanged"), tr("Deleted"), tr("Conflicts"), tr("Refused") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 7; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->hide();
    m_consequences = new QLabel(this);
    m_consequences->setObjectName(QStringLiteral("receiveConsequences"));
    m_consequences->setWordWrap(true);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setTextVisible(false);

    auto *buttons = new QDialogButtonBox(this);
    m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(QStringLiteral("applyButton"));
    m_apply->setEnabled(false);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(m_apply, &QPushButton::clicked, this, &ReceivePackageDialog::apply);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_state == State::Applied)
            accept();
        else
            reject();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_consequences);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    resize(720, 560);

    m_header->setText(tr("Package %1").arg(QDir::toNativeSeparators(m_path)));
    m_message->setText(tr("Checking the package and trying it out (nothing is changed yet)…"));
    run(true);
}

ReceivePackageDialog::~ReceivePackageDialog()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

QString ReceivePackageDialog::message() const
{
    return m_message->text();
}

void ReceivePackageDialog::setState(State state)
{
    m_state = state;
    const bool busy = state == State::Checking || state == State::Applying;
    m_progress->setVisible(busy);
    m_apply->setEnabled(state == State::Ready);
    m_apply->setVisible(state == State::Ready || busy);
    m_cancel->setEnabled(!busy);
    if (state == State::Applied || state == State::Refused || state == State::AlreadyReceived)
        m_cancel->setText(tr("&Close"));
    emit stateChanged(state);
}

void ReceivePackageDialog::apply()
{
    if (m_state != State::Ready)
        return;
    // A server database is backed up by its IT staff (pg_dump), not by Köprü.
    m_message->setText(m_db->isServer() ? tr("Receiving the package…") : tr("Receiving the package (a backup is made first)…"));
    run(false);
}

void ReceivePackageDialog::run(bool dryRun)
{
    setState(dryRun ? State::Checking : State::Applying);
    m_progress->setValue(0);
    const QString dbPath = m_db->locationToReopen(), package = m_path;
    const bool backup = !m_db->isServer();
    QPointer<ReceivePackageDialog> self(this);
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    m_thread = QThread::create([dbPath, package, dryRun, backup, self] {
        Receiver::Options options;
        options.dryRun = dryRun;
        options.backup = backup;
        options.progress = [self](int percent) {
            QMetaObject::invokeMethod(
                qApp,
                [self, percent] {
                    if (self)
                        self->m_progress->setValue(percent);
                },
                Qt::QueuedConnection);
        };
        // A connection of this thread: connections are per thread.
        auto db = Database::open(dbPath);
        const Expected<Receiver::Result> result
            = db ? Receiver::receive(*db.value(), package, options) : Expected<Receiver::Result>(db.error());
        QMetaObject::invokeMethod(
            qApp,
            [self, dryRun, result] {
                if (self)
                    self->finishRun(dryRun, result);
            },
            Qt::QueuedConnection);
    });
    m_thread->start();
}

void ReceivePackageDialog::finishRun(bool dryRun, const Expected<Receiver::Result> &result)
{
    if (!result) {
        m_result.reset();
        m_table->hide();
        m_consequences->clear();
        m_message->setText(QStringLiteral("<b>%1</b><br>%2")
                               .arg(tr("The package was refused. Nothing was changed in this database.").toHtmlEscaped(),
                                   result.message().toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
        setState(State::Refused);
        return;
    }
    m_result = result.value();
    const Receiver::Result &r = result.value();
    const PackageManifest &m = r.manifest;
    m_header->setText(tr("Package %1 from %2, made %3; %4.")
                          .arg(m.sequence)
                          .arg(m.sender.displayName(m_db->connection()), localTimeText(m.createdAt),
                              m.full || m.baseSequence == 0 ? tr("everything the sender holds for this database")
                                                            : tr("changes since its package %1").arg(m.baseSequence)));
    if (r.outcome == Receiver::Outcome::AlreadyReceived) {
        m_table->hide();
        m_message->setText(
            tr("This package was received already (%1): there is nothing to do.").arg(localTimeText(r.receivedAt)));
        setState(State::AlreadyReceived);
        return;
    }
    showSummary(r);
    if (dryRun) {
        QString text
            = tr("Nothing has been changed yet. Applying the package changes %n row(s):", nullptr, int(r.summary.changedRows()));
        if (r.newSender)
            text = tr("This is the first package from %1: database %2 will be registered as %1.")
                       .arg(m.sender.displayName(m_db->connection()), m.senderDatabaseId)
                + QLatin1Char(' ') + text;
        m_message->setText(text);
        setState(State::Ready);
    } else {
        m_message->setText(tr("The package was applied: %n row(s) changed.", nullptr, int(r.summary.changedRows())));
        setState(State::Applied);
    }
}

void ReceivePackageDialog::showSummary(const Receiver::Result &r)
{
    m_table->setRowCount(0);
    const QLocale locale;
    for (const auto &[table, c] : r.summary.tables) {
        if (c.empty())
            continue;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto *name = new QTableWidgetItem(tableTitle(table));
        name->setData(Qt::UserRole, table);
        name->setToolTip(table);
        m_table->setItem(row, 0, name);
        const qint64 values[] = { c.added, c.updated, c.unchanged, c.deleted, c.conflicts, c.refused };
        for (int i = 0; i < 6; ++i) {
            auto *item = new QTableWidgetItem(locale.toString(values[i]));
            item->setData(Qt::UserRole, values[i]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (i == 4 && values[i] > 0)
                item->setForeground(palette().color(QPalette::Link));
            m_table->setItem(row, i + 1, item);
        }
    }
    m_table->setVisible(m_table->rowCount() > 0);
    QStringList more;
    const ApplySummary &s = r.summary;
    if (s.reviewItemsOpened > 0)
        more << tr("%n item(s) opened in the review list", nullptr, s.reviewItemsOpened);
    if (s.placementsConfirmed > 0)
        more << tr("%n placement(s) confirmed by the national office", nullptr, s.placementsConfirmed);
    if (s.placementsCancelled > 0)
        more << tr("%n placement(s) cancelled by the national office", nullptr, s.placementsCancelled);
    if (s.recordsMerged + s.recordsRekeyed > 0)
        more << tr("%n record(s) of this centre merged by the national office", nullptr, s.recordsMerged + s.recordsRekeyed);
    if (s.erasures > 0)
        more << tr("%n teacher(s) erased (KVKK)", nullptr, s.erasures);
    if (m_table->rowCount() == 0)
        more << tr("The package holds no rows.");
    m_consequences->setText(more.join(QLatin1Char('\n')));
}

} // namespace kopru
