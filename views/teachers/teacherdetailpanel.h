// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QWidget>

class QAbstractItemModel;
class QDataWidgetMapper;
class QLabel;
class QTableView;
class QUndoStack;

namespace kopru {

class PlacementsModel;
class RatingsModel;

// The selected teacher: a form (QDataWidgetMapper on the teachers table, so
// edits go through the same validation and undo), the need ratings per
// competency (editable 1–5 or "not applicable") and the placements.
class TeacherDetailPanel final : public QWidget
{
    Q_OBJECT
public:
    TeacherDetailPanel(QAbstractItemModel *teachers, QUndoStack *undo, QWidget *parent);

    void setDatabase(QSqlDatabase db);
    // Shows the teacher in `proxyRow` of the teachers model given to the constructor (-1: none).
    void showRow(int proxyRow, int teacherId);

    RatingsModel *ratingsModel() const { return m_ratings; }
    QTableView *ratingsView() const { return m_ratingsView; }

signals:
    void editRefused(const QString &reason);

private:
    QWidget *createForm();
    void updateSummary();

    QAbstractItemModel *m_teachers;
    QDataWidgetMapper *m_mapper;
    RatingsModel *m_ratings;
    PlacementsModel *m_placements;
    QTableView *m_ratingsView = nullptr;
    QTableView *m_placementsView = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_placementsTitle = nullptr;
    QSqlDatabase m_db;
    int m_teacherId = 0;
};

} // namespace kopru
