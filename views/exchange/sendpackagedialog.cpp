// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/exchange/sendpackagedialog.h"

#include "models/db/database.h"
#include "models/exchange/exchangelog.h"
#include "models/exchange/packer.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>

namespace kopru {

namespace {

const QString kFolderKey = QStringLiteral("exchange/folder");
const QString kAll = QStringLiteral("all");

QString fileCode(const DatabaseRole &role)
{
    return role.isCentre() ? QStringLiteral("centre%1").arg(role.centreId()) : QStringLiteral("national");
}

QString lastFolder()
{
    const QString folder = QSettings().value(kFolderKey).toString();
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        return folder;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

} // namespace

QString SendPackageDialog::proposedFileName(const DatabaseRole &sender, const DatabaseRole &receiver, int sequence)
{
    return QStringLiteral("%1-%2-%3.kopru-pkg").arg(fileCode(sender), fileCode(receiver)).arg(sequence);
}

SendPackageDialog::SendPackageDialog(Database *db, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
{
    setObjectName(QStringLiteral("SendPackageDialog"));
    setWindowTitle(tr("Send a Package"));
    auto role = DatabaseRole::read(m_db->connection());
    m_role = role ? role.value() : DatabaseRole::national();

    auto *intro = new QLabel(m_role.isCentre()
            ? tr("A package carries this centre's work to the national office: one file to send by e-mail or on a USB key.")
            : tr("A package carries the national catalogues, survey results and decisions to a centre: one file per centre, "
                 "sent by e-mail or on a USB key."),
        this);
    intro->setWordWrap(true);

    m_receiver = new QComboBox(this);
    m_receiver->setObjectName(QStringLiteral("sendReceiver"));
    if (m_role.isCentre()) {
        m_receiver->addItem(DatabaseRole::national().displayName(), DatabaseRole::national().code());
    } else {
        m_receiver->addItem(tr("All centres (one file each)"), kAll);
        QSqlQuery q(m_db->connection());
        q.exec(QStringLiteral("SELECT id, name FROM centre ORDER BY id"));
        while (q.next())
            m_receiver->addItem(
                tr("%1. %2").arg(q.value(0).toInt()).arg(q.value(1).toString()), DatabaseRole::centre(q.value(0).toInt()).code());
    }
    m_changed = new QRadioButton(tr("Only what &changed since the last package the receiver acknowledged"), this);
    m_changed->setObjectName(QStringLiteral("sendChanged"));
    m_everything = new QRadioButton(tr("&Everything the receiver may have"), this);
    m_everything->setObjectName(QStringLiteral("sendEverything"));
    m_changed->setChecked(true);
    m_acknowledged = new QLabel(this);
    m_acknowledged->setObjectName(QStringLiteral("sendAcknowledged"));
    m_acknowledged->setWordWrap(true);

    m_target = new QLineEdit(this);
    m_target->setObjectName(QStringLiteral("sendTarget"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    connect(m_browse, &QPushButton::clicked, this, &SendPackageDialog::browse);
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(m_browse);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("sendProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("sendMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    m_send = buttons->addButton(tr("&Send"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_showInFolder = buttons->addButton(tr("Show in &Folder"), QDialogButtonBox::ActionRole);
    m_showInFolder->setObjectName(QStringLiteral("showInFolderButton"));
    m_showInFolder->setEnabled(false);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    connect(m_send, &QPushButton::clicked, this, &SendPackageDialog::send);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_showInFolder, &QPushButton::clicked, this, [this] {
        if (!m_written.isEmpty())
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_written.constFirst()).absolutePath()));
    });

    auto *form = new QFormLayout;
    form->addRow(tr("&To:"), m_receiver);
    m_targetLabel = new QLabel(tr("&File:"), this);
    m_targetLabel->setBuddy(m_target);
    form->addRow(m_targetLabel, targetRow);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_changed);
    layout->addWidget(m_everything);
    layout->addWidget(m_acknowledged);
    layout->addWidget(m_progress);
    // Sending to all 15 centres reports 15 packages: the report scrolls
    // inside the dialog instead of growing it past a laptop's screen.
    auto *messageArea = new QScrollArea(this);
    messageArea->setWidget(m_message);
    messageArea->setWidgetResizable(true);
    messageArea->setFrameShape(QFrame::NoFrame);
    messageArea->setMinimumHeight(8 * fontMetrics().lineSpacing());
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(messageArea, 1);
    layout->addWidget(buttons);

    connect(m_receiver, &QComboBox::currentIndexChanged, this, &SendPackageDialog::updateProposal);
    connect(m_everything, &QRadioButton::toggled, this, &SendPackageDialog::updateProposal);
    updateProposal();
    resize(sizeHint().expandedTo(QSize(560, 0)));
}

SendPackageDialog::~SendPackageDialog()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool SendPackageDialog::setReceiver(const QString &code)
{
    const int index = m_receiver->findData(code);
    if (index < 0)
        return false;
    m_receiver->setCurrentIndex(index);
    return true;
}

QString SendPackageDialog::receiverCode() const
{
    return m_receiver->currentData().toString();
}

void SendPackageDialog::setFull(bool full)
{
    (full ? m_everything : m_changed)->setChecked(true);
}

bool SendPackageDialog::isFull() const
{
    return m_everything->isChecked();
}

void SendPackageDialog::setTarget(const QString &path)
{
    m_target->setText(QDir::toNativeSeparators(path));
}

QString SendPackageDialog::target() const
{
    return QDir::fromNativeSeparators(m_target->text().trimmed());
}

QString SendPackageDialog::message() const
{
    return m_message->text();
}

QList<DatabaseRole> SendPackageDialog::receivers() const
{
    if (receiverCode() != kAll) {
        auto role = DatabaseRole::parse(receiverCode());
        return role ? QList<DatabaseRole> { role.value() } : QList<DatabaseRole> {};
    }
    QList<DatabaseRole> all;
    for (int i = 0; i < m_receiver->count(); ++i)
        if (m_receiver->itemData(i).toString() != kAll)
            if (auto role = DatabaseRole::parse(m_receiver->itemData(i).toString()))
                all << role.value();
    return all;
}

int SendPackageDialog::nextSequence(const DatabaseRole &receiver) const
{
    auto peer = ExchangeLog::peer(m_db->connection(), receiver);
    return peer && peer.value() ? peer.value()->lastSentSeq + 1 : 1;
}

void SendPackageDialog::updateProposal()
{
    const bool all = receiverCode() == kAll;
    // Keep a folder the user chose; propose the name again for the receiver.
    QString folder
        = target().isEmpty() ? lastFolder() : (QFileInfo(target()).isDir() ? target() : QFileInfo(target()).absolutePath());
    if (target().isEmpty() || !QFileInfo(folder).isDir())
        folder = lastFolder();
    m_targetLabel->setText(all ? tr("&Folder:") : tr("&File:"));
    const QList<DatabaseRole> list = receivers();
    if (all) {
        setTarget(folder);
        m_acknowledged->setText(
            tr("One file per centre, named like %1.")
                .arg(proposedFileName(m_role, DatabaseRole::centre(1), nextSequence(DatabaseRole::centre(1)))));
        return;
    }
    if (list.isEmpty())
        return;
    const DatabaseRole receiver = list.constFirst();
    setTarget(QDir(folder).filePath(proposedFileName(m_role, receiver, nextSequence(receiver))));
    auto peer = ExchangeLog::peer(m_db->connection(), receiver);
    const int acked = peer && peer.value() ? peer.value()->ackedSeq : 0;
    if (isFull())
        m_acknowledged->setText(tr("Everything %1 may have is sent.").arg(receiver.displayName(m_db->connection())));
    else if (acked > 0)
        m_acknowledged->setText(tr("%1 has acknowledged package %2: what changed since then is sent.")
                                    .arg(receiver.displayName(m_db->connection()))
                                    .arg(acked));
    else
        m_acknowledged->setText(tr("%1 has not acknowledged a package yet: everything it may have is sent.")
                                    .arg(receiver.displayName(m_db->connection())));
}

void SendPackageDialog::browse()
{
    if (receiverCode() == kAll) {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for the Packages"), target());
        if (!dir.isEmpty())
            setTarget(dir);
        return;
    }
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Package File"), target(), tr("Köprü packages (*.kopru-pkg)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (!file.isEmpty())
        setTarget(file.endsWith(QLatin1String(".kopru-pkg")) ? file : file + QLatin1String(".kopru-pkg"));
}

void SendPackageDialog::send()
{
    if (m_running)
        return;
    struct Job
    {
        DatabaseRole receiver;
        QString out;
    };
    std::vector<Job> jobs;
    const bool all = receiverCode() == kAll;
    const QString where = target();
    if (where.isEmpty()) {
        m_message->setText(tr("Choose where the package is written."));
        return;
    }
    for (const DatabaseRole &receiver : receivers()) {
        QString out = all ? QDir(where).filePath(proposedFileName(m_role, receiver, nextSequence(receiver))) : where;
        if (!all && !out.endsWith(QLatin1String(".kopru-pkg")))
            out += QLatin1String(".kopru-pkg");
        if (QFileInfo::exists(out)) {
            m_message->setText(tr("%1 already exists. Choose another name; a package never overwrites a file.")
                                   .arg(QDir::toNativeSeparators(out)));
            return;
        }
        jobs.push_back({ receiver, out });
    }
    if (jobs.empty() || (all && !QFileInfo(where).isDir())) {
        m_message->setText(tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(where)));
        return;
    }
    QSettings().setValue(kFolderKey, all ? where : QFileInfo(where).absolutePath());

    m_running = true;
    m_written.clear();
    m_showInFolder->setEnabled(false);
    m_send->setEnabled(false);
    m_close->setEnabled(false);
    m_receiver->setEnabled(false);
    m_message->setText(tr("Making the package…"));
    m_progress->setRange(0, jobs.size() > 1 ? int(jobs.size()) : 0);
    m_progress->setValue(0);
    m_progress->show();

    const QString dbPath = m_db->locationToReopen(); // a server's with its password: the worker opens its own connection
    const bool full = isFull();
    QPointer<SendPackageDialog> self(this);
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    m_thread = QThread::create([jobs, dbPath, full, self] {
        Outcome outcome;
        // A connection of this thread: connections are per thread.
        auto db = Database::open(dbPath);
        if (!db) {
            outcome.error = db.message();
        } else {
            int n = 0;
            for (const Job &job : jobs) {
                auto made = Packer::pack(*db.value(), Packer::Options { job.receiver, job.out, full });
                if (!made) {
                    outcome.error = made.message();
                    break;
                }
                const PackageManifest &m = made.value();
                outcome.written << job.out;
                outcome.lines << tr("Package %1 for %2: %3 rows (%4), %5 KB → %6")
                                     .arg(m.sequence)
                                     .arg(m.receiver.displayName(), QLocale().toString(m.totalRows()),
                                         m.full ? tr("everything") : tr("changes since package %1").arg(m.baseSequence),
                                         QLocale().toString((QFileInfo(job.out).size() + 1023) / 1024),
                                         QDir::toNativeSeparators(job.out));
                ++n;
                QMetaObject::invokeMethod(
                    qApp,
                    [self, n] {
                        if (self)
                            self->m_progress->setValue(n);
                    },
                    Qt::QueuedConnection);
            }
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, outcome] {
                if (self)
                    self->done(outcome);
            },
            Qt::QueuedConnection);
    });
    m_thread->start();
}

void SendPackageDialog::done(const Outcome &outcome)
{
    m_running = false;
    m_written = outcome.written;
    m_progress->hide();
    m_close->setEnabled(true);
    m_receiver->setEnabled(true);
    QStringList lines = outcome.lines;
    if (!outcome.error.isEmpty())
        lines << tr("Not sent: %1").arg(outcome.error);
    m_message->setText(lines.join(QLatin1Char('\n')));
    m_showInFolder->setEnabled(!m_written.isEmpty());
    m_send->setEnabled(true);
    updateProposal();
    emit finished(outcome.error.isEmpty());
}

} // namespace kopru
