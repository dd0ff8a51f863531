// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/importer/importwizard.h"

#include "views/importer/importpages.h"

#include <QComboBox>
#include <QLineEdit>

namespace kopru {

ImportWizard::ImportWizard(Database *db, QWidget *parent)
    : QWizard(parent)
{
    m_setup.db = db;
    setWindowTitle(tr("Import"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setPage(FilePage, new ImportFilePage(&m_setup, this));
    setPage(FormatPage, new ImportFormatPage(&m_setup, this));
    setPage(MappingPage, new ImportMappingPage(&m_setup, this));
    setPage(ScalePage, new ImportScalePage(&m_setup, this));
    setPage(ReportPage, new ImportReportPage(&m_setup, this));
    m_commit = new ImportCommitPage(&m_setup, this);
    setPage(CommitPage, m_commit);
    resize(820, 600);
}

void ImportWizard::preset(ImportKind kind, const QString &file)
{
    auto *p = page(FilePage);
    if (auto *combo = p->findChild<QComboBox *>(QStringLiteral("importKind")))
        combo->setCurrentIndex(combo->findData(int(kind)));
    if (auto *edit = p->findChild<QLineEdit *>())
        edit->setText(file);
}

void ImportWizard::reject()
{
    // Closing while the import runs stops it; the transaction rolls back.
    if (m_commit->isRunning()) {
        m_commit->cancel();
        return;
    }
    QWizard::reject();
}

} // namespace kopru
