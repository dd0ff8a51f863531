// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/importer/importsetup.h"

#include <QWizard>

namespace kopru {

class Database;
class ImportCommitPage;

// File → encoding/separator with preview → column mapping → (needs with their
// own answer labels: the labels' levels) → dry-run report →
// import with progress and cancel (docs/specification.md, "What a coordinator does").
class ImportWizard final : public QWizard
{
    Q_OBJECT
public:
    enum PageId { FilePage, FormatPage, MappingPage, ScalePage, ReportPage, CommitPage };

    ImportWizard(Database *db, QWidget *parent);
    // Whether data was written.
    bool committed() const { return m_setup.committed; }
    // For tests and the command line: start with a file and kind chosen.
    void preset(ImportKind kind, const QString &file);

    void reject() override;

private:
    ImportSetup m_setup;
    ImportCommitPage *m_commit;
};

} // namespace kopru
