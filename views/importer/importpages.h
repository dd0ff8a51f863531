// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "views/importer/importsetup.h"
#include "views/importer/importworker.h"

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QTableWidget;

namespace kopru {

// 1. What to import and from which file.
class ImportFilePage final : public QWizardPage
{
    Q_OBJECT
public:
    ImportFilePage(ImportSetup *setup, QWidget *parent);
    bool isComplete() const override;
    bool validatePage() override;

private:
    void browse();
    ImportSetup *m_setup;
    QComboBox *m_kind;
    QComboBox *m_round;
    QLineEdit *m_file;
};

// 2. Detected encoding and separator (or sheet), with overrides and a live preview.
class ImportFormatPage final : public QWizardPage
{
    Q_OBJECT
public:
    ImportFormatPage(ImportSetup *setup, QWidget *parent);
    void initializePage() override;
    bool isComplete() const override;

private:
    void reread();
    void showPreview();
    ImportSetup *m_setup;
    QComboBox *m_encoding;
    QComboBox *m_delimiter;
    QComboBox *m_sheet;
    QLabel *m_detected;
    QStandardItemModel *m_model;
    QTableView *m_view;
    bool m_updating = false;
};

// 3. Which column feeds what: one combo per column, remembered per kind.
class ImportMappingPage final : public QWizardPage
{
    Q_OBJECT
public:
    ImportMappingPage(ImportSetup *setup, QWidget *parent);
    void initializePage() override;
    bool validatePage() override;
    int nextId() const override;

private:
    ImportSetup *m_setup;
    QTableWidget *m_table;
    QList<QComboBox *> m_combos;
};

// 3b. Needs files with their own answer labels: each distinct label with its
// count, assigned to a level 1–5 or "not applicable" (remembered per set of labels).
class ImportScalePage final : public QWizardPage
{
    Q_OBJECT
public:
    ImportScalePage(ImportSetup *setup, QWidget *parent);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void showMissing();
    ImportSetup *m_setup;
    QLabel *m_missing;
    QTableWidget *m_table;
    QList<QComboBox *> m_combos;
};

// 4. Dry run: every refusal with its position; can be saved as CSV.
class ImportReportPage final : public QWizardPage
{
    Q_OBJECT
public:
    ImportReportPage(ImportSetup *setup, QWidget *parent);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void show(const ImportReport &report);
    void save();
    ImportSetup *m_setup;
    ImportWorker *m_worker;
    QLabel *m_summary;
    QTableWidget *m_table;
    QPushButton *m_save;
    ImportReport m_report;
    bool m_done = false;
};

// 5. The import itself, in one transaction, with progress and cancel.
class ImportCommitPage final : public QWizardPage
{
    Q_OBJECT
public:
    ImportCommitPage(ImportSetup *setup, QWidget *parent);
    void initializePage() override;
    bool isComplete() const override;
    void cancel();
    bool isRunning() const { return m_worker->isRunning(); }

private:
    ImportSetup *m_setup;
    ImportWorker *m_worker;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_cancel;
    bool m_done = false;
};

} // namespace kopru
