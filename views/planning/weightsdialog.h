// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/planning/planweights.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kopru {

// Shows and edits the optimiser's three weights; "Restore defaults" brings
// back the lexicographic ones (docs/optimiser.md).
class WeightsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit WeightsDialog(const PlanWeights &weights, QWidget *parent = nullptr);
    PlanWeights weights() const;

    // One line for the page: the goals in words for the defaults, else the
    // numbers ("placed teacher 10 · need point 2 · km 1").
    static QString summary(const PlanWeights &w);
    // The order of the goals in plain words (rich text); empty for invalid weights.
    static QString goalsInWords(const PlanWeights &w);

private:
    void setWeights(const PlanWeights &w);
    void check();

    QCheckBox *m_maximize;
    QLineEdit *m_place, *m_need, *m_distance;
    QLabel *m_note;
    QLabel *m_goals;
    QPushButton *m_advancedButton;
    QWidget *m_advanced;
};

} // namespace kopru
