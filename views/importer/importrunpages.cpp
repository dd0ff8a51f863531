// SPDX-License-Identifier: GPL-3.0-or-later
// The last three pages of the import wizard: mapping, dry-run report, commit.
#include "models/db/database.h"
#include "models/import/importer.h"
#include "models/import/programmeplan.h"
#include "models/io/csvwriter.h"
#include "models/io/privatefile.h"
#include "views/importer/importpages.h"
#include "views/importer/importwizard.h"
#include "views/pages/savedfiles.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kopru {

namespace {

// The worker's job for what the wizard's pages chose.
ImportWorker::Job jobFor(const ImportSetup &setup, bool dryRun)
{
    ImportWorker::Job job;
    job.databasePath = setup.db ? setup.db->locationToReopen() : QString();
    job.kind = setup.kind;
    job.file = setup.file;
    job.read = setup.read;
    job.overrides = setup.overrides();
    job.scale = setup.scale;
    job.round = setup.kind == ImportKind::Needs ? setup.round : 0;
    job.dryRun = dryRun;
    return job;
}

} // namespace

ImportMappingPage::ImportMappingPage(ImportSetup *setup, QWidget *parent)
    : QWizardPage(parent)
    , m_setup(setup)
    , m_table(new QTableWidget(this))
{
    setTitle(tr("Columns"));
    setSubTitle(tr("Köprü recognised the headers it knows. Choose for each other column what it holds, or leave it unused. "
                   "Your choices are remembered for the next file of this kind."));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({ tr("Column in the file"), tr("First value"), tr("Holds") });
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
}

void ImportMappingPage::initializePage()
{
    const SourceTable &t = m_setup->preview.table;
    QSqlDatabase db = m_setup->db ? m_setup->db->connection() : QSqlDatabase();
    ColumnMapping automatic = Importer::mapping(db, m_setup->kind, t.header, {});
    // Remembered choices win over the automatic ones.
    for (int i = 0; i < t.header.size(); ++i) {
        bool known = false;
        const QString remembered = RememberedMapping::target(m_setup->kind, t.header.at(i), &known);
        if (known)
            automatic.targets[i] = remembered;
    }
    QStringList competencyTargets;
    for (const QString &target : automatic.targets)
        if (!ColumnMapping::competencyCode(target).isEmpty())
            competencyTargets << target;
    // Evaluations: any column may answer any item (survey exports name them Q1[SQ001] …).
    QStringList itemTargets;
    if (m_setup->kind == ImportKind::Evaluations && db.isValid()) {
        if (auto codes = ProgrammePlan::itemCodes(db))
            for (const QString &code : codes.value())
                itemTargets << ProgrammePlan::itemTarget(code);
    }

    m_table->setRowCount(int(t.header.size()));
    m_combos.clear();
    for (int i = 0; i < t.header.size(); ++i) {
        m_table->setItem(i, 0, new QTableWidgetItem(t.header.at(i)));
        m_table->setItem(i, 1, new QTableWidgetItem(t.rows.empty() ? QString() : t.rows.front().cell(i)));
        auto *combo = new QComboBox(m_table);
        combo->addItem(tr("(not used)"), QString());
        for (const ImportTarget &target : ImportKinds::targets(m_setup->kind))
            combo->addItem(ImportKinds::targetTitle(target) + (target.required ? QStringLiteral(" *") : QString()),
                QLatin1String(target.key));
        if (m_setup->kind == ImportKind::Needs)
            for (const QString &target : competencyTargets)
                if (combo->findData(target) < 0)
                    combo->addItem(tr("Need for competency %1").arg(ColumnMapping::competencyCode(target)), target);
        for (const QString &target : itemTargets)
            combo->addItem(tr("Answer to item %1").arg(ProgrammePlan::itemCode(target)), target);
        int index = combo->findData(automatic.targets.value(i));
        if (index < 0 && !automatic.targets.value(i).isEmpty()) {
            const QString item = ProgrammePlan::itemCode(automatic.targets.value(i));
            combo->addItem(item.isEmpty()
                    ? tr("Need for competency %1").arg(ColumnMapping::competencyCode(automatic.targets.value(i)))
                    : tr("Answer to item %1").arg(item),
                automatic.targets.value(i));
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(std::max(0, index));
        m_table->setCellWidget(i, 2, combo);
        m_combos << combo;
    }
}

bool ImportMappingPage::validatePage()
{
    const QStringList &header = m_setup->preview.table.header;
    m_setup->mapping.targets.clear();
    for (int i = 0; i < m_combos.size(); ++i) {
        const QString target = m_combos.at(i)->currentData().toString();
        m_setup->mapping.targets << target;
        RememberedMapping::store(m_setup->kind, header.value(i), target);
    }
    // A needs file with answer labels the parser does not know goes through
    // the scale page; otherwise no mapping of labels is used.
    m_setup->labels.clear();
    if (m_setup->kind == ImportKind::Needs)
        m_setup->labels = ScaleLabels::collect(m_setup->preview.table, m_setup->mapping);
    if (!m_setup->needsScale())
        m_setup->scale = ScaleMapping();
    return true;
}

int ImportMappingPage::nextId() const
{
    return m_setup->needsScale() ? ImportWizard::ScalePage : ImportWizard::ReportPage;
}

ImportReportPage::ImportReportPage(ImportSetup *setup, QWidget *parent)
    : QWizardPage(parent)
    , m_setup(setup)
    , m_worker(new ImportWorker(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_save(new QPushButton(tr("&Save report as CSV…"), this))
{
    setTitle(tr("Check"));
    setSubTitle(tr("A dry run: every row is checked, nothing is written yet. The file is imported only when no row is refused."));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    m_summary->setWordWrap(true);
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({ tr("Line"), tr("Column"), tr("Kind"), tr("Reason") });
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_worker, &ImportWorker::finished, this, &ImportReportPage::show);
    connect(m_save, &QPushButton::clicked, this, &ImportReportPage::save);
}

void ImportReportPage::initializePage()
{
    m_done = false;
    m_table->setRowCount(0);
    m_save->setEnabled(false);
    m_summary->setText(tr("Checking…"));
    m_worker->start(jobFor(*m_setup, true));
    emit completeChanged();
}

void ImportReportPage::cleanupPage()
{
    m_worker->cancel();
}

void ImportReportPage::show(const ImportReport &report)
{
    m_report = report;
    m_done = true;
    QList<std::pair<QString, Error>> rows;
    for (const Error &e : report.errors)
        rows.append({ tr("refused"), e });
    for (const Error &e : report.notices)
        rows.append({ tr("note"), e });
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const Error &e = rows.at(i).second;
        m_table->setItem(i, 0, new QTableWidgetItem(e.line > 0 ? QString::number(e.line) : QString()));
        auto *column = new QTableWidgetItem(report.columnName(e));
        if (e.column > 0)
            column->setToolTip(tr("Column %1 of the file").arg(e.column));
        m_table->setItem(i, 1, column);
        m_table->setItem(i, 2, new QTableWidgetItem(rows.at(i).first));
        m_table->setItem(i, 3, new QTableWidgetItem(e.message));
    }
    m_table->resizeColumnsToContents();
    m_save->setEnabled(!rows.isEmpty());
    if (report.ok())
        m_summary->setText(tr("No row is refused. Import will write: %1 new, %2 updated, %3 unchanged.")
                               .arg(QLocale().toString(report.inserted), QLocale().toString(report.updated),
                                   QLocale().toString(report.skipped)));
    else {
        QString text
            = tr("%n problem(s) found: nothing can be imported until the file is corrected.", nullptr, report.errorCount);
        if (report.errorCount > report.errors.size())
            text += QLatin1Char(' ') + tr("The first %n are listed.", nullptr, int(report.errors.size()));
        m_summary->setText(text);
    }
    emit completeChanged();
}

void ImportReportPage::save()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save report"), SavedFiles::suggestion(tr("import-report.csv"), QDir::homePath()), tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    CsvWriter csv;
    csv.addRow({ tr("File"), tr("Line"), tr("Column"), tr("Kind"), tr("Reason") });
    for (const Error &e : m_report.errors)
        csv.addRow({ e.file, QString::number(e.line), m_report.columnName(e), tr("refused"), e.message },
            { false, true, true, false, false });
    for (const Error &e : m_report.notices)
        csv.addRow({ e.file, QString::number(e.line), m_report.columnName(e), tr("note"), e.message },
            { false, true, true, false, false });
    // The reasons quote national IDs: personal data, written 0600 (PrivateFile).
    const QByteArray bytes = csv.data();
    PrivateFile f(path);
    Status saved = f.open();
    if (saved && f.device().write(bytes) != bytes.size())
        saved = Error { f.device().errorString(), path, 0, 0 };
    if (saved)
        saved = f.commit();
    if (!saved)
        m_summary->setText(tr("The report could not be saved: %1").arg(saved.message()));
    else
        SavedFiles::remember(path);
}

