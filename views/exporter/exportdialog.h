// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/export/exportoptions.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace kopru {

class Database;

// File › Export…: what (plan, schedule, needs), format, scope (field, centre,
// partner), anonymisation, target file, progress. Runs the same export as
// `kopru-cli export`.
class ExportDialog final : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(Database *db, QWidget *parent);

    exporting::ExportRequest request() const;
    // For tests: fills the form.
    void setRequest(const exporting::ExportRequest &request);

public slots:
    // Runs the export; true on success (errors are shown in a message box).
    bool runExport();

private:
    void createLayout();
    void loadScopes();
    void updateFormats();
    void chooseFile();

    Database *m_db;
    QComboBox *m_kind = nullptr;
    QComboBox *m_format = nullptr;
    QComboBox *m_field = nullptr;
    QComboBox *m_centre = nullptr;
    QComboBox *m_partner = nullptr;
    QCheckBox *m_anonymize = nullptr;
    QLineEdit *m_path = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_result = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace kopru
