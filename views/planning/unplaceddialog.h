// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/planning/planinstance.h"

#include <QDialog>
#include <QSqlDatabase>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace kopru {

class TurkishFilterProxy;
class UnplacedModel;

// The teachers the plan left out, each with the reason (no session in the
// field, none within their dates, sessions full of locked placements,
// sessions full), filtered by reason and searched; "Save List…" writes it as
// .xlsx or .csv (the same file as `kopru-cli export DB unplaced`). "Place…"
// asks for the selected teacher's placement (placeRequested): the page offers
// the sessions ranked as a move does, e.g. a place freed by a cancellation.
class UnplacedDialog final : public QDialog
{
    Q_OBJECT
public:
    UnplacedDialog(QSqlDatabase db, const PlanScope &scope, QWidget *parent = nullptr);
    UnplacedModel *model() const { return m_model; }
    TurkishFilterProxy *proxy() const { return m_proxy; }
    QComboBox *reasonFilter() const { return m_reason; }
    // Writes the list to `path` (.xlsx, else CSV); an error message or empty.
    QString save(const QString &path);
    // Reads the list again (after a teacher was placed).
    void reload();
    // The teacher of the selected row, 0 when none.
    int selectedTeacher() const;

signals:
    void placeRequested(int teacherId, const QString &teacherName);

private:
    void chooseFileAndSave();
    void updateCount();

    QSqlDatabase m_db;
    PlanScope m_scope;
    UnplacedModel *m_model;
    TurkishFilterProxy *m_proxy;
    QComboBox *m_reason;
    QLineEdit *m_search;
    QTableView *m_view;
    QLabel *m_count;
};

} // namespace kopru
