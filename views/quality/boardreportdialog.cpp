// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/quality/boardreportdialog.h"

#include "models/db/database.h"
#include "models/report/qualityreport.h"
#include "models/report/reportlanguage.h"
#include "views/pages/savedfiles.h"
#include "views/printing/printpreview.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace kopru {

BoardReportDialog::BoardReportDialog(Database *db, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
{
    setWindowTitle(tr("Quality Advisory Board report"));
    setObjectName(QStringLiteral("BoardReportDialog"));

    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("boardReportPeriod"));
    m_period->setEditable(true); // any period can be typed: 2026H2, 2027
    m_period->setInsertPolicy(QComboBox::NoInsert);
    std::optional<quality::Period> latest;
    if (m_db) {
        auto periods = quality::sessionPeriods(m_db->connection());
        if (periods)
            for (const quality::Period &p : periods.value())
                m_period->addItem(QStringLiteral("%1 – %2").arg(p.code(), p.displayName()), p.code());
        auto completed = quality::latestCompletedPeriod(m_db->connection());
        if (completed)
            latest = completed.value();
    }
    if (latest) {
        const int index = m_period->findData(latest->code());
        if (index >= 0)
            m_period->setCurrentIndex(index);
        else
            m_period->setEditText(latest->code());
    }

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("boardReportLanguage"));
    // Language names in their own language, as users look for them; Turkish is the Board's.
    m_language->addItem(QStringLiteral("Türkçe"), QStringLiteral("tr"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("boardReportFormat"));
    m_format->addItem(tr("PDF report (printable)"), QStringLiteral("pdf"));
    m_format->addItem(tr("XLSX workbook of the figures"), QStringLiteral("xlsx"));

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("boardReportProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));

    auto *note = new QLabel(tr("The period counts the placements whose session starts in it (2027H1: January–June 2027, "
                               "2027H2: July–December, 2027: the whole year); the report compares it with the period "
                               "before."),
        this);
    note->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Period:"), m_period);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("&Format:"), m_format);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_preview = buttons->addButton(tr("Pre&view…"), QDialogButtonBox::ActionRole);
    m_preview->setObjectName(QStringLiteral("boardReportPreview"));
    m_save = buttons->addButton(tr("&Save…"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("boardReportSave"));
    m_save->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &BoardReportDialog::save);
    connect(m_preview, &QPushButton::clicked, this, &BoardReportDialog::preview);
    connect(m_period, &QComboBox::editTextChanged, this, &BoardReportDialog::updateButtons);
    connect(m_format, &QComboBox::currentIndexChanged, this, &BoardReportDialog::updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
    updateButtons();
}

Expected<quality::Period> BoardReportDialog::period() const
{
    // An item shows "2027H1 – January–June 2027": its code is the part before the dash.
    const int index = m_period->findText(m_period->currentText());
    const QString text = index >= 0 ? m_period->itemData(index).toString() : m_period->currentText();
    return quality::Period::parse(text);
}

QString BoardReportDialog::language() const
{
    return m_language->currentData().toString();
}

bool BoardReportDialog::xlsx() const
{
    return m_format->currentData().toString() == QLatin1String("xlsx");
}

void BoardReportDialog::updateButtons()
{
    const auto chosen = period();
    m_problem->setText(chosen ? QString() : chosen.message());
    m_save->setEnabled(chosen && m_db);
    m_preview->setEnabled(chosen && m_db && !xlsx());
}

Status BoardReportDialog::writeTo(const QString &path)
{
    const auto chosen = period();
    if (!chosen)
        return chosen.error();
    if (!m_db)
        return Status::failure(tr("No database is open."));
    const report::ReportLanguage reportLanguage(language());
    auto input = report::collectQualityReport(m_db->connection(), chosen.value());
    if (!input)
        return input.error();
    return xlsx() ? report::writeQualityReportXlsx(input.value(), path) : report::writeQualityReportPdf(input.value(), path);
}

void BoardReportDialog::save()
{
    const auto chosen = period();
    if (!chosen || !m_db)
        return;
    const QString suffix = xlsx() ? QStringLiteral(".xlsx") : QStringLiteral(".pdf");
    const QString name = tr("quality-report-%1").arg(chosen.value().code()) + suffix;
    QString path
        = QFileDialog::getSaveFileName(this, windowTitle(), SavedFiles::suggestion(name, QFileInfo(m_db->path()).absolutePath()),
            xlsx() ? tr("Excel workbook (*.xlsx)") : tr("PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(suffix, Qt::CaseInsensitive))
        path += suffix;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status written = writeTo(path);
    QApplication::restoreOverrideCursor();
    if (!written) {
        QMessageBox::warning(this, windowTitle(), written.message());
        return;
    }
    SavedFiles::offer(
        parentWidget() ? parentWidget() : this, path, tr("Report written to %1").arg(QDir::toNativeSeparators(path)));
    accept();
}

void BoardReportDialog::preview()
{
    const auto chosen = period();
    if (!chosen || !m_db)
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    document::Document doc;
    Status status;
    {
        const report::ReportLanguage reportLanguage(language());
        auto input = report::collectQualityReport(m_db->connection(), chosen.value());
        if (input)
            doc = report::qualityReportDocument(input.value());
        else
            status = input.error();
    }
    QApplication::restoreOverrideCursor();
    if (status)
        status = showPrintPreview(doc, this);
    if (!status)
        QMessageBox::warning(this, windowTitle(), status.message());
}

} // namespace kopru
