// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/planning/weightsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>
#include <QWidget>

namespace kopru {

WeightsDialog::WeightsDialog(const PlanWeights &weights, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Goals of the Plan"));
    m_goals = new QLabel(this);
    m_goals->setObjectName(QStringLiteral("goals"));
    m_goals->setWordWrap(true);
    m_goals->setTextFormat(Qt::RichText);
    // The numbers behind the goals, for those who want to change them.
    m_advancedButton = new QPushButton(tr("&Advanced ▸"), this);
    m_advancedButton->setObjectName(QStringLiteral("advanced"));
    m_advancedButton->setCheckable(true);
    m_advancedButton->setFlat(true);
    m_advanced = new QWidget(this);
    auto *formula = new QLabel(tr("The cost of placing a teacher in a session is\n"
                                  "− need × covered need + distance × km (− place, unless the most teachers are placed first);\n"
                                  "the optimiser finds the plan of least total cost."),
        m_advanced);
    formula->setWordWrap(true);
    m_maximize = new QCheckBox(tr("Place as many teachers as possible first (exact, without a weight)"), this);
    m_maximize->setObjectName(QStringLiteral("maximizePlaced"));
    connect(m_maximize, &QCheckBox::toggled, this, [this](bool on) {
        m_place->setEnabled(!on);
        check();
    });
    auto *validator = new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,16}")), this);
    const auto field = [this, validator](const char *name) {
        auto *e = new QLineEdit(this);
        e->setObjectName(QLatin1String(name));
        e->setValidator(validator);
        e->setAlignment(Qt::AlignRight);
        connect(e, &QLineEdit::textChanged, this, &WeightsDialog::check);
        return e;
    };
    m_place = field("weightPlace");
    m_need = field("weightNeed");
    m_distance = field("weightDistance");
    m_note = new QLabel(this);
    m_note->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(m_maximize);
    form->addRow(tr("Each placed teacher:"), m_place);
    form->addRow(tr("Each point of covered need:"), m_need);
    form->addRow(tr("Each km of travel:"), m_distance);

    auto *buttons
        = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(
        buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] { setWeights(PlanWeights {}); });

    auto *advancedLayout = new QVBoxLayout(m_advanced);
    advancedLayout->setContentsMargins(0, 0, 0, 0);
    advancedLayout->addWidget(formula);
    advancedLayout->addLayout(form);
    advancedLayout->addWidget(m_note);
    connect(m_advancedButton, &QPushButton::toggled, this, [this](bool on) {
        m_advanced->setVisible(on);
        m_advancedButton->setText(on ? tr("&Advanced ▾") : tr("&Advanced ▸"));
        adjustSize();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_goals);
    layout->addWidget(m_advancedButton, 0, Qt::AlignLeft);
    layout->addWidget(m_advanced);
    layout->addWidget(buttons);
    setWeights(weights);
    // The numbers are shown at once only when they are not the defaults.
    m_advanced->setVisible(false);
    m_advancedButton->setChecked(!(weights == PlanWeights {}));
}

QString WeightsDialog::goalsInWords(const PlanWeights &w)
{
    if (!w.validate())
        return {};
    if (w == PlanWeights {})
        return tr("The plan follows three goals, each fully before the next:<ol><li>place as many teachers as "
                  "possible;</li><li>among those plans, cover as much of the placed teachers' need as "
                  "possible;</li><li>then keep their travel as short as possible.</li></ol>");
    if (!w.lexicographicFor(PlanWeights::kMaxPlaced, PlanWeights::kMaxKm, PlanWeights::kMaxNeed))
        return tr("The plan weighs its goals against each other with your own numbers (under Advanced): it may "
                  "place fewer teachers or cover less need in exchange for shorter travel. <b>Restore Defaults</b> "
                  "brings back the usual order.");
    return tr("The plan follows your own numbers (under Advanced), which keep the usual order: the most teachers "
              "placed, then the most need covered, then the shortest travel.");
}

void WeightsDialog::setWeights(const PlanWeights &w)
{
    m_place->setText(QString::number(w.place));
    m_need->setText(QString::number(w.need));
    m_distance->setText(QString::number(w.distance));
    m_maximize->setChecked(w.maximizePlaced);
    m_place->setEnabled(!w.maximizePlaced);
}

PlanWeights WeightsDialog::weights() const
{
    PlanWeights w { m_place->text().toLongLong(), m_need->text().toLongLong(), m_distance->text().toLongLong() };
    w.maximizePlaced = m_maximize->isChecked();
    return w;
}

void WeightsDialog::check()
{
    const PlanWeights w = weights();
    m_goals->setText(goalsInWords(w));
    if (Status s = w.validate(); !s)
        m_note->setText(s.message());
    else if (w == PlanWeights {})
        m_note->setText(tr("These are the defaults: exact up to %1 placements per field, %2 km and %3 need points per placement.")
                            .arg(PlanWeights::kMaxPlaced)
                            .arg(PlanWeights::kMaxKm)
                            .arg(PlanWeights::kMaxNeed));
    else if (!w.lexicographicFor(PlanWeights::kMaxPlaced, PlanWeights::kMaxKm, PlanWeights::kMaxNeed))
        m_note->setText(tr("With these weights a lower goal can outweigh a higher one: the plan may place fewer teachers "
                           "or cover less need in exchange for shorter travel."));
    else
        m_note->setText(tr("These weights keep the order of the goals."));
}

QString WeightsDialog::summary(const PlanWeights &w)
{
    if (w == PlanWeights {})
        return tr("Goals: most teachers placed, then most need covered, then shortest travel");
    const QLocale l;
    const QString placed
        = w.maximizePlaced ? tr("most teachers placed first") : tr("placed teacher %1").arg(l.toString(qlonglong(w.place)));
    return tr("Weights: %1 · need point %2 · km %3")
        .arg(placed, l.toString(qlonglong(w.need)), l.toString(qlonglong(w.distance)));
}

} // namespace kopru
