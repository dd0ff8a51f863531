// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/certificates/certificatesdialog.h"

#include "models/certificates/certificatedocument.h"
#include "models/certificates/certificateissuer.h"
#include "models/certificates/certificateregistermodel.h"
#include "models/db/database.h"
#include "models/itemmodels/roles.h"
#include "models/report/reportlanguage.h"
#include "views/pages/compactcombo.h"
#include "views/pages/savedfiles.h"
#include "views/printing/printpreview.h"

#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace kopru {

using namespace certificates;

namespace {
enum ScopeKind { SessionScope, CentreScope, AllScope };
} // namespace

CertificatesDialog::CertificatesDialog(Database *db, int sessionId, int centreId, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
{
    setWindowTitle(tr("Certificates of participation"));
    createLayout();
    loadChoices(sessionId, centreId);
    updateTarget();
    updatePreview();
}

void CertificatesDialog::createLayout()
{
    m_tabs = new QTabWidget(this);

    auto *issuePage = new QWidget(this);
    auto *form = new QFormLayout;
    m_kind = new QComboBox(issuePage);
    m_kind->addItem(tr("One training session"), SessionScope);
    m_kind->addItem(tr("One centre"), CentreScope);
    m_kind->addItem(tr("All centres"), AllScope);
    form->addRow(tr("&For:"), m_kind);
    m_session = new QComboBox(issuePage);
    makeCompact(m_session, 40);
    form->addRow(tr("&Session:"), m_session);
    m_centre = new QComboBox(issuePage);
    makeCompact(m_centre, 40);
    form->addRow(tr("C&entre:"), m_centre);
    m_preview = new QLabel(issuePage);
    m_preview->setWordWrap(true);
    form->addRow(QString(), m_preview);
    m_language = new QComboBox(issuePage);
    m_language->addItem(QStringLiteral("Türkçe"), QStringLiteral("tr"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    form->addRow(tr("&Language:"), m_language);
    m_onePdf = new QRadioButton(tr("One PDF, one certificate a page"), issuePage);
    m_separate = new QRadioButton(tr("One PDF file per certificate, in a folder"), issuePage);
    m_onePdf->setChecked(true);
    auto *output = new QVBoxLayout;
    output->addWidget(m_onePdf);
    output->addWidget(m_separate);
    form->addRow(tr("Output:"), output);
    auto *fileRow = new QHBoxLayout;
    m_path = new QLineEdit(issuePage);
    auto *browse = new QToolButton(issuePage);
    browse->setText(tr("&Browse…"));
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    auto *fileLabel = new QLabel(tr("&Save to:"), issuePage);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, fileRow);
    auto *note = new QLabel(tr("Saving or printing issues the certificates: a new number and verification code for a "
                               "placement without one; a certificate issued before keeps its number and code."),
        issuePage);
    note->setWordWrap(true);
    m_result = new QLabel(issuePage);
    m_result->setWordWrap(true);
    auto *issueLayout = new QVBoxLayout(issuePage);
    issueLayout->addLayout(form);
    issueLayout->addWidget(note);
    issueLayout->addWidget(m_result);
    issueLayout->addStretch(1);
    m_tabs->addTab(issuePage, tr("Issue"));

    m_register = new CertificateRegisterModel(this);
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_register);
    sorted->setSortRole(SortRole);
    m_registerView = new QTableView(this);
    m_registerView->setModel(sorted);
    m_registerView->setSortingEnabled(true);
    m_registerView->sortByColumn(-1, Qt::AscendingOrder);
    m_registerView->setAlternatingRowColors(true);
    m_registerView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_registerView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_registerView->verticalHeader()->setVisible(false);
    m_registerView->setWordWrap(false);
    m_registerView->verticalHeader()->setDefaultSectionSize(m_registerView->fontMetrics().height() + 6);
    m_registerView->horizontalHeader()->setStretchLastSection(true);
    // Columns fitted to what the register holds after each (re)load.
    connect(m_register, &QAbstractItemModel::modelReset, this, [this] {
        m_registerView->resizeColumnsToContents();
        for (int c = 0; c < m_register->columnCount(); ++c)
            m_registerView->setColumnWidth(c, std::min(m_registerView->columnWidth(c), 240));
    });
    m_tabs->addTab(m_registerView, tr("Register"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_print = buttons->addButton(tr("&Print…"), QDialogButtonBox::ActionRole);
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_save->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(900, 480);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateTarget();
        updatePreview();
    });
    connect(m_session, &QComboBox::currentIndexChanged, this, &CertificatesDialog::updatePreview);
    connect(m_centre, &QComboBox::currentIndexChanged, this, &CertificatesDialog::updatePreview);
    connect(m_onePdf, &QRadioButton::toggled, this, &CertificatesDialog::updateTarget);
    connect(browse, &QToolButton::clicked, this, &CertificatesDialog::chooseTarget);
    connect(m_save, &QPushButton::clicked, this, &CertificatesDialog::save);
    connect(m_print, &QPushButton::clicked, this, &CertificatesDialog::print);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void CertificatesDialog::loadChoices(int sessionId, int centreId)
{
    if (m_db) {
        QSqlQuery q(m_db->connection());
        // Sessions with completed placements (and the one asked for).
        q.prepare(QStringLiteral(
            "SELECT ts.id, pa.name, f.code, ts.start_date, ts.end_date, sum(CASE WHEN p.status = 'completed' THEN 1 ELSE 0 END) "
            "FROM training_session ts "
            "JOIN partner pa ON pa.id = ts.partner_id JOIN field f ON f.id = ts.field_id LEFT JOIN placement p ON "
            "p.session_id = ts.id GROUP BY ts.id, pa.name, f.code, ts.start_date, ts.end_date HAVING sum(CASE WHEN "
            "p.status = 'completed' THEN 1 ELSE 0 END) > 0 OR ts.id = ? ORDER BY ts.start_date, pa.name, ts.id"));
        q.addBindValue(sessionId);
        if (q.exec())
            while (q.next()) {
                const auto day = [](const QVariant &v) {
                    return QLocale().toString(QDate::fromString(v.toString(), Qt::ISODate), QStringLiteral("dd.MM.yyyy"));
                };
                m_session->addItem(tr("%1 – %2, %3 – %4 (%Ln completed)", nullptr, q.value(5).toInt())
                                       .arg(q.value(1).toString(), q.value(2).toString(), day(q.value(3)), day(q.value(4))),
                    q.value(0).toInt());
            }
        if (q.exec(QStringLiteral("SELECT id, name FROM centre")))
            addInTurkishOrder(m_centre, q);
        m_register->setDatabase(m_db->connection());
        const bool writable = !m_db->isReadOnly();
        m_save->setEnabled(writable);
        m_print->setEnabled(writable);
        if (!writable)
            m_result->setText(tr("The database is open read-only: certificates cannot be issued. The register shows "
                                 "those issued."));
    }
    m_session->setCurrentIndex(std::max(0, m_session->findData(sessionId)));
    m_centre->setCurrentIndex(std::max(0, m_centre->findData(centreId)));
    m_kind->setCurrentIndex(sessionId > 0 && m_session->findData(sessionId) >= 0 ? SessionScope
            : centreId > 0 && m_centre->findData(centreId) >= 0                  ? CentreScope
                                                                                 : AllScope);
}

CertificateScope CertificatesDialog::scope() const
{
    switch (m_kind->currentData().toInt()) {
    case SessionScope:
        return CertificateScope::session(m_session->currentData().toInt());
    case CentreScope:
        return CertificateScope::centre(m_centre->currentData().toInt());
    default:
        return CertificateScope::all();
    }
}

void CertificatesDialog::setScope(const CertificateScope &scope)
{
    if (scope.kind == CertificateScope::Kind::Session) {
        m_session->setCurrentIndex(std::max(0, m_session->findData(scope.id)));
        m_kind->setCurrentIndex(SessionScope);
    } else if (scope.kind == CertificateScope::Kind::Centre) {
        m_centre->setCurrentIndex(std::max(0, m_centre->findData(scope.id)));
        m_kind->setCurrentIndex(CentreScope);
    } else {
        m_kind->setCurrentIndex(AllScope);
    }
}

QString CertificatesDialog::language() const
{
    return m_language->currentData().toString();
}

void CertificatesDialog::setLanguage(const QString &language)
{
    m_language->setCurrentIndex(std::max(0, m_language->findData(language)));
}

bool CertificatesDialog::separateFiles() const
{
    return m_separate->isChecked();
}

void CertificatesDialog::setSeparateFiles(bool separate)
{
    (separate ? m_separate : m_onePdf)->setChecked(true);
}

QString CertificatesDialog::targetPath() const
{
    return m_path->text().trimmed();
}

void CertificatesDialog::setTargetPath(const QString &path)
{
    m_path->setText(path);
}

QString CertificatesDialog::previewText() const
{
    return m_preview->text();
}

QString CertificatesDialog::resultText() const
{
    return m_result->text();
}

void CertificatesDialog::updatePreview()
{
    const int kind = m_kind->currentData().toInt();
    m_session->setEnabled(kind == SessionScope);
    m_centre->setEnabled(kind == CentreScope);
    if (!m_db)
        return;
    auto preview = previewIssue(m_db->connection(), scope());
    if (!preview) {
        m_preview->setText(preview.message());
        return;
    }
    const IssuePreview &p = preview.value();
    m_preview->setText(p.completed == 0
            ? tr("No completed placement here: there is no certificate to issue.")
            : tr("%Ln completed placement(s): %1 new certificate(s), %2 issued again with their number.", nullptr, p.completed)
                  .arg(QLocale().toString(p.completed - p.alreadyIssued), QLocale().toString(p.alreadyIssued)));
    if (!m_db->isReadOnly()) {
        m_save->setEnabled(p.completed > 0);
        m_print->setEnabled(p.completed > 0);
    }
}

void CertificatesDialog::updateTarget()
{
    const QString fallback
        = m_db ? QFileInfo(m_db->path()).absolutePath() : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString folder = m_path->text().isEmpty() ? SavedFiles::lastFolder(fallback) : QFileInfo(m_path->text()).absolutePath();
    const QString name = tr("certificates");
    m_path->setText(QDir(folder).filePath(separateFiles() ? name : name + QStringLiteral(".pdf")));
}

void CertificatesDialog::chooseTarget()
{
    const QString chosen = separateFiles()
        ? QFileDialog::getExistingDirectory(this, tr("Folder for the certificates"), QFileInfo(targetPath()).absolutePath())
        : QFileDialog::getSaveFileName(this, tr("Save the certificates"), targetPath(), tr("PDF files (*.pdf)"));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

std::vector<CertificateContent> CertificatesDialog::issue(QString *summary)
{
    auto done = issueCertificates(m_db->connection(), scope());
    if (!done) {
        QMessageBox::warning(this, tr("Certificates"), done.message());
        return {};
    }
    emit issued();
    m_register->reload();
    updatePreview();
    auto content = loadCertificates(m_db->connection(), CertificateScope::placements(done.value().placementIds));
    if (!content) {
        QMessageBox::warning(this, tr("Certificates"), content.message());
        return {};
    }
    *summary = tr("%Ln new certificate(s), %1 issued again (number and code kept).", nullptr, done.value().issued)
                   .arg(QLocale().toString(done.value().reissued));
    return std::move(content.value());
}

bool CertificatesDialog::save()
{
    if (!m_db)
        return false;
    const QString path = targetPath();
    if (path.isEmpty())
        return false;
    if (!separateFiles() && QFileInfo::exists(path)
        && QMessageBox::question(this, tr("Certificates"), tr("%1 exists. Replace it?").arg(QDir::toNativeSeparators(path)))
            != QMessageBox::Yes)
        return false;
    QString summary;
    const std::vector<CertificateContent> content = issue(&summary);
    if (content.empty())
        return false;
    Expected<int> pages = 0;
    Expected<QStringList> files = QStringList();
    {
        // The certificates in their language, this dialog's messages in the UI's.
        const report::ReportLanguage certificateLanguage(language());
        if (separateFiles())
            files = writeCertificateFiles(content, path);
        else
            pages = writeCertificatesPdf(content, path);
    }
    if (!pages || !files) {
        QMessageBox::warning(this, tr("Certificates"), !pages ? pages.message() : files.message());
        return false;
    }
    const QString text = summary + QLatin1Char(' ')
        + (separateFiles()
                ? tr("%Ln file(s) written to %1.", nullptr, int(files.value().size())).arg(QDir::toNativeSeparators(path))
                : tr("%Ln page(s) written to %1.", nullptr, pages.value()).arg(QDir::toNativeSeparators(path)));
    m_result->setText(text);
    SavedFiles::offer(this, path, text);
    return true;
}

void CertificatesDialog::print()
{
    if (!m_db)
        return;
    QString summary;
    const std::vector<CertificateContent> content = issue(&summary);
    if (content.empty())
        return;
    m_result->setText(summary);
    document::Document doc;
    {
        const report::ReportLanguage certificateLanguage(language());
        doc = certificatesDocument(content);
    }
    if (const Status printed = showPrintPreview(doc, this); !printed)
        QMessageBox::warning(this, tr("Print"), printed.message());
}

} // namespace kopru
