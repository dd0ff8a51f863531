// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/planning/planweights.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace kopru {

// Shows and edits the optimiser's three weights; "Restore defaults" brings
// back the lexicographic ones (docs/optimiser.md).
class WeightsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit WeightsDialog(const PlanWeights &weights, QWidget *parent = nullptr);
    PlanWeights weights() const;

    // One line for the page: "place 400.002.200.001 · need 2.000.001 · distance 1".
    static QString summary(const PlanWeights &w);

private:
    void setWeights(const PlanWeights &w);
    void check();

    QCheckBox *m_maximize;
    QLineEdit *m_place, *m_need, *m_distance;
    QLabel *m_note;
};

} // namespace kopru
