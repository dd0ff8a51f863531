// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/exporter/exportdialog.h"

#include "models/db/database.h"
#include "models/export/exporter.h"
#include "views/pages/compactcombo.h"
#include "views/pages/savedfiles.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace kopru {

using namespace exporting;

ExportDialog::ExportDialog(Database *db, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
{
    setWindowTitle(tr("Export"));
    createLayout();
    loadScopes();
    updateFormats();
}

void ExportDialog::createLayout()
{
    auto *form = new QFormLayout;
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Placement plan"), int(Kind::Plan));
    m_kind->addItem(tr("Training schedule"), int(Kind::Schedule));
    m_kind->addItem(tr("Needs analysis"), int(Kind::Needs));
    m_kind->addItem(tr("Teachers without a placement"), int(Kind::Unplaced));
    form->addRow(tr("&What:"), m_kind);
    m_format = new QComboBox(this);
    form->addRow(tr("&Format:"), m_format);
    m_field = new QComboBox(this);
    form->addRow(tr("F&ield:"), m_field);
    m_centre = new QComboBox(this);
    form->addRow(tr("&Centre:"), m_centre);
    m_partner = new QComboBox(this);
    m_partner->setMinimumContentsLength(30);
    m_partner->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    form->addRow(tr("&Partner:"), m_partner);
    m_anonymize
        = new QCheckBox(tr("&Anonymise (KVKK): pseudonyms instead of teacher names and national IDs, no phone or e-mail"), this);
    form->addRow(QString(), m_anonymize);
    auto *fileRow = new QHBoxLayout;
    m_path = new QLineEdit(this);
    auto *browse = new QToolButton(this);
    browse->setText(tr("&Browse…"));
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    auto *fileLabel = new QLabel(tr("&Save to:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, fileRow);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *exportButton = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    exportButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ExportDialog::updateFormats);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        // Keep the file name's suffix in step with the format.
        const QString path = m_path->text();
        const QString suffix = m_format->currentData().toString();
        if (!path.isEmpty() && !suffix.isEmpty()) {
            const QFileInfo info(path);
            m_path->setText(QDir(info.path()).filePath(info.completeBaseName() + QLatin1Char('.') + suffix));
        }
    });
    connect(browse, &QToolButton::clicked, this, &ExportDialog::chooseFile);
    connect(exportButton, &QPushButton::clicked, this, &ExportDialog::runExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ExportDialog::loadScopes()
{
    m_field->addItem(tr("All fields"), QString());
    m_centre->addItem(tr("All centres"), 0);
    m_partner->addItem(tr("All partners"), 0);
    if (!m_db)
        return;
    QSqlQuery q(m_db->connection());
    if (q.exec(QStringLiteral("SELECT code, name_tr FROM field ORDER BY code")))
        while (q.next())
            m_field->addItem(q.value(0).toString() + QStringLiteral(" – ") + q.value(1).toString(), q.value(0).toString());
    if (q.exec(QStringLiteral("SELECT id, name FROM centre")))
        addInTurkishOrder(m_centre, q);
    if (q.exec(QStringLiteral("SELECT id, name FROM partner WHERE id IN (SELECT partner_id FROM training_session)")))
        addInTurkishOrder(m_partner, q);
    const QString dir = SavedFiles::lastFolder(
        m_db ? QFileInfo(m_db->path()).absolutePath() : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    m_path->setText(QDir(dir).filePath(tr("placement-plan") + QStringLiteral(".xlsx")));
}

void ExportDialog::updateFormats()
{
    const Kind kind = Kind(m_kind->currentData().toInt());
    const QString previous = m_format->currentData().toString();
    const QSignalBlocker blocker(m_format);
    m_format->clear();
    const std::pair<Format, QString> formats[]
        = { { Format::Xlsx, tr("Excel workbook (.xlsx)") }, { Format::Csv, tr("CSV, UTF-8 with ';' (.csv)") },
              { Format::Pdf, tr("PDF, A4 landscape (.pdf)") }, { Format::Ics, tr("iCalendar (.ics)") } };
    for (const auto &[format, label] : formats)
        if (isSupported(kind, format))
            m_format->addItem(label, formatSuffix(format));
    const int index = m_format->findData(previous);
    m_format->setCurrentIndex(index < 0 ? 0 : index);
    m_partner->setEnabled(kind != Kind::Needs && kind != Kind::Unplaced);
    m_anonymize->setEnabled(kind != Kind::Needs);
}

void ExportDialog::chooseFile()
{
    const QString suffix = m_format->currentData().toString();
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Export to"), m_path->text(), tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

ExportRequest ExportDialog::request() const
{
    ExportRequest r;
    r.kind = Kind(m_kind->currentData().toInt());
    r.format = formatFromName(m_format->currentData().toString()).value_or(Format::Xlsx);
    r.scope.fieldCode = m_field->currentData().toString();
    r.scope.centreId = m_centre->currentData().toInt();
    r.scope.partnerId = r.kind == Kind::Needs || r.kind == Kind::Unplaced ? 0 : m_partner->currentData().toInt();
    r.anonymize = r.kind != Kind::Needs && m_anonymize->isChecked();
    r.outPath = m_path->text().trimmed();
    return r;
}

void ExportDialog::setRequest(const ExportRequest &r)
{
    m_kind->setCurrentIndex(m_kind->findData(int(r.kind)));
    m_format->setCurrentIndex(m_format->findData(formatSuffix(r.format)));
    m_field->setCurrentIndex(std::max(0, m_field->findData(r.scope.fieldCode)));
    m_centre->setCurrentIndex(std::max(0, m_centre->findData(r.scope.centreId)));
    m_partner->setCurrentIndex(std::max(0, m_partner->findData(r.scope.partnerId)));
    m_anonymize->setChecked(r.anonymize);
    m_path->setText(r.outPath);
}

bool ExportDialog::runExport()
{
    if (!m_db)
        return false;
    const ExportRequest r = request();
    if (QFileInfo::exists(r.outPath)
        && QMessageBox::question(this, tr("Export"), tr("%1 exists. Replace it?").arg(QDir::toNativeSeparators(r.outPath)))
            != QMessageBox::Yes)
        return false;
    m_buttons->setEnabled(false);
    m_result->clear();
    auto summary = exporting::runExport(m_db->connection(), r, m_db->isReadOnly(), [this](int percent, const QString &step) {
        m_progress->setValue(percent);
        m_progress->setFormat(step + QStringLiteral(" %p%"));
        QApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
        return true;
    });
    m_buttons->setEnabled(true);
    if (!summary) {
        m_progress->setValue(0);
        QMessageBox::warning(this, tr("Export failed"), summary.message());
        return false;
    }
    QString text = tr("Exported %Ln row(s) to %1.", nullptr, summary.value().rows).arg(QDir::toNativeSeparators(r.outPath));
    if (summary.value().pages > 0)
        text += QLatin1Char(' ') + tr("%n page(s).", nullptr, summary.value().pages);
    if (r.anonymize)
        text += QLatin1Char(' ')
            + (summary.value().pseudonymsStable
                    ? tr("Anonymised with this database's stable pseudonyms.")
                    : tr("Anonymised; the database is read-only, so these pseudonyms differ from other exports."));
    m_result->setText(text);
    SavedFiles::offer(this, r.outPath, text);
    return true;
}

} // namespace kopru
