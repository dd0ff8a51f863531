// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/quality/period.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;

namespace kopru {

class Database;

// Quality ▸ Board report…: the Quality Advisory Board report of a period
// (docs/quality.md, "The Board report"). The period (default: the latest half
// year with completed placements), the language (Turkish by default) and the
// format (PDF report or XLSX figures); "Preview…" shows the report in the
// print preview (printing from there), "Save…" writes the file and offers to
// open it or show its folder.
class BoardReportDialog final : public QDialog
{
    Q_OBJECT
public:
    BoardReportDialog(Database *db, QWidget *parent = nullptr);

    // The period typed or chosen; an Error when it is not one.
    Expected<quality::Period> period() const;
    QString language() const; // "tr" or "en"
    bool xlsx() const; // the figures as XLSX rather than the PDF report

    // Writes the report as chosen to `path` (complete or not at all); used by
    // Save… after its file dialog, and by tests.
    Status writeTo(const QString &path);

private:
    void save();
    void preview();
    void updateButtons();

    Database *m_db = nullptr;
    QComboBox *m_period = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_format = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_preview = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace kopru
