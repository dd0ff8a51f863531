// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/certificates/certificatecontent.h"
#include "models/certificates/certificatescope.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTabWidget;
class QTableView;

namespace kopru {

class Database;
namespace certificates {
class CertificateRegisterModel;
}

// Schedule ▸ Certificates…: the certificates of participation of one session,
// one centre or all (how many completed placements get a new one, how many
// are issued again with their number), in Turkish or English, written as one
// PDF or one file each, or printed through the print preview; and the
// register of issued certificates. Issues as `kopru-cli certificates` does.
class CertificatesDialog final : public QDialog
{
    Q_OBJECT
public:
    // Starts at session `sessionId` when given, else at centre `centreId`, else all.
    CertificatesDialog(Database *db, int sessionId, int centreId, QWidget *parent);

    certificates::CertificateScope scope() const;
    // The certificates' language: "tr" (the default) or "en".
    QString language() const;
    bool separateFiles() const;
    QString targetPath() const;

    // For tests: the form.
    void setScope(const certificates::CertificateScope &scope);
    void setLanguage(const QString &language);
    void setSeparateFiles(bool separate);
    void setTargetPath(const QString &path);
    QString previewText() const;
    QString resultText() const;
    certificates::CertificateRegisterModel *registerModel() const { return m_register; }
    QTabWidget *tabs() const { return m_tabs; }

public slots:
    // Issues the certificates of the scope and writes them; true on success
    // (errors in a message box).
    bool save();
    // Issues them and shows the print preview.
    void print();

signals:
    // Certificates were issued (the database changed).
    void issued();

private:
    void createLayout();
    void loadChoices(int sessionId, int centreId);
    void updatePreview();
    void updateTarget();
    void chooseTarget();
    // Issues the scope's certificates and reads them back; empty on an error (shown).
    std::vector<certificates::CertificateContent> issue(QString *summary);

    Database *m_db;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_session = nullptr;
    QComboBox *m_centre = nullptr;
    QLabel *m_preview = nullptr;
    QComboBox *m_language = nullptr;
    QRadioButton *m_onePdf = nullptr;
    QRadioButton *m_separate = nullptr;
    QLineEdit *m_path = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_print = nullptr;
    certificates::CertificateRegisterModel *m_register = nullptr;
    QTableView *m_registerView = nullptr;
};

} // namespace kopru
