// SPDX-License-Identifier: GPL-3.0-or-later
// The first two pages of the import wizard: file and format with preview.
#include "views/importer/importpages.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace kopru {

namespace {
constexpr int kPreviewRows = 50;
}

ImportFilePage::ImportFilePage(ImportSetup *setup, QWidget *parent)
    : QWizardPage(parent)
    , m_setup(setup)
    , m_kind(new QComboBox(this))
    , m_round(new QComboBox(this))
    , m_file(new QLineEdit(this))
{
    setTitle(tr("File to import"));
    setSubTitle(
        tr("CSV from Excel or LibreOffice (any encoding, separated by ; , or tab), LimeSurvey exports, or .xlsx workbooks."));
    m_kind->setObjectName(QStringLiteral("importKind"));
    for (ImportKind k : ImportKinds::all())
        m_kind->addItem(ImportKinds::title(k), int(k));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&What the file holds:"), m_kind);
    m_round->setObjectName(QStringLiteral("importRound"));
    m_round->addItem(tr("Round 1 — needs survey"), 1);
    m_round->addItem(tr("Round 2 — after the training"), 2);
    m_round->setCurrentIndex(m_round->findData(RememberedRound::round()));
    m_round->setToolTip(tr("Needs: which survey the file answers. Round 2 replaces only the round-2 answers it holds; "
                           "round 1 stays as it is."));
    form->addRow(tr("Survey &round:"), m_round);
    const auto enableRound = [this] { m_round->setEnabled(ImportKind(m_kind->currentData().toInt()) == ImportKind::Needs); };
    connect(m_kind, &QComboBox::currentIndexChanged, this, enableRound);
    enableRound();
    // A row holding a layout gets no buddy: the label needs one, or it shows the "&" itself.
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setObjectName(QStringLiteral("fileLabel"));
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);
    m_file->setPlaceholderText(tr("Path of a .csv, .txt or .xlsx file"));
    connect(browse, &QPushButton::clicked, this, &ImportFilePage::browse);
    connect(m_file, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    registerField(QStringLiteral("file*"), m_file);
}

void ImportFilePage::browse()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Import file"), m_file->text(), tr("Tables (*.csv *.txt *.xlsx);;All files (*)"));
    if (!path.isEmpty())
        m_file->setText(path);
}

bool ImportFilePage::isComplete() const
{
    return QFileInfo(m_file->text().trimmed()).isFile();
}

bool ImportFilePage::validatePage()
{
    m_setup->kind = ImportKind(m_kind->currentData().toInt());
    m_setup->round = m_round->currentData().toInt();
    if (m_setup->kind == ImportKind::Needs)
        RememberedRound::store(m_setup->round);
    if (m_setup->file != m_file->text().trimmed()) {
        m_setup->file = m_file->text().trimmed();
        m_setup->read = TableReader::Options {};
    }
    return true;
}

ImportFormatPage::ImportFormatPage(ImportSetup *setup, QWidget *parent)
    : QWizardPage(parent)
    , m_setup(setup)
    , m_encoding(new QComboBox(this))
    , m_delimiter(new QComboBox(this))
    , m_sheet(new QComboBox(this))
    , m_detected(new QLabel(this))
    , m_model(new QStandardItemModel(this))
    , m_view(new QTableView(this))
{
    setTitle(tr("Encoding, separator and preview"));
    setSubTitle(
        tr("Köprü detected how the file is written. Change it if the preview looks wrong (for example ? or Ã instead of ş)."));
    m_encoding->addItem(tr("Detect"), int(Encoding::Auto));
    m_encoding->addItem(tr("UTF-8"), int(Encoding::Utf8));
    m_encoding->addItem(tr("Windows-1254 (Turkish Excel)"), int(Encoding::Windows1254));
    m_encoding->addItem(tr("ISO-8859-9 (Latin-5)"), int(Encoding::Iso8859_9));
    m_delimiter->addItem(tr("Detect"), QString());
    m_delimiter->addItem(tr("Semicolon ;"), QStringLiteral(";"));
    m_delimiter->addItem(tr("Comma ,"), QStringLiteral(","));
    m_delimiter->addItem(tr("Tab"), QStringLiteral("\t"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Encoding:"), m_encoding);
    form->addRow(tr("&Separator:"), m_delimiter);
    form->addRow(tr("S&heet:"), m_sheet);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_detected);
    layout->addWidget(m_view, 1);
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_detected->setWordWrap(true);
    for (QComboBox *c : { m_encoding, m_delimiter, m_sheet })
        connect(c, &QComboBox::currentIndexChanged, this, &ImportFormatPage::reread);
}

void ImportFormatPage::initializePage()
{
    m_updating = true;
    m_encoding->setCurrentIndex(m_encoding->findData(int(m_setup->read.encoding)));
    m_delimiter->setCurrentIndex(
        m_delimiter->findData(m_setup->read.delimiter.isNull() ? QString() : QString(m_setup->read.delimiter)));
    m_updating = false;
    reread();
}

void ImportFormatPage::reread()
{
    if (m_updating)
        return;
    m_setup->read.encoding = Encoding(m_encoding->currentData().toInt());
    const QString d = m_delimiter->currentData().toString();
    m_setup->read.delimiter = d.isEmpty() ? QChar() : d.front();
    m_setup->read.sheet = m_sheet->currentText();
    m_setup->reload();
    m_updating = true;
    const bool workbook = m_setup->readOk && m_setup->preview.workbook;
    m_encoding->setEnabled(!workbook);
    m_delimiter->setEnabled(!workbook);
    m_sheet->setEnabled(workbook);
    if (workbook && m_sheet->count() != m_setup->preview.sheets.size()) {
        m_sheet->clear();
        m_sheet->addItems(m_setup->preview.sheets);
    }
    m_updating = false;
    showPreview();
    emit completeChanged();
}

void ImportFormatPage::showPreview()
{
    m_model->clear();
    if (!m_setup->readOk) {
        m_detected->setText(tr("The file cannot be read: %1").arg(m_setup->readError));
        return;
    }
    const TableReader::Result &r = m_setup->preview;
    if (r.workbook)
        m_detected->setText(tr("Workbook with %n sheet(s); %1 data rows in this sheet.", nullptr, int(r.sheets.size()))
                                .arg(QLocale().toString(qlonglong(r.table.rows.size()))));
    else
        m_detected->setText(
            tr("Read as %1, separated by “%2”; %3 data rows.")
                .arg(TextEncoding::name(r.encoding), r.delimiter == QLatin1Char('\t') ? tr("tab") : QString(r.delimiter))
                .arg(QLocale().toString(qlonglong(r.table.rows.size()))));
    m_model->setHorizontalHeaderLabels(r.table.header);
    QStringList lines;
    for (std::size_t i = 0; i < r.table.rows.size() && int(i) < kPreviewRows; ++i) {
        QList<QStandardItem *> items;
        for (const QString &cell : r.table.rows[i].cells())
            items << new QStandardItem(cell);
        m_model->appendRow(items);
        lines << QString::number(r.table.rows[i].line);
    }
    m_model->setVerticalHeaderLabels(lines);
}

bool ImportFormatPage::isComplete() const
{
    return m_setup->readOk && !m_setup->preview.table.header.isEmpty();
}

} // namespace kopru