bool ImportReportPage::isComplete() const
{
    return m_done && m_report.ok();
}

ImportCommitPage::ImportCommitPage(ImportSetup *setup, QWidget *parent)
    : QWizardPage(parent)
    , m_setup(setup)
    , m_worker(new ImportWorker(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_cancel(new QPushButton(tr("&Stop and undo"), this))
{
    setTitle(tr("Import"));
    setSubTitle(tr("All rows are written in one transaction: if the import is stopped or fails, the database stays as it was."));
    setCommitPage(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(m_cancel);
    layout->addLayout(row);
    layout->addStretch();
    m_status->setWordWrap(true);
    connect(m_cancel, &QPushButton::clicked, this, &ImportCommitPage::cancel);
    connect(m_worker, &ImportWorker::progress, this, [this](int done, int total) {
        m_progress->setMaximum(total);
        m_progress->setValue(done);
    });
    connect(m_worker, &ImportWorker::finished, this, [this](const ImportReport &r) {
        m_done = true;
        m_cancel->setEnabled(false);
        m_setup->committed = r.committed;
        if (r.committed) {
            m_progress->setValue(m_progress->maximum());
            m_status->setText(tr("Imported: %1 new, %2 updated, %3 unchanged.").arg(r.inserted).arg(r.updated).arg(r.skipped));
        } else if (r.cancelled) {
            m_status->setText(tr("Stopped. Nothing was written."));
        } else {
            m_status->setText(tr("The import failed and nothing was written: %1")
                                  .arg(r.errors.isEmpty() ? QString() : r.describe(r.errors.first())));
        }
        emit completeChanged();
    });
}

void ImportCommitPage::initializePage()
{
    m_done = false;
    m_cancel->setEnabled(true);
    m_progress->setRange(0, 0); // busy until the first report
    m_status->setText(tr("Importing…"));
    m_worker->start(jobFor(*m_setup, false));
}

void ImportCommitPage::cancel()
{
    m_worker->cancel();
    m_status->setText(tr("Stopping…"));
}

bool ImportCommitPage::isComplete() const
{
    return m_done;
}

} // namespace kopru
