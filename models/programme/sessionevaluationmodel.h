// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/core/result.h"
#include "models/programme/sessionfacts.h"

#include <QAbstractTableModel>
#include <QSqlDatabase>
#include <vector>

namespace kopru::programme {

// The evaluation answers of one training session for one questionnaire
// (issue #15): kind "training" (the teachers' evaluation of the training) or
// "teacher" (the partner's evaluation of each teacher). A row per placement
// not cancelled, a column per active item of the kind: 1–5, "not applicable"
// or not answered. Edited in memory, written by save() in one transaction.
class SessionEvaluationModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Teacher, FirstItem };
    // A cell's value: not answered, not applicable (score NULL) or 1–5.
    static constexpr int kNotAnswered = -1;
    static constexpr int kNotApplicable = 0;

    explicit SessionEvaluationModel(const QString &kind, QObject *parent = nullptr);
    QString kind() const { return m_kind; }
    Status load(QSqlDatabase db, int sessionId);
    // "T1: The training met my professional needs." per item, in the UI's language.
    QStringList itemTexts() const;

    bool isModified() const { return m_answers != m_saved; }
    Status save();
    // Writes the edits inside a transaction the caller holds; call load()
    // after committing. Call holdChangedPlacements() first.
    Status writeChanges(QSqlDatabase db) const;
    // Inside that transaction, before anything is written: refused when a
    // placement with edits was changed by someone else since load()
    // (holdPlacement), else those placements are held until the commit.
    Status holdChangedPlacements(QSqlDatabase db) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // EditRole: 1–5; 0 or tr("n/a") = not applicable; null or "" = not answered.
    // Read as text (what is shown), so that a cell editor left unchanged changes nothing.
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

signals:
    void editRefused(const QString &reason);
    void modifiedChanged(bool modified);

private:
    struct Item
    {
        int id = 0;
        QString code, text;
    };
    void updateModified();

    QString m_kind;
    QSqlDatabase m_db;
    int m_sessionId = 0;
    std::vector<SessionFacts::Placement> m_placements; // not cancelled
    std::vector<Item> m_items;
    std::vector<std::vector<int>> m_answers, m_saved; // [row][item]
    bool m_modified = false;
};

} // namespace kopru::programme
